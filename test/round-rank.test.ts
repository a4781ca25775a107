import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../src/rank/rank.js';
import { round } from '../src/score/round.js';

describe('round', () => {
  it('normalises to 12 significant digits, then rounds half away from zero', () => {
    expect(round(79.99499999999, 2)).toBe(80);
    expect(round(79.995000000001, 2)).toBe(80);
    expect(round(79.995, 2)).toBe(80);
    expect(round(1.005, 2)).toBe(1.01); // 1.005 is 1.00499999999999989… as a double
    expect(round(2.5, 0)).toBe(3);
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(-0.001, 2)).toBe(0);
    expect(Object.is(round(-0.001, 2), -0)).toBe(false);
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
    expect(round(87.245, 2)).toBe(87.25);
    expect(round(87.244999, 2)).toBe(87.24);
    expect(round(1e-7, 2)).toBe(0);
    expect(round(123456.789, 6)).toBe(123456.789);
    expect(round(5, 6)).toBe(5);
  });

  it('agrees with decimal rounding of the 12-digit value for any number', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, p) => {
        const r = round(x, p);
        const normal = Number(x.toPrecision(12));
        // Never further than half a unit of the last place from the normalised value.
        expect(Math.abs(r - normal)).toBeLessThanOrEqual(0.5 * 10 ** -p + 1e-9 * Math.max(1, Math.abs(normal)));
        // Idempotent, and a number with at most p decimals.
        expect(round(r, p)).toBe(r);
        expect(Number(r.toFixed(p))).toBe(r);
      }),
    );
  });
});

describe('competitionRanks', () => {
  it('1, 2, 2, 4; ties by id; the excluded last, unranked, by id', () => {
    const ranks = competitionRanks([
      { id: 'd', value: 70 },
      { id: 'b', value: 80 },
      { id: 'z', value: 99, excluded: true },
      { id: 'a', value: 80 },
      { id: 'c', value: 90 },
      { id: 'y', value: 10, excluded: true },
    ]);
    expect(ranks).toEqual([
      { id: 'c', rank: 1 },
      { id: 'a', rank: 2 },
      { id: 'b', rank: 2 },
      { id: 'd', rank: 4 },
      { id: 'y', rank: null },
      { id: 'z', rank: null },
    ]);
  });

  it('ids compare by code point, not by locale', () => {
    expect(
      competitionRanks([
        { id: 'b', value: 1 },
        { id: 'B', value: 1 },
        { id: '牟', value: 1 },
      ]).map((r) => r.id),
    ).toEqual(['B', 'b', '牟']);
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), value: fc.integer({ min: 0, max: 5 }), excluded: fc.boolean() }), {
          maxLength: 20,
        }),
        (list) => {
          const unique = [...new Map(list.map((e) => [e.id, e])).values()];
          expect(competitionRanks([...unique].reverse())).toEqual(competitionRanks(unique));
        },
      ),
    );
  });
});
