import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aloneChanges, combined } from '../src/load/evidence-cells.js';
import { CellRow } from '../src/model/cell-row.js';
import { CellStore } from '../src/model/cell-store.js';
import type { EvidenceCell } from '../src/model/evaluation.js';

/** Cells as loadEvidence makes them: accepted (with `by`), refused (`rejected`), combined (`assessors`). */
const value = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.constant({ kind: 'na' } as const),
  fc.boolean().map((v) => ({ kind: 'bool', value: v }) as const),
  fc.double({ noNaN: true, min: -1e9, max: 1e9 }).map((v) => ({ kind: 'number', value: v }) as const),
  fc
    .tuple(fc.nat(50), fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constant(2 ** 31 - 1), fc.constant(5e12)))
    .map(([a, b]) => ({ kind: 'number', value: b === 0 ? 0 : Math.min(a, b) / b, cases: b }) as const),
);
const text = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }));
const cell = fc.record({
  value,
  raw: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('0.5', '1', '3', '是', '17/20')),
  file: fc.constantFrom('a.csv', 'b.xlsx!Sheet1'),
  line: fc.nat(1e6),
  // Columns past 65,534 (and files past that many) are kept aside from the 16-bit columns.
  column: fc.oneof(fc.nat(1000), fc.integer({ min: 65_530, max: 200_000 })),
  source: text,
  note: text,
  by: text,
  kind: fc.constantFrom('accepted', 'rejected', 'combined'),
});

type Drawn = typeof cell extends fc.Arbitrary<infer T> ? T : never;

const asCell = (c: Drawn): EvidenceCell => {
  const { kind, ...rest } = c;
  if (kind === 'rejected') {
    const { by, ...head } = rest;
    return { ...head, rejected: true, by };
  }
  return kind === 'combined' ? { ...rest, assessors: { 甲: 1, '': 2 } } : rest;
};

describe('the cell store', () => {
  it('gives back every cell as it was stored, key order included', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), (cs) => {
        const store = new CellStore();
        for (let i = 0; i < 65_534; i++) store.file('padding.csv');
        const files = new Map<string, number>();
        const slots = cs.map((c) => {
          const e = asCell(c);
          const file = files.get(e.file) ?? files.set(e.file, store.file(e.file)).get(e.file) ?? 0;
          return store.add({ ...e, file, by: e.by ?? null });
        });
        expect(slots).toEqual(cs.map((_, i) => i));
        for (const [i, c] of cs.entries()) {
          const back = store.cell(i);
          expect(JSON.stringify(back)).toBe(JSON.stringify(asCell(c)));
          expect(
            Object.is(
              back.value.kind === 'number' ? back.value.value : 0,
              c.value.kind === 'number' ? c.value.value : 0,
            ),
          ).toBe(true);
          expect(store.rejected(i)).toBe(c.kind === 'rejected');
          // What scoring reads: the same value, refusal and assessors, without the texts.
          const { value, rejected, assessors } = back;
          expect(store.facts(i)).toEqual({ value, rejected, assessors });
          // One assessor's value combined in the store: the cell combined() makes of it, key for
          // key (reading never keeps an empty source or note: they are null).
          if (c.kind === 'accepted' && c.source !== '' && c.note !== '') {
            const alone = store.cell(store.with(i, aloneChanges(store.value(i), store.byOf(i))));
            expect(JSON.stringify(alone)).toBe(JSON.stringify(combined([{ cell: back, order: i }], 'mean')));
          }
        }
      }),
    );
  });

  it('a row reads like a Map: entries in the order first set, a second set in place', () => {
    const store = new CellStore();
    const file = store.file('e.csv');
    const add = (raw: string) =>
      store.add({
        value: { kind: 'number', value: Number(raw) },
        raw,
        file,
        line: 2,
        column: 3,
        source: null,
        note: null,
        by: null,
      });
    const ids = ['S1', 'S2', 'S3'];
    const row = new CellRow(store, ids, new Map(ids.map((id, i) => [id, i])));
    const mirror = new Map<string, EvidenceCell>();
    for (const [i, raw] of [
      [2, '7'],
      [0, '1'],
      [2, '8'],
    ] as const) {
      const s = add(raw);
      row.put(i, s);
      mirror.set(ids[i] ?? '', store.cell(s));
    }
    expect([...row]).toEqual([...mirror]);
    expect([...row.keys()]).toEqual(['S3', 'S1']);
    expect(row.size).toBe(2);
    expect(row.get('S3')?.raw).toBe('8');
    expect([row.has('S2'), row.get('S2'), row.get('nope')]).toEqual([false, undefined, undefined]);
    const seen: string[] = [];
    row.forEach((c, k) => {
      seen.push(`${k}=${c.raw}`);
    });
    expect(seen).toEqual(['S3=8', 'S1=1']);
  });
});

describe('a store moved to another', () => {
  it('every cell as it was, its pages taken over, the texts and files renumbered', () => {
    const fill = (store: CellStore, n: number, tag: string) => {
      const files = [store.file(`${tag}-1.csv`), store.file(`${tag}-2.csv`)];
      for (let i = 0; i < n; i++)
        store.add({
          value:
            i % 3 === 0
              ? { kind: 'number', value: i / 7, cases: i }
              : i % 3 === 1
                ? { kind: 'na' }
                : { kind: 'bool', value: true },
          raw: i % 3 === 0 ? `${i}/7` : '不适用',
          file: files[i % 2] ?? 0,
          line: i + 2,
          column: 5,
          source: `${tag} 来源 ${i % 11}`,
          ...(i % 9999 === 1 ? { column: 70_000 + i } : {}),
          note: i % 5 === 0 ? null : `备注 ${i % 4}`,
          by: i % 2 === 0 ? null : '甲组',
          rejected: i % 13 === 0,
        });
    };
    const here = new CellStore();
    // Files past 65,534 are numbered aside from the 16-bit column: here's own, and there's after them.
    for (let i = 0; i < 65_534; i++) here.file('padding.csv');
    fill(here, 100, 'here');
    const there = new CellStore();
    fill(there, 70_000, 'there');
    const before = [0, 1, 65_535, 65_536, 69_999].map((j) => there.cell(j));
    const first = here.append(there.dump());
    expect(first).toBeGreaterThanOrEqual(100);
    expect([0, 1, 65_535, 65_536, 69_999].map((j) => here.cell(first + j))).toEqual(before);
    expect(here.cell(99)).toMatchObject({ file: 'here-2.csv', line: 101, source: 'here 来源 0' });
    const next = here.add({
      value: { kind: 'none' },
      raw: '',
      file: 0,
      line: 1,
      column: 1,
      source: null,
      note: null,
      by: null,
    });
    expect(next).toBe(first + 70_000);
    expect(here.cell(next).file).toBe('padding.csv');
    expect(here.cell(first + 69_999).file).toBe('there-2.csv');
  });
});
