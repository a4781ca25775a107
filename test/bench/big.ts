import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Place, prefecturePlaces, provincePlaces } from './places.js';

/**
 * Big synthetic evaluations for the benchmarks (`npm run bench`) and the scale test: N counties
 * in P prefectures, an indicator system of `systems` systems × `groups` groups × `perGroup` items
 * cycling through every rule type (the relative `minmax` too), vetoes of every effect, bonus
 * items, components and self-assessment, and evidence for one or two rounds (`baseline`,
 * `midterm`). Values are pseudo-random but deterministic.
 *
 * By default the evidence is wide, one file per prefecture, and county ids are sequential. With
 * `provinces`, the counties are spread unevenly over that many provinces (codes 11–65 as in the
 * national division codes), each province over its share of the prefectures; ids are the province
 * code and a 4-digit number (`530001`), the register has a `province` column and there is one
 * evidence file per province. `form: 'long'` writes long-form evidence (`county_id,
 * indicator_id,value,source`, no row for an empty cell) instead. `national.ts` uses both.
 *
 * From the command line (bundled with esbuild):
 *   npx esbuild test/bench/big.ts --bundle --platform=node --format=esm --outfile=/tmp/big.mjs
 *   node /tmp/big.mjs OUTDIR 20000 [prefectures] [rounds] [groups] [perGroup] [self]
 * e.g. `node /tmp/big.mjs /tmp/e100k 100000 500 1 1 2 0`: one round, 16 items, no self-assessment.
 */

export interface BigOptions {
  /** Counties in the register. */
  readonly counties: number;
  /** Prefectures; counties are spread over them in contiguous blocks (default: one per 200 counties, at least 1). */
  readonly prefectures?: number;
  /** 1: one round, no round column; 2: `baseline` and `midterm` (default 2). */
  readonly rounds?: 1 | 2;
  /** Systems (default 8), groups per system (default 2) and items per group (default 4): 8 × 2 × 4 = 64 items. */
  readonly systems?: number;
  readonly groups?: number;
  readonly perGroup?: number;
  /** Adds self-assessment rows (`by: 自评`) for the assessed items (default true). */
  readonly self?: boolean;
  /** Provinces (at most 31): province-coded ids, a `province` column, one evidence file per province. */
  readonly provinces?: number;
  /** Wide (default) or long evidence. */
  readonly form?: 'wide' | 'long';
}

const RULES = [
  '{ type: check }',
  '{ type: linear, zero: 0.5, full: 1, min_n: 3 }',
  '{ type: bands, bands: [{ max: 1, score: 1 }, { max: 5, score: 0.8 }, { max: 10, score: 0.5 }] }',
  '{ type: deduct, per: 0.5, limit: 2 }',
  '{ type: assessed }',
  '{ type: fraction, min_n: 2, few: missing }',
  '{ type: minmax }',
  '{ type: linear, zero: 0.3, full: 0 }',
] as const;

/** A value for rule kind k (index into RULES), item weight w, from a random number in [0, 1). */
function value(k: number, w: number, r: number): string {
  if (r < 0.02) return ''; // no evidence
  if (r < 0.03 && k !== 3) return '不适用';
  switch (k) {
    case 0:
      return r < 0.8 ? '是' : '否';
    case 1:
      return `${Math.floor(r * 20)}/20`;
    case 2:
      return String(Math.round(r * 120) / 10);
    case 3:
      return String(Math.floor(r * 4));
    case 4:
      return String(Math.round(r * w * 10) / 10);
    case 5:
      return `${Math.floor(r * 10)}/10`;
    case 6:
      return String(Math.round(r * 1000));
    default:
      return `${Math.round(r * 30)}%`;
  }
}

export interface BigEvaluation {
  /** Relative path → text. */
  readonly files: ReadonlyMap<string, string>;
  readonly items: readonly string[];
  readonly countyIds: readonly string[];
}

