import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCounties } from '../src/evaluate.js';
import { readCsv } from '../src/load/csv.js';
import { loadEvidence } from '../src/load/evidence.js';
import { parseIndicators } from '../src/load/indicators.js';
import { parseRegister } from '../src/load/register.js';
import type { CountyResult, Scoring } from '../src/model/scoring.js';
import type { IndicatorSystem } from '../src/model/system.js';
import { round } from '../src/score/round.js';

/**
 * Two published composite indices, rebuilt in fazhi's own input formats (indicator YAML,
 * register CSV, wide evidence CSV, all generated as text and fed through the real parsers)
 * and scored by fazhi's engine. Data: test/data/published-indices (sources and terms in its READMEs).
 *
 * WJP Rule of Law Index (44 sub-factors → 8 factors → overall, unweighted means):
 * - 2014 … 2025: every factor and overall score equals WJP's full-precision value to within
 *   float noise (≤ 1e-15), the 2025 scores equal WJP's own 4-dp profile values exactly, and
 *   fazhi's ranks equal WJP's global and regional ranks for all 143 countries of 2025.
 * - 2015, 2016 (unpublished sub-factor cells) reproduce just as exactly under `missing: exclude`.
 * - 2012-2013 publishes sub-factors to 2 dp only: factors and overall agree to within 0.005.
 * COINr's ASEM example (49 indicators → 8 pillars → 2 sub-indexes → Index, from the treated data):
 * - every min-max normalised indicator, pillar, sub-index and Index score equals COINr's to
 *   within float noise (≤ 1e-13 on the 0–100 scale), every 2-dp score exactly, and every rank of
 *   all 11 aggregates exactly, ties included.
 */

const DATA = join(import.meta.dirname, 'data', 'published-indices');

