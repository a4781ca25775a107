import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, groupBy, maxOf, minOf } from '../src/model/arrays.js';
import { jsonPieces, textOf } from '../src/report/output.js';
import { type TextAlign, textTable } from '../src/report/text-table.js';
import { round, roundByStrings } from '../src/score/round.js';

/**
 * Scale: the linear replacements of what was quadratic or overflowed the stack at 100,000+
 * counties give exactly what they replace. Timings live in test/bench/, never here.
 */

const cliTable3 = (head: string[], rows: string[][], align: TextAlign[]) => {
  const t = new Table({ head, style: { head: [], border: [], compact: true }, colAligns: align });
  for (const r of rows) t.push(r);
  return t.toString();
};

const RED = '\u001b[31m';
const BOLD = '\u001b[1m';
const RESET_FG = '\u001b[39m';
const RESET_BOLD = '\u001b[22m';

/** Cell text: ASCII, CJK, full-width punctuation, emoji, colours opened and closed, newlines, empty. */
const cell = fc
  .array(
    fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      '.',
      '县',
      '州（市）',
      '—',
      '✓',
      '👍',
      '\n',
      RED,
      RESET_FG,
      BOLD,
      RESET_BOLD,
      '',
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('textTable', () => {
  it('draws exactly what cli-table3 draws, for any cells', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 8 }),
              fc.array(fc.constantFrom<TextAlign>('left', 'right'), { minLength: n, maxLength: n }),
            ),
          ),
        ([head, rows, align]) => {
          expect(textTable(head, rows, align)).toBe(cliTable3(head, rows, align));
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('draws a table of the score shape like cli-table3', () => {
    const head = ['排名', '县（市、区）', '州（市）', '总分', '等次', 'S1'].map((h) => `${BOLD}${h}${RESET_BOLD}`);
    const rows = Array.from({ length: 300 }, (_, i) => [
      i % 7 === 0 ? `${RED}—${RESET_FG}` : String(i + 1),
      `测试县${i}`,
      `测试市${i % 5}`,
      (90 - i / 10).toFixed(2),
      i % 3 === 0 ? `${RED}合格${RESET_FG}` : '优秀',
      String(i % 11),
    ]);
    const align: TextAlign[] = ['right', 'left', 'left', 'right', 'left', 'right'];
    expect(textTable(head, rows, align)).toBe(cliTable3(head, rows, align));
  });
});

describe('arrays without spreading', () => {
  const big = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 1_000_003);

  it('maxOf and minOf take any length and agree with Math.max and Math.min', () => {
    expect(maxOf(big)).toBe(big.reduce((a, b) => Math.max(a, b)));
    expect(minOf(big)).toBe(big.reduce((a, b) => Math.min(a, b)));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0))), (xs) => {
        expect(maxOf(xs)).toBe(Math.max(...xs));
        expect(minOf(xs)).toBe(Math.min(...xs));
      }),
      { seed: 14 },
    );
  });

  it('append takes any length', () => {
    const to = [1, 2];
    expect(append(to, big)).toBe(to);
    expect(to.length).toBe(big.length + 2);
    expect(to[2]).toBe(big[0]);
  });

  it('groupBy keeps the order of first appearance and of the items', () => {
    const g = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0] ?? '');
    expect([...g]).toEqual([
      ['b', ['b1', 'b2']],
      ['a', ['a1', 'a2']],
      ['c', ['c1']],
    ]);
  });
});

describe('round', () => {
  it('gives exactly what rounding by strings gives', () => {
    const precision = fc.integer({ min: 0, max: 12 });
    const near = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), fc.double())
      .map(([k, p, noise]) => (k + 0.5) / 10 ** p + (Number.isFinite(noise) ? noise * 1e-12 : 0));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.double({ min: -1e6, max: 1e6 }),
          near,
          fc.constantFrom(0, -0, 0.5, -0.5, 1.005, 79.995),
        ),
        precision,
        (x, p) => {
          expect(round(x, p)).toBe(roundByStrings(x, p));
        },
      ),
      { numRuns: 20_000, seed: 14 },
    );
  });
});

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify gives, the array last', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string().filter((k) => k !== 'items'),
          fc.jsonValue(),
        ),
        fc.array(fc.jsonValue(), { maxLength: 6 }),
        (fields, items) => {
          const whole = `${JSON.stringify({ ...fields, items }, null, 2)}\n`;
          expect(textOf({ pieces: jsonPieces(fields, 'items', items) })).toBe(whole);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
