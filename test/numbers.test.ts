import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { scoreCounties } from '../src/evaluate.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { checkFile } from '../src/model/checks.js';
import type { CellValue, County, EvidenceCell, EvidenceTable } from '../src/model/evaluation.js';
import type { IndicatorFileData, NodeInput, RuleData, VetoData } from '../src/model/indicator-data.js';
import { IndicatorFile } from '../src/model/indicators.js';
import { NodeRow, pointsOf } from '../src/model/node-row.js';
import { MAX_POINTS, MAX_VALUE } from '../src/model/number.js';
import { buildSystem } from '../src/model/system.js';
import { rankBy } from '../src/rank/by.js';
import { competitionRanks } from '../src/rank/rank.js';
import { where } from '../src/report/problems.js';
import { finiteScore } from '../src/score/finite.js';
import { round } from '../src/score/round.js';

/**
 * Numbers that are not numbers (issue 14): every evidence value and every number of an indicator
 * file is finite and bounded when read, so no total can be NaN or Infinity, and nothing that is
 * not a number is ever ranked. The indicator-file fixtures are in problems.test.ts.
 */

const root = join(import.meta.dirname, '..');
const huge = join(root, 'test', 'fixtures', 'eval', 'huge');
const bin = join(root, 'bin', 'fazhi.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });

describe('evidence: 1e999 and ±1e308 under linear, bands and minmax', () => {
  const EXPECTED = [
    'evidence/wide.csv:2:3 evidence-too-large', // L = 1e999 (linear)
    'evidence/wide.csv:2:9 evidence-too-large', // B = 1e999 (bands)
    'evidence/wide.csv:2:15 evidence-too-large', // M = 1e999 (minmax)
    'evidence/wide.csv:3:7 evidence-too-large', // M = -1e308
    'evidence/wide.csv:4:3 evidence-too-large', // L = 1e308
    'evidence/wide.csv:4:9 evidence-too-large', // B = -1e308
  ];

  it('each is a located error; ±1e15 itself is read', async () => {
    const e = await loadEvaluation({ dir: huge, display: (p) => p.slice(huge.length + 1) });
    expect(e.evidence?.cellErrors.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`)).toEqual(EXPECTED);
    expect(e.evidence?.table.get('3')?.get('M')?.value).toEqual({ kind: 'number', value: 1e15 });
    expect(e.evidence?.table.get('4')?.get('M')?.value).toEqual({ kind: 'number', value: -1e15 });
  });

  it('validate and score exit 1 with the messages; nothing is scored', () => {
    for (const command of ['validate', 'score']) {
      const r = run(command, 'test/fixtures/eval/huge');
      expect(r.status, command).toBe(1);
      expect(r.stderr).toContain(
        'test/fixtures/eval/huge/evidence/wide.csv:2:3: 错误：`L` 的值 `1e999` 绝对值太大：任何数的绝对值都不能超过 1e15',
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(run('score', 'test/fixtures/eval/huge').stdout).toBe('');
  });

  it('under --keep-going the cells are set aside: every total finite, the county of 1e999 last', () => {
    const r = run('score', 'test/fixtures/eval/huge', '--keep-going', '--format', 'json');
    expect(r.status).toBe(0);
    const counties = (JSON.parse(r.stdout) as { counties: { id: string; total: number; rank: number }[] }).counties;
    expect(counties.map((c) => [c.id, c.total, c.rank])).toEqual([
      ['4', 60, 1],
      ['3', 40, 2],
      ['2', 30, 3],
      ['1', 0, 4],
    ]);
  });

  it('a workbook’s number cell of 1e308 is located at its cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-numbers-'));
    try {
      const cell = (value: string | number) => ({ value });
      const rows = [['county_id', 'L', 'B', 'M'].map(cell), [cell('1'), cell(1e308), cell(-1e308), cell(5)]];
      writeFileSync(join(dir, 'wide.xlsx'), await writeXlsxFile(rows as never, { sheet: '佐证' }).toBuffer());
      const e = await loadEvaluation({
        dir: huge,
        evidence: [join(dir, 'wide.xlsx')],
        display: (p) => p.slice(p.lastIndexOf('/') + 1),
      });
      expect(e.evidence?.cellErrors.map((p) => [p.code, where(p)])).toEqual([
        ['evidence-too-large', 'wide.xlsx!佐证!B2'],
        ['evidence-too-large', 'wide.xlsx!佐证!C2'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ranking never ranks what is not a number', () => {
  it('NaN, ±Infinity and null values get no rank and are listed after the ranked, by id', () => {
    const got = competitionRanks([
      { id: 'nan', value: Number.NaN },
      { id: 'a', value: 0 },
      { id: 'inf', value: Number.POSITIVE_INFINITY },
      { id: 'b', value: 50 },
      { id: 'null', value: null as unknown as number },
      { id: 'out', value: 99, excluded: true },
      { id: 'minus', value: Number.NEGATIVE_INFINITY },
    ]);
    expect(got).toEqual([
      { id: 'b', rank: 1 },
      { id: 'a', rank: 2 },
      { id: 'inf', rank: null },
      { id: 'minus', rank: null },
      { id: 'nan', rank: null },
      { id: 'null', rank: null },
      { id: 'out', rank: null },
    ]);
  });

  it('a score that is not finite is an internal error, never a result', () => {
    const file = IndicatorFile.parse({
      id: 'x',
      name: 'x',
      scale: 10,
      systems: [
        { id: 'S', name: 'S', weight: 10, items: [{ id: 'I', name: 'I', weight: 10, rule: { type: 'check' } }] },
      ],
    }) as IndicatorFileData;
    const county: County = { id: 'c', name: 'c', prefecture: 'P', extra: {} };
    const [scored] = scoreCounties(buildSystem(file), [county], new Map()).counties;
    if (!scored) throw new Error('no county');
    expect(finiteScore(scored)).toBe(scored);
    expect(() => finiteScore({ ...scored, total: Number.NaN })).toThrow(/invariant broken: the total of county c/);
    const nodes = new Map(scored.nodes);
    const item = nodes.get('I');
    if (!item) throw new Error('no item');
    nodes.set('I', { ...item, points: Number.POSITIVE_INFINITY });
    expect(() => finiteScore({ ...scored, nodes })).toThrow(/the points of I/);
    // Scores hold their results in a NodeRow, which refuses them as they are set.
    const row = new NodeRow(buildSystem(file));
    for (const x of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => row.set('I', { ...item, points: x })).toThrow(/invariant broken: the points of I are/);
    expect(row.set('I', item).get('I')).toEqual(item);
    expect([pointsOf(row, 'I'), pointsOf(scored.nodes, 'I'), pointsOf(row, 'S'), pointsOf(row, 'nope')]).toEqual([
      item.points,
      item.points,
      null,
      null,
    ]);
  });
});

describe('no spread of an unbounded list into a call', () => {
  // Math.max(...xs) with 200 000 counties overflows the call stack ("Maximum call stack size exceeded").
  it.each(['src/score', 'src/rank', 'src/analyze', 'src/model/rules'])(
    '%s uses loops or reduce, not Math.max/min(...xs)',
    (dir) => {
      const files = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.ts'),
      );
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const text = readFileSync(join(root, dir, f), 'utf8').replace(/\/\/.*$/gm, '');
        expect(text, f).not.toMatch(/Math\.(max|min)\((.*[(,])?\s*\.\.\./);
        expect(text, f).not.toMatch(/\.push\(\.\.\./);
      }
    },
  );
});

describe('numeric flags are strict', () => {
  const gaps = (top: string, lang = 'zh') =>
    run('gaps', 'test/fixtures/eval/small', '--top', top, ...(lang === 'en' ? ['--lang', 'en'] : []));

  it.each(['0x2', '1e1', ' 3', '3 ', '3.0', '+3', '-1', '0', '', '３', '1000001', '9'.repeat(40), 'Infinity', 'NaN'])(
    '--top %j is a usage error (exit 2) naming the flag and the range',
    (top) => {
      const r = gaps(top);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`选项 --top 的值 ${JSON.stringify(top)} 无效：应为 1 到 1000000 之间的整数`);
      expect(gaps(top, 'en').stderr).toContain('give a whole number from 1 to 1000000 in digits only');
    },
  );

  it('plain digits are read: --top 3, --top 03 and --top 1000000', () => {
    for (const top of ['3', '03', '1000000']) expect(gaps(top).status, top).toBe(0);
  });
});

// ── Random valid indicator systems and extreme-but-allowed evidence ────────────

const extreme = fc.oneof(
  fc.double({ min: -MAX_VALUE, max: MAX_VALUE, noNaN: true }),
  fc.constantFrom(MAX_VALUE, -MAX_VALUE, 0, -0, 5e-324, -5e-324, 1e-300, 0.5, 1, 999_999_999_999_999),
);
/** Two distinct thresholds within ±MAX_VALUE, in either order. */
const pair = fc.tuple(extreme, extreme).filter(([a, b]) => a !== b);
const pointsArb = fc.oneof(
  fc.double({ min: 1e-6, max: MAX_POINTS, noNaN: true }),
  fc.constantFrom(MAX_POINTS, 1, 0.01),
);

const ruleArb: fc.Arbitrary<RuleData> = fc.oneof(
  fc.constantFrom<RuleData>({ type: 'check' }, { type: 'check', expect: 'no' }, { type: 'assessed' }),
  fc.constantFrom<RuleData>({ type: 'fraction' }, { type: 'fraction', min_n: 3 }),
  pair.map(([zero, full]): RuleData => ({ type: 'linear', zero, full })),
  pair.map(([a, b]): RuleData => {
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return {
      type: 'bands',
      bands: [
        { min: hi, score: 1 },
        { min: lo, score: 0.5 },
      ],
    };
  }),
  fc.constantFrom<RuleData>({ type: 'minmax' }, { type: 'minmax', direction: 'lower' }),
  fc
    .tuple(pointsArb, fc.option(pointsArb, { nil: undefined }))
    .map(([per, limit]): RuleData => ({ type: 'deduct', per, ...(limit === undefined ? {} : { limit }) })),
);

const vetoArb = fc.oneof(
  fc.constant<VetoData['effect']>('disqualify'),
  fc.double({ min: 0, max: MAX_POINTS, noNaN: true }).map((cap): VetoData['effect'] => ({ cap })),
  pointsArb.map((deduct): VetoData['effect'] => ({ deduct })),
);

const fileArb: fc.Arbitrary<IndicatorFileData | null> = fc
  .record({
    relative: fc.boolean(),
    scale: pointsArb,
    systems: fc.array(
      fc.array(fc.record({ weight: fc.oneof(fc.constant(0), pointsArb), rule: ruleArb }), {
        minLength: 1,
        maxLength: 4,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    vetoes: fc.array(vetoArb, { maxLength: 3 }),
    bonus: fc.tuple(fc.double({ min: 0, max: MAX_POINTS, noNaN: true }), pointsArb, pointsArb),
    precision: fc.integer({ min: 0, max: 6 }),
  })
  .map(({ relative, scale, systems, vetoes, bonus, precision }) => {
    const built: NodeInput[] = systems.map((items, i) => {
      const nodes = items.map((it, j) => ({ id: `S${i + 1}.${j + 1}`, name: 'x', weight: it.weight, rule: it.rule }));
      if (!nodes.some((n) => n.weight > 0)) nodes[0] = { ...(nodes[0] as NodeInput & { rule: RuleData }), weight: 1 };
      return {
        id: `S${i + 1}`,
        name: 'x',
        weight: relative ? 1 + i : nodes.reduce((a, n) => a + n.weight, 0),
        items: nodes,
      };
    });
    const parsed = IndicatorFile.safeParse({
      id: 'p',
      name: 'p',
      weighting: relative ? 'relative' : 'points',
      scale: relative ? scale : built.reduce((a, s) => a + s.weight, 0),
      precision,
      systems: built,
      vetoes: vetoes.map((effect, i) => ({ id: `V${i + 1}`, name: 'v', effect })),
      bonus: {
        cap: bonus[0],
        items: [
          { id: 'B1', name: 'b', rule: { type: 'check', points: bonus[1] } },
          { id: 'B2', name: 'b', rule: { type: 'count', per: bonus[2], max: bonus[1] } },
        ],
      },
    });
    if (!parsed.success) return null;
    const file = parsed.data as IndicatorFileData;
    return checkFile(file).some((f) => f.severity === 'error') ? null : file;
  });

const valueArb = (rule: RuleData | undefined, max: number): fc.Arbitrary<CellValue> => {
  const none = fc.constantFrom<CellValue>({ kind: 'none' }, { kind: 'na' });
  const bool = fc.boolean().map((value): CellValue => ({ kind: 'bool', value }));
  if (rule === undefined || rule.type === 'check') return fc.oneof(bool, none);
  const number = (arb: fc.Arbitrary<number>) => arb.map((value): CellValue => ({ kind: 'number', value }));
  switch (rule.type) {
    case 'assessed':
      return fc.oneof(number(fc.double({ min: 0, max, noNaN: true })), none);
    case 'deduct':
      return fc.oneof(number(fc.constantFrom(0, 1, 7, MAX_VALUE)), number(fc.nat()), none);
    case 'fraction':
      return fc.oneof(
        fc.tuple(fc.constantFrom(0, 1, 2, MAX_VALUE), fc.constantFrom(0, 1, MAX_VALUE)).map(([a, extra]): CellValue => {
          const b = Math.min(MAX_VALUE, a + extra);
          return { kind: 'number', value: b === 0 ? 0 : a / b, cases: b };
        }),
        none,
      );
    default:
      return fc.oneof(number(extreme), none);
  }
};

const countArb = fc.constantFrom<CellValue>(
  { kind: 'number', value: 0 },
  { kind: 'number', value: 3 },
  { kind: 'number', value: MAX_VALUE },
  { kind: 'none' },
);

const caseArb = fileArb
  .filter((f): f is IndicatorFileData => f !== null)
  .chain((file) => {
    const system = buildSystem(file);
    const ids: [string, fc.Arbitrary<CellValue>][] = [
      ...system.items.map((n): [string, fc.Arbitrary<CellValue>] => [n.id, valueArb(n.rule, n.max)]),
      ...(file.vetoes ?? []).map((v): [string, fc.Arbitrary<CellValue>] => [v.id, valueArb(undefined, 0)]),
      ['B1', valueArb(undefined, 0)],
      ['B2', countArb],
    ];
    const county = fc.tuple(...ids.map(([, arb]) => arb));
    return fc.array(county, { minLength: 1, maxLength: 6 }).map((rows) => {
      const table: EvidenceTable = new Map(
        rows.map((values, i) => [
          `c${i}`,
          new Map(
            ids.map(([id], k): [string, EvidenceCell] => {
              const value = values[k] ?? { kind: 'none' };
              const raw = value.kind === 'number' ? String(value.value) : value.kind;
              return [id, { value, raw, file: 'e.csv', line: i + 2, column: k + 1, source: null, note: null }];
            }),
          ),
        ]),
      );
      return { file, table };
    });
  });

describe('no input can make a score that is not a number', () => {
  it('random valid systems, extreme-but-allowed evidence: every score finite and within 0…max, ranks consistent', () => {
    fc.assert(
      fc.property(caseArb, ({ file, table }) => {
        const system = buildSystem(file);
        const counties: County[] = [...table.keys()].map((id) => ({ id, name: id, prefecture: 'P', extra: {} }));
        const scoring = scoreCounties(system, counties, table);
        const slack = (max: number) => max * (1 + 1e-9) + 1e-9;
        const top = system.scale + (file.bonus?.cap ?? 0);
        for (const c of scoring.counties) {
          for (const x of [c.total, c.base, c.bonus, c.deducted]) expect(Number.isFinite(x), c.county.id).toBe(true);
          expect(c.total).toBeGreaterThanOrEqual(0);
          expect(c.total).toBeLessThanOrEqual(slack(top));
          expect(c.base).toBeLessThanOrEqual(slack(system.scale));
          for (const node of system.nodes) {
            const points = c.nodes.get(node.id)?.points ?? null;
            if (points === null) continue;
            expect(Number.isFinite(points), node.id).toBe(true);
            expect(points, node.id).toBeGreaterThanOrEqual(0);
            expect(points, node.id).toBeLessThanOrEqual(slack(node.max));
          }
        }
        // The ranks: a permutation of the counties, competition ranks on the rounded totals.
        expect(scoring.counties.map((c) => c.county.id).sort()).toEqual([...table.keys()].sort());
        const ranked = scoring.counties.filter((c) => !c.disqualified);
        const r = (x: number) => round(x, system.precision);
        for (const c of scoring.counties) {
          const expected = c.disqualified ? null : 1 + ranked.filter((o) => r(o.total) > r(c.total)).length;
          expect(c.rank, c.county.id).toBe(expected);
        }
        expect(rankBy(scoring, null, 'province').counties.map((c) => c.rank)).toEqual(
          scoring.counties.map((c) => c.rank),
        );
      }),
      { numRuns: 400 },
    );
  });
});