/** Without its data this test must fail, never pass vacuously. */
function readData(path: string): string {
  const file = join(DATA, path);
  if (!existsSync(file)) throw new Error(`published-indices data missing: ${file}`);
  return readFileSync(file, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers: CSV in, fazhi YAML and CSV text out, scoring through the real parsers.

type Row = Readonly<Record<string, string>>;

/** A plain RFC 4180 table, header first, as rows keyed by header. */
function parseTable(text: string): Row[] {
  const [header, ...records] = [...readCsv(text)].map((r) => r.fields.map((f) => f.text));
  return records.map((fields) => {
    if (fields.length !== header!.length)
      throw new Error(`test data: ${fields.length} fields, header has ${header!.length}`);
    return Object.fromEntries(header!.map((h, i) => [h, fields[i]!]));
  });
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csvText = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;

/** A node of an indicator system as the YAML file writes it. */
interface Node {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly items?: readonly Node[];
  /** The rule in YAML flow style, e.g. `{ type: fraction }`. */
  readonly rule?: string;
}

/** A JSON string is a valid YAML 1.2 double-quoted scalar: names with `:`, `'` or `,` stay text. */
const q = JSON.stringify;

function indicatorYaml(head: Readonly<Record<string, string | number>>, systems: readonly Node[]): string {
  const lines = [
    'format: fazhi/indicators@1',
    ...Object.entries(head).map(([k, v]) => `${k}: ${typeof v === 'string' ? q(v) : v}`),
    'systems:',
  ];
  const put = (n: Node, indent: string) => {
    lines.push(`${indent}- id: ${q(n.id)}`, `${indent}  name: ${q(n.name)}`, `${indent}  weight: ${n.weight}`);
    if (n.rule !== undefined) lines.push(`${indent}  rule: ${n.rule}`);
    if (n.items !== undefined) {
      lines.push(`${indent}  items:`);
      for (const c of n.items) put(c, `${indent}    `);
    }
  };
  for (const s of systems) put(s, '  ');
  return `${lines.join('\n')}\n`;
}

interface Scored {
  readonly system: IndicatorSystem;
  readonly scoring: Scoring;
  readonly byId: ReadonlyMap<string, CountyResult>;
  /** A node's points ÷ its maximum: its score as a share 0…1 (`null` when left out). */
  readonly share: (county: string, node: string) => number | null;
}

/** Parses the three texts with fazhi's own loaders, insists they raise no problem at all, and scores. */
function scoreTexts(yaml: string, register: string, evidence: string): Scored {
  const loaded = parseIndicators(yaml, 'indicators.yaml');
  expect(loaded.problems).toEqual([]);
  const system = loaded.system!;
  const reg = parseRegister(register, 'counties.csv');
  expect(reg.problems).toEqual([]);
  const counties = reg.register!.counties;
  const ev = loadEvidence(system, counties, [{ file: 'evidence.csv', text: evidence }], undefined);
  expect([...ev.fatal, ...ev.cellErrors, ...ev.warnings]).toEqual([]);
  const [count] = ev.counts;
  expect(count!.used).toBe(count!.cells);
  const scoring = scoreCounties(system, counties, ev.table);
  const max = new Map(system.nodes.map((n) => [n.id, n.max]));
  const byId = new Map(scoring.counties.map((c) => [c.county.id, c]));
  const share = (county: string, node: string): number | null => {
    const p = byId.get(county)!.nodes.get(node)!.points;
    return p === null ? null : p / max.get(node)!;
  };
  return { system, scoring, byId, share };
}

/** Asserts |fazhi − published| ≤ tolerance over all pairs, naming the worst pair if not. */
function expectWithin(tolerance: number, pairs: Iterable<readonly [label: string, got: number, want: number]>): void {
  let diff = 0;
  let at = '';
  let n = 0;
  for (const [label, got, want] of pairs) {
    n++;
    const d = Math.abs(got - want);
    if (!(d <= diff)) [diff, at] = [d, `${label}: fazhi ${got}, published ${want}`];
  }
  expect(n).toBeGreaterThan(0);
  expect(diff, at).toBeLessThanOrEqual(tolerance);
}

// ---------------------------------------------------------------------------------------------
// 1. WJP Rule of Law Index

const FACTORS = [
  ['f1', 'Constraints on Government Powers', 6],
  ['f2', 'Absence of Corruption', 4],
  ['f3', 'Open Government', 4],
  ['f4', 'Fundamental Rights', 8],
  ['f5', 'Order and Security', 3],
  ['f6', 'Regulatory Enforcement', 5],
  ['f7', 'Civil Justice', 7],
  ['f8', 'Criminal Justice', 7],
] as const;
const subFactors = (f: string, n: number) => Array.from({ length: n }, (_, i) => `sf${f.slice(1)}${i + 1}`);
const SUB_FACTORS = FACTORS.flatMap(([f, , n]) => subFactors(f, n));

/**
 * WJP's overall score is the unweighted mean of the 8 factors, each the unweighted mean of its
 * sub-factors: equal relative weights at both levels. `scale: 1` keeps fazhi's total on WJP's
 * own 0–1 scale (each factor then has maximum 1/8, so a factor's score is its points ÷ 1/8).
 * `precision: 6`, not WJP's 4: ranks are taken on rounded totals, and at 4 dp Bosnia and
 * Herzegovina and Malawi tie in 2025 (0.5199), which WJP's ranking by full-precision score
 * separates; at 5 or 6 dp no two 2025 scores tie (the closest differ by 3.0e-5).
 */
function wjpYaml(edition: string, precision = 6): string {
  const systems: Node[] = FACTORS.map(([id, name, n]) => ({
    id,
    name,
    weight: 1,
    items: subFactors(id, n).map((sf) => ({
      id: sf,
      name: `Sub-factor ${sf[2]}.${sf.slice(3)}`,
      weight: 1,
      rule: '{ type: fraction }',
    })),
  }));
  const head = {
    id: `wjp-roli-${edition}`,
    name: `WJP Rule of Law Index ${edition}`,
    scale: 1,
    weighting: 'relative',
    precision,
    missing: 'exclude',
  };
  return indicatorYaml(head, systems);
}

const wjpRows = parseTable(readData('wjp/wjp_roli_historical_2012_2025.csv'));
const editions = [...new Set(wjpRows.map((r) => r.year!))];

function scoreWjp(edition: string, precision?: number): { rows: Row[]; scored: Scored } {
  const rows = wjpRows.filter((r) => r.year === edition);
  const register = csvText(
    ['county_id', 'county', 'prefecture'],
    rows.map((r) => [r.code!, r.country!, r.region!]),
  );
  const evidence = csvText(
    ['county_id', ...SUB_FACTORS],
    rows.map((r) => [r.code!, ...SUB_FACTORS.map((s) => r[s]!)]),
  );
  return { rows, scored: scoreTexts(wjpYaml(edition, precision), register, evidence) };
}

/** Every factor and overall score of an edition: fazhi against WJP's full-precision values. */
function* wjpPairs(rows: readonly Row[], s: Scored): Generator<readonly [string, number, number]> {
  for (const r of rows) {
    for (const [f] of FACTORS) yield [`${r.code} ${f}`, s.share(r.code!, f)!, Number(r[f])];
    yield [`${r.code} roli`, s.byId.get(r.code!)!.total, Number(r.roli)];
  }
}

/**
 * WJP's factor is the plain float mean of the sub-factors in the file and the overall the plain
 * mean of the factors (Python's sum()/n reproduces them bit for bit from 2014 on). fazhi goes
 * through points = a × max and back (a = points ÷ max) with maxima like 1/48, which costs a few
 * ulps (an ulp is 1.1e-16 just below 1; the largest difference seen is 4.4e-16): 1e-15 allows
 * that noise and nothing more. (These are WJP's full-precision numbers: its 4-dp rounding plays
 * no part here; the profile test checks that separately.)
 */
const WJP_FLOAT_NOISE = 1e-15;

describe('WJP Rule of Law Index', () => {
  it('the historical file holds 12 editions, 143 countries in 2025', () => {
    expect(editions).toEqual([
      '2012-2013',
      '2014',
      '2015',
      '2016',
      '2017-2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(wjpRows.filter((r) => r.year === '2025')).toHaveLength(143);
  });

  describe('2025', () => {
    const { rows, scored } = scoreWjp('2025');
    const profiles = (JSON.parse(readData('wjp/roli_2025_country_profiles.json')) as WjpProfiles).countries;

    it('every factor and overall score equals WJP’s full-precision score', () => {
      expectWithin(WJP_FLOAT_NOISE, wjpPairs(rows, scored));
    });

    it('rounded to 4 dp, equals WJP’s own country profiles exactly', () => {
      expect(profiles).toHaveLength(143);
      const got = profiles.map((p) => ({
        code: p.code,
        overall: round(scored.byId.get(p.code)!.total, 4),
        ...Object.fromEntries(FACTORS.map(([f]) => [f, round(scored.share(p.code, f)!, 4)])),
      }));
      expect(got).toEqual(
        profiles.map((p) => ({
          code: p.code,
          overall: p.overall,
          ...Object.fromEntries(FACTORS.map(([f]) => [f, p[f]])),
        })),
      );
    });

    it('ranks all 143 countries as WJP does, globally and within each region', () => {
      const rank = (p: WjpProfile) => ({
        code: p.code,
        region: p.region,
        rank: p.globalRank,
        regional: p.regionalRank,
      });
      const got = profiles.map((p) => {
        const c = scored.byId.get(p.code)!;
        return { code: p.code, region: c.county.prefecture, rank: c.rank, regional: c.prefectureRank };
      });
      expect(got).toEqual(profiles.map(rank));
    });

    it('at WJP’s 4 published decimals, fazhi ties what rounds equal (competition ranks), WJP does not', () => {
      const at4 = scoreWjp('2025', 4).scored;
      const competition = (p: WjpProfile) => 1 + profiles.filter((o) => o.overall > p.overall).length;
      expect(profiles.map((p) => at4.byId.get(p.code)!.rank)).toEqual(profiles.map(competition));
      const split = profiles.filter((p) => competition(p) !== p.globalRank);
      expect(split).toHaveLength(1); // one of the pair at 0.5199 (see wjpYaml)
    });
  });

  // WJP published no score for 23 sub-factor cells in 2015 and 5 in 2016. Their factor scores are
  // the mean of the sub-factors that were published, to the last bit: exactly `missing: exclude`.
  // So WJP either left those cells out or imputed each with the mean of its published siblings
  // (which gives the same factor); any other imputation (regional mean, last year's value) would
  // not reproduce. The file has no ranks for these editions, so only scores are checked.
  describe.each([
    ['2015', 23],
    ['2016', 5],
  ])('%s, with unpublished sub-factor cells', (edition, empty) => {
    const { rows, scored } = scoreWjp(edition);

    it('leaves the unpublished cells out, and nothing else', () => {
      const unpublished = rows.flatMap((r) => SUB_FACTORS.filter((s) => r[s] === '').map((s) => `${r.code} ${s}`));
      expect(unpublished).toHaveLength(empty);
      const excluded = scored.scoring.counties.flatMap((c) =>
        [...c.nodes].filter(([, n]) => n.status !== 'scored').map(([id, n]) => `${c.county.id} ${id} ${n.status}`),
      );
      expect(excluded.sort()).toEqual(unpublished.map((u) => `${u} excluded`).sort());
    });

    it('every factor and overall score equals WJP’s full-precision score', () => {
      expectWithin(WJP_FLOAT_NOISE, wjpPairs(rows, scored));
    });
  });

  it.each(['2014', '2017-2018', '2019', '2020', '2021', '2022', '2023', '2024'])(
    '%s: every factor and overall score equals WJP’s',
    (edition) => {
      const { rows, scored } = scoreWjp(edition);
      expectWithin(WJP_FLOAT_NOISE, wjpPairs(rows, scored));
    },
  );

  // 2012-2013 is the one edition whose sub-factors the file gives rounded to 2 dp, while WJP
  // computed the factors from the unrounded ones: a mean of values each off by at most 0.005 is
  // off by at most 0.005 (0.0043 is the largest seen). WJP's overall is the exact mean of its
  // factors, so it inherits the same bound. Nothing finer can be reproduced from this file.
  it('2012-2013 (sub-factors published to 2 dp): within the 0.005 that rounding allows', () => {
    const { rows, scored } = scoreWjp('2012-2013');
    expect(rows.every((r) => SUB_FACTORS.every((s) => round(Number(r[s]), 2) === Number(r[s])))).toBe(true);
    expectWithin(0.005, wjpPairs(rows, scored));
  });
});

interface WjpProfile extends Readonly<Record<(typeof FACTORS)[number][0], number>> {
  readonly code: string;
  readonly region: string;
  readonly overall: number;
  readonly globalRank: number;
  readonly regionalRank: number;
}
interface WjpProfiles {
  readonly countries: readonly WjpProfile[];
}

// ---------------------------------------------------------------------------------------------
// 2. COINr's ASEM Sustainable Connectivity example

const asem = (file: string): Row[] => parseTable(readData(`asem_coinr/${file}`));
const indMeta = asem('ASEM_COIN_Input_IndMeta.csv');
const aggMeta = new Map(asem('ASEM_COIN_Input_AggMeta.csv').map((r) => [r.Code!, r]));
const treated = asem('ASEM_COIN_Data_Treated.csv');
const normalised = new Map(asem('ASEM_COIN_Data_Normalised.csv').map((r) => [r.UnitCode!, r]));
const aggregated = new Map(asem('ASEM_COIN_Data_Aggregated.csv').map((r) => [r.UnitCode!, r]));
const results = asem('ASEM_COIN_Results_AggregatesScore.csv');
const resultRanks = new Map(asem('ASEM_COIN_Results_AggregatesRank.csv').map((r) => [r.UnitCode!, r]));
const INDICATORS = indMeta.map((m) => m.IndCode!);

/** The tree from IndMeta's Agg1 (pillar) → Agg2 (sub-index) → Agg3 (index) columns, in file order. */
function asemTree(): Node {
  const children = (level: 'Agg1' | 'Agg2' | 'Agg3', parent: (m: Row) => boolean): Node[] =>
    [...new Set(indMeta.filter(parent).map((m) => m[level]!))].map((code) => {
      const agg = aggMeta.get(code)!;
      const mine = (m: Row) => parent(m) && m[level] === code;
      const items =
        level === 'Agg1'
          ? indMeta.filter(mine).map((m) => ({
              id: m.IndCode!,
              name: m.IndName!,
              weight: Number(m.IndWeight),
              rule: m.Direction === '-1' ? '{ type: minmax, direction: lower }' : '{ type: minmax }',
            }))
          : children(level === 'Agg3' ? 'Agg2' : 'Agg1', mine);
      return { id: code, name: agg.Name!, weight: Number(agg.Weight), items };
    });
  const [index] = children('Agg3', () => true);
  return index!;
}
const ASEM_INDEX = asemTree();
const leaves = (n: Node): string[] => (n.rule === undefined ? n.items!.flatMap(leaves) : [n.id]);
const AGGREGATES = (function walk(n: Node): Node[] {
  return n.rule === undefined ? [n, ...n.items!.flatMap(walk)] : [];
})(ASEM_INDEX);

/**
 * One aggregate scored as an index of its own: its children become the systems, scale 100, so
 * fazhi's total is the aggregate's 0–100 score and fazhi's rank is its rank. Under `relative`
 * weighting a node's score (points ÷ its max) is the weighted mean of its children's: COINr's
 * weighted arithmetic mean, with IndMeta's IndWeight and AggMeta's Weight (all 1 here).
 * `precision: 2` with competition ranking is COINr6's ranking of 2-dp scores with ties.method
 * "min". `missing: error`: the treated data is complete, so nothing may go missing. The register
 * holds exactly the 51 units, so fazhi's min-max range is COINr's.
 */
function scoreAsem(root: Node): Scored {
  const head = {
    id: `asem-${root.id}`.toLowerCase(),
    name: `ASEM Sustainable Connectivity: ${root.name}`,
    scale: 100,
    weighting: 'relative',
    precision: 2,
    missing: 'error',
  };
  const register = csvText(
    ['county_id', 'county', 'prefecture'],
    treated.map((r) => [r.UnitCode!, r.UnitName!, r.Group_EurAsia!]),
  );
  const ids = leaves(root);
  const evidence = csvText(
    ['county_id', ...ids],
    treated.map((r) => [r.UnitCode!, ...ids.map((i) => r[i]!)]),
  );
  return scoreTexts(indicatorYaml(head, root.items!), register, evidence);
}

/**
 * COINr's numbers are plain float arithmetic on the same inputs ((x − lo) ÷ (hi − lo) × 100, then
 * means); recomputed naively they agree bit for bit. fazhi's detour through points and maxima
 * (a × max, then ÷ max) costs a few ulps (an ulp is 1.4e-14 just below 100; the largest
 * difference seen is 2.8e-14): 1e-13 on the 0–100 scale allows that noise and nothing more.
 */
const ASEM_FLOAT_NOISE = 1e-13;

/** A node's 0–100 score, as COINr reports it; the root of the tree is fazhi's total. */
const score100 = (s: Scored, unit: string, id: string): number =>
  id === ASEM_INDEX.id ? s.byId.get(unit)!.total : s.share(unit, id)! * 100;

describe('COINr ASEM example', () => {
  const full = scoreAsem(ASEM_INDEX);
  const units = treated.map((r) => r.UnitCode!);

  it('has 51 units, 49 indicators, 8 pillars, 2 sub-indexes and the Index', () => {
    expect(units).toHaveLength(51);
    expect(full.system.items).toHaveLength(49);
    expect(AGGREGATES.map((a) => a.id)).toEqual([
      'Index',
      'Conn',
      'ConEcFin',
      'Instit',
      'P2P',
      'Physical',
      'Political',
      'Sust',
      'Environ',
      'Social',
      'SusEcFin',
    ]);
    // COINr's rank table shares two ranks (2-dp ties), so the rank tests below do test ties.
    const shared = AGGREGATES.flatMap((a) => {
      const ranks = units.map((u) => resultRanks.get(u)![a.id]!);
      return [...new Set(ranks.filter((r, i) => ranks.indexOf(r) !== i))].map((r) => `${a.id} ${r}`);
    });
    expect(shared).toEqual(['ConEcFin 47', 'Instit 3']);
  });

  it('min-max normalises every indicator as COINr does (points ÷ max × 100)', () => {
    const pairs = units.flatMap((u) =>
      INDICATORS.map((i) => [`${u} ${i}`, full.share(u, i)! * 100, Number(normalised.get(u)![i])] as const),
    );
    expect(pairs).toHaveLength(51 * 49);
    expectWithin(ASEM_FLOAT_NOISE, pairs);
  });

  it('aggregates every pillar, sub-index and the Index as COINr does', () => {
    const pairs = units.flatMap((u) =>
      AGGREGATES.map((a) => [`${u} ${a.id}`, score100(full, u, a.id), Number(aggregated.get(u)![a.id])] as const),
    );
    expectWithin(ASEM_FLOAT_NOISE, pairs);
    // The indicator columns of the aggregated set are the normalised ones, unchanged.
    expect(units.every((u) => INDICATORS.every((i) => aggregated.get(u)![i] === normalised.get(u)![i]))).toBe(true);
  });

  it('gives every 2-dp score of the results table exactly, and lists the units in its order', () => {
    const table = (value: (unit: string, id: string) => number) =>
      results.map((r) => ({
        UnitCode: r.UnitCode!,
        ...Object.fromEntries(AGGREGATES.map((a) => [a.id, value(r.UnitCode!, a.id)])),
      }));
    const published = table((u, id) => Number(results.find((r) => r.UnitCode === u)![id]));
    // A control: fazhi's rounding of COINr's own full-precision numbers gives COINr's 2-dp table.
    expect(table((u, id) => round(Number(aggregated.get(u)![id]), 2))).toEqual(published);
    expect(table((u, id) => round(score100(full, u, id), 2))).toEqual(published);
    expect(full.scoring.counties.map((c) => c.county.id)).toEqual(results.map((r) => r.UnitCode));
  });

  it.each(AGGREGATES.map((a) => [a.id, a] as const))('ranks %s exactly as COINr, ties included', (id, node) => {
    const scored = id === 'Index' ? full : scoreAsem({ ...ASEM_INDEX, items: [node] });
    const got = Object.fromEntries(units.map((u) => [u, scored.byId.get(u)!.rank]));
    expect(got).toEqual(Object.fromEntries(units.map((u) => [u, Number(resultRanks.get(u)![id])])));
    if (id === 'Index')
      expect(results.map((r) => scored.byId.get(r.UnitCode!)!.rank)).toEqual(results.map((r) => Number(r.Rank)));
  });
});
