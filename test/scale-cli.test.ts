import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBigEvaluation } from './bench/big.js';

/**
 * Behaviour at a moderate scale (3,000 counties in 15 prefectures, test/bench/big.ts): the formats
 * agree county by county, and the per-prefecture figures that used to be found by scanning every
 * county for every county (prefecture ranks, the prefecture's best) are what the totals say.
 * No timings here: those are `npm run bench` and docs/limits.md.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const dir = join(mkdtempSync(join(tmpdir(), 'fazhi-scale-')), 'big');
const big = writeBigEvaluation(dir, {
  counties: 3000,
  prefectures: 15,
  rounds: 1,
  groups: 1,
  perGroup: 2,
  self: false,
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fazhi(...args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

interface JsonCounty {
  id: string;
  name: string;
  prefecture: string;
  total: number;
  rank: number | null;
  prefectureRank: number | null;
  disqualified: boolean;
}

const score = JSON.parse(fazhi('score', dir, '--format', 'json')) as { counties: JsonCounty[] };
const counties = score.counties;

/** Competition rank of each county among `cs` by total. */
function ranks(cs: readonly JsonCounty[]): Map<string, number> {
  const sorted = cs.filter((c) => !c.disqualified).sort((a, b) => b.total - a.total);
  return new Map(sorted.map((c) => [c.id, sorted.findIndex((x) => x.total === c.total) + 1]));
}

describe(`${big.countyIds.length} counties`, { timeout: 180_000 }, () => {
  it('are all scored, ranked as their totals say, province-wide and within each prefecture', () => {
    expect(counties.map((c) => c.id).sort()).toEqual([...big.countyIds].sort());
    const overall = ranks(counties);
    for (const c of counties) expect(c.rank).toBe(overall.get(c.id) ?? null);
    for (const p of new Set(counties.map((c) => c.prefecture))) {
      const within = ranks(counties.filter((c) => c.prefecture === p));
      for (const c of counties.filter((x) => x.prefecture === p))
        expect(c.prefectureRank).toBe(within.get(c.id) ?? null);
    }
  });

  it('get the same ranks and totals as CSV and as a terminal table', () => {
    const csv = fazhi('score', dir, '--format', 'csv')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(csv.map((l) => l.split(',').slice(0, 6))).toEqual(
      counties.map((c) => [
        String(c.rank ?? ''),
        String(c.prefectureRank ?? ''),
        c.id,
        c.name,
        c.prefecture,
        String(c.total),
      ]),
    );
    const table = fazhi('score', dir, '--format', 'table')
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .slice(1)
      .map((l) =>
        l
          .split('│')
          .slice(1, 5)
          .map((x) => x.trim()),
      );
    expect(table).toEqual(
      counties.map((c) => [c.rank === null ? '—' : String(c.rank), c.name, c.prefecture, c.total.toFixed(2)]),
    );
  });

  it("have gaps to their prefecture's best and the province's best that the totals give", () => {
    const gaps = JSON.parse(fazhi('gaps', dir, '--format', 'json')) as {
      counties: { id: string; toPrefectureBest: number | null; toProvinceBest: number | null }[];
    };
    expect(gaps.counties.map((c) => c.id)).toEqual(counties.map((c) => c.id));
    const ranked = counties.filter((c) => !c.disqualified);
    const best = (cs: readonly JsonCounty[]) => cs.reduce((m, c) => Math.max(m, c.total), -Infinity);
    const province = best(ranked);
    const byId = new Map(counties.map((c) => [c.id, c]));
    for (const g of gaps.counties) {
      const c = byId.get(g.id);
      if (c === undefined || c.disqualified) {
        expect(g.toPrefectureBest).toBeNull();
        continue;
      }
      const prefecture = best(ranked.filter((x) => x.prefecture === c.prefecture));
      expect(g.toPrefectureBest).toBeCloseTo(prefecture - c.total, 9);
      expect(g.toProvinceBest).toBeCloseTo(province - c.total, 9);
    }
  });
});