export function bigEvaluation(o: BigOptions): BigEvaluation {
  const n = o.counties;
  const p = Math.max(1, o.prefectures ?? Math.ceil(n / 200));
  const rounds = o.rounds ?? 2;
  const groups = o.groups ?? 2;
  const perGroup = o.perGroup ?? 4;
  let seed = 20240601;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  const items: { id: string; k: number; w: number }[] = [];
  const yaml = [
    'format: fazhi/indicators@1',
    'id: big',
    'name: 规模测试指标体系',
    'version: "1"',
    'scale: SCALE',
    'precision: 2',
    'missing: zero',
    'pass: PASS',
    'grades:',
    '  - { min: G90, label: 优秀 }',
    '  - { min: G80, label: 良好 }',
    '  - { min: PASS, label: 合格 }',
    '  - { min: 0, label: 不合格 }',
    'systems:',
  ];
  // Points weighting: every parent's weight is the sum of its children's, the scale their total.
  const weightOf = (index: number) => 1 + (index % 3);
  let scale = 0;
  for (let s = 1; s <= (o.systems ?? 8); s++) {
    const first = items.length;
    let systemWeight = 0;
    for (let x = 0; x < groups * perGroup; x++) systemWeight += weightOf(first + x);
    scale += systemWeight;
    yaml.push(`  - id: S${s}`, `    name: 第${s}体系`, `    weight: ${systemWeight}`, '    items:');
    for (let g = 1; g <= groups; g++) {
      let groupWeight = 0;
      for (let x = 0; x < perGroup; x++) groupWeight += weightOf(items.length + x);
      yaml.push(
        `      - id: S${s}.${g}`,
        `        name: 第${s}.${g}组`,
        `        weight: ${groupWeight}`,
        '        items:',
      );
      for (let i = 1; i <= perGroup; i++) {
        const id = `S${s}.${g}.${i}`;
        const k = items.length % RULES.length;
        const w = weightOf(items.length);
        items.push({ id, k, w });
        yaml.push(
          `          - id: ${id}`,
          `            name: 第${id}项`,
          `            weight: ${w}`,
          `            rule: ${RULES[k]}`,
          `            evidence: 第${id}项的佐证材料`,
        );
        if (k === 1 || k === 7) yaml.push('            unit: rate');
      }
    }
  }
  yaml.push(
    'vetoes:',
    '  - { id: V1, name: 发生重大违法行政案件, effect: disqualify }',
    '  - { id: V2, name: 发生较大安全生产事故, effect: { deduct: 5 } }',
    '  - { id: V3, name: 被上级约谈, effect: { max_grade: 良好 } }',
    '  - { id: V4, name: 报送材料不实, effect: { cap: CAP } }',
    'bonus:',
    '  cap: 5',
    '  items:',
    '    - { id: B1, name: 创新案例入选, rule: { type: check, points: 2 } }',
    '    - { id: B2, name: 经验推广, rule: { type: count, per: 1, max: 3 } }',
    'components:',
    '  - { id: desk, name: 书面评审, weight: 70 }',
    '  - { id: survey, name: 人民群众满意度测评, weight: 30, unit: rate, rule: { type: linear, zero: 0.6, full: 0.95 } }',
    'assessors:',
    '  self: 自评',
    '  false_report: { per: 1, limit: 2 }',
  );

  const files = new Map<string, string>();
  // The pass line and grades at 60, 80 and 90 per cent of the scale, whatever the number of items.
  const at = (share: number) => String(Math.round(scale * share));
  const text = yaml.join('\n').replace('SCALE', String(scale)).replaceAll('PASS', at(0.6));
  files.set('indicators.yaml', `${text.replace('G90', at(0.9)).replace('G80', at(0.8)).replace('CAP', at(0.59))}\n`);
  files.set(
    'evaluation.yaml',
    [
      'format: fazhi/evaluation@1',
      'title: 规模测试评估',
      'region: 测试省',
      ...(rounds === 2 ? ['rounds:', '  baseline: 基线评估', '  midterm: 中期评估'] : []),
      '',
    ].join('\n'),
  );

  const places: Place[] = o.provinces ? provincePlaces(n, p, o.provinces) : prefecturePlaces(n, p);
  const countyIds = places.map((x) => x.id);
  const register = [o.provinces ? 'county_id,county,prefecture,province' : 'county_id,county,prefecture'];
  for (const x of places) register.push([x.id, x.county, x.prefecture, ...(x.province ? [x.province] : [])].join(','));
  files.set('counties.csv', `${register.join('\n')}\n`);

  const long = o.form === 'long';
  const extra = ['survey', 'V1', 'V2', 'V3', 'V4', 'B1', 'B2'];
  const ids = [...items.map((x) => x.id), ...extra];
  const roundHead = rounds === 2 ? ['round'] : [];
  const assessed = items.filter((x) => x.k === 4);
  const head = long
    ? ['county_id', 'indicator_id', 'value', 'source', ...roundHead, ...(o.self !== false ? ['by'] : [])]
    : ['county_id', ...roundHead, ...ids];
  const selfHead = ['county_id', ...roundHead, 'by', ...assessed.map((x) => x.id)];
  const roundNames = rounds === 2 ? ['baseline', 'midterm'] : [''];
  // Long rows: one per non-empty cell, the round and `by` after the source.
  const longRows = (
    rows: string[],
    id: string,
    round: string,
    cellIds: readonly string[],
    cells: string[],
    by = '',
  ) => {
    const tail = [...(rounds === 2 ? [round] : []), ...(o.self !== false ? [by] : [])];
    const source = by ? '自评材料' : '县司法局';
    cells.forEach((v, c) => {
      if (v !== '') rows.push([id, cellIds[c], v, source, ...tail].join(','));
    });
  };
  let i = 0;
  while (i < n) {
    const file = (places[i] as Place).file;
    const rows = [head.join(',')];
    const selfRows = long ? rows : [selfHead.join(',')];
    for (; i < n && (places[i] as Place).file === file; i++) {
      const id = countyIds[i] as string;
      for (const round of roundNames) {
        const lead = rounds === 2 ? [id, round] : [id];
        const cells = items.map((x) => value(x.k, x.w, random()));
        const r = random();
        cells.push(
          `${Math.round(60 + r * 40)}%`, // survey
          r < 0.003 ? '是' : '否', // V1 disqualify
          r > 0.99 ? '是' : '否',
          random() < 0.02 ? '是' : '否',
          random() < 0.01 ? '是' : '否',
          random() < 0.1 ? '是' : '否',
          String(Math.floor(random() * 4)),
        );
        if (long) longRows(rows, id, round, ids, cells);
        else rows.push([...lead, ...cells].join(','));
        if (o.self !== false) {
          const self = assessed.map((x) => String(Math.min(x.w, Math.round(random() * x.w * 12) / 10)));
          if (long)
            longRows(
              rows,
              id,
              round,
              assessed.map((x) => x.id),
              self,
              '自评',
            );
          else selfRows.push([...lead, '自评', ...self].join(','));
        }
      }
    }
    files.set(`${file}.csv`, `${rows.join('\n')}\n`);
    if (!long && o.self !== false) files.set(`${file}-自评.csv`, `${selfRows.join('\n')}\n`);
  }
  return { files, items: items.map((x) => x.id), countyIds };
}

/** Writes a big evaluation into `dir` (emptied first); returns what was written. */
export function writeBigEvaluation(dir: string, o: BigOptions): BigEvaluation {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const big = bigEvaluation(o);
  for (const [path, text] of big.files) writeFileSync(join(dir, path), text);
  return big;
}

const argv = process.argv;
if (argv[1]?.endsWith('big.mjs') && argv[2] && argv[3]) {
  const rounds = argv[5] === '1' ? 1 : 2;
  const big = writeBigEvaluation(argv[2], {
    counties: Number(argv[3]),
    ...(argv[4] ? { prefectures: Number(argv[4]) } : {}),
    rounds,
    ...(argv[6] ? { groups: Number(argv[6]) } : {}),
    ...(argv[7] ? { perGroup: Number(argv[7]) } : {}),
    self: argv[8] !== '0',
  });
  console.log(`${argv[2]}: ${big.countyIds.length} counties, ${big.items.length} items, ${big.files.size} files`);
}
