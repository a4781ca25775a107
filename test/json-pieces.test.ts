import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces, jsonPiecesOf } from '../src/report/output.js';

/** JSON written in pieces, one array item at a time (issue 15): byte for byte JSON.stringify's. */
describe('JSON in pieces', () => {
  const json = fc.jsonValue({ maxDepth: 3 });

  it('is JSON.stringify(object, null, 2) and a newline, wherever the array stands', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), json, { maxKeys: 4 }),
        fc.array(json, { maxLength: 4 }),
        fc.nat(4),
        (fields, items, at) => {
          const keys = Object.keys(fields).filter((k) => k !== 'items' && k !== '__proto__');
          const object = Object.fromEntries([
            ...keys.slice(0, at).map((k) => [k, fields[k]]),
            ['items', items],
            ...keys.slice(at).map((k) => [k, fields[k]]),
          ]);
          expect([...jsonPiecesOf(object, 'items', items)].join('')).toBe(`${JSON.stringify(object, null, 2)}\n`);
        },
      ),
    );
  });

  it('the array last: the same as before', () => {
    const items = [{ a: 1 }, [2, 3], 'x'];
    expect([...jsonPieces({ pass: 60, notice: null }, 'counties', items)].join('')).toBe(
      `${JSON.stringify({ pass: 60, notice: null, counties: items }, null, 2)}\n`,
    );
  });

  it('one piece an item, and the array itself never read (its getter would make every item)', () => {
    const object = { head: '\u0000items', items: [] as number[], tail: ['"\u0000items"'] };
    let asked = 0;
    Object.defineProperty(object, 'items', {
      enumerable: true,
      get: () => {
        asked++;
        return [1, 2, 3];
      },
    });
    const pieces = [...jsonPiecesOf(object, 'items', [1, 2, 3])];
    expect(asked).toBe(0);
    expect(pieces).toHaveLength(4);
    expect(pieces.join('')).toBe(`${JSON.stringify(object, null, 2)}\n`);
    expect(asked).toBe(1);
  });
});

describe('the score report in JSON', () => {
  it('an id that is also a name of Object.prototype (__proto__, constructor) is a key like any other', async () => {
    const { parseIndicators } = await import('../src/load/indicators.js');
    const { scoreCounties } = await import('../src/evaluate.js');
    const { scoreReport, SCORE_RENDERERS } = await import('../src/report/score.js');
    const { textOf } = await import('../src/report/output.js');
    const yaml = [
      'id: x',
      'name: x',
      'scale: 10',
      'systems:',
      '  - id: __proto__',
      '    name: S',
      '    weight: 10',
      '    items:',
      '      - { id: constructor, name: I, weight: 10, rule: { type: check } }',
    ].join('\n');
    const { system } = parseIndicators(yaml, 'x.yaml');
    if (system === null) throw new Error('the system does not load');
    const county = { id: 'c', name: '甲县', prefecture: '东州', extra: {} };
    const yes = {
      value: { kind: 'bool', value: true },
      raw: '是',
      file: 'e.csv',
      line: 2,
      column: 3,
      source: null,
      note: null,
    } as const;
    const scoring = scoreCounties(system, [county], new Map([['c', new Map([['constructor', yes]])]]));
    const report = scoreReport(scoring, {
      round: null,
      sha256: null,
      warnings: [],
      rejected: [],
      inputs: [],
      lang: 'zh',
    });
    const text = textOf(SCORE_RENDERERS.json(report));
    expect(text).toContain('"__proto__": 10,');
    expect(text).toContain('"constructor": 10\n');
    expect(Object.keys(JSON.parse(text).counties[0].scores)).toEqual(['__proto__', 'constructor']);
  });
});
