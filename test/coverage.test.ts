import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage } from '../src/analyze/coverage.js';
import { scoreCounties } from '../src/evaluate.js';
import { loadAndCover } from '../src/evaluate-coverage.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { readXlsx } from '../src/load/xlsx.js';
import { completeShare } from '../src/report/coverage.js';

/**
 * `fazhi coverage` (CLI.md): evidence completeness before scoring, which must agree exactly with
 * `score --format json`'s `missing` and `notApplicable`, and `validate`'s `evidence-incomplete`.
 * Runs the built command line (`npm test` builds first).
 */

const root = join(import.meta.dirname, '..');
const fixture = (name: string) => join('test', 'fixtures', 'eval', name);
const scratch = mkdtempSync(join(tmpdir(), 'fazhi-coverage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fazhi(args: readonly string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'fazhi.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface CountyJson {
  id: string;
  name: string;
  prefecture: string;
  expected: number;
  usable: number;
  missing: string[];
  notApplicable: string[];
  fewCases: string[];
  systems: Record<string, { expected: number; usable: number; missing: number; notApplicable: number }>;
  items: { id: string; system: string; why: string }[];
}
interface CoverageJson {
  expected: number;
  counties: CountyJson[];
  systems: { id: string; expected: number; usable: number; missing: number; notApplicable: number }[];
  prefectures: { name: string; counties: number; incomplete: number; expected: number; missing: number }[];
}
interface ScoreJson {
  system: { nodes: { id: string; max: number; rule: unknown }[] };
  counties: { id: string; missing: string[]; notApplicable: string[]; fewCases: string[] }[];
}

const json = <T>(args: readonly string[]): T => {
  const run = fazhi([...args, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
};

const RUNS: [string, string[]][] = [
  ['small', [fixture('small')]],
  ['v02', [fixture('v02')]],
  ['the sample, midterm (50 counties in scope)', ['samples/yunnan-2022', '--round', 'midterm']],
  ['the sample, baseline', ['samples/yunnan-2022', '--round', 'baseline']],
  [
    'the sample, one prefecture by --where',
    ['samples/yunnan-2022', '--round', 'midterm', '--where', 'prefecture=昆明市'],
  ],
];

describe.each(RUNS)('coverage agrees with score on %s', (_, args) => {
  const cover = json<CoverageJson>(['coverage', ...args]);
  const score = json<ScoreJson>(['score', ...args]);
  const scored = new Set(score.system.nodes.filter((n) => n.rule !== null && n.max > 0).map((n) => n.id));

  it('the same counties, and for each exactly score’s missing, notApplicable and fewCases', () => {
    expect(cover.counties.map((c) => c.id).sort()).toEqual(score.counties.map((c) => c.id).sort());
    for (const s of score.counties) {
      const c = cover.counties.find((k) => k.id === s.id);
      expect(c?.missing, s.id).toEqual(s.missing);
      expect(c?.notApplicable, s.id).toEqual(s.notApplicable);
      expect(c?.fewCases, s.id).toEqual(s.fewCases);
    }
  });

  it('usable + missing + 不适用 (scored items) = expected = the scored items; systems add up', () => {
    for (const c of cover.counties) {
      expect(c.expected).toBe(scored.size);
      const na = c.notApplicable.filter((id) => scored.has(id)).length;
      expect(c.usable + c.missing.length + na, c.id).toBe(c.expected);
      const systems = Object.values(c.systems);
      for (const s of systems) expect(s.usable + s.missing + s.notApplicable).toBe(s.expected);
      const sum = (k: 'expected' | 'usable' | 'missing' | 'notApplicable') => systems.reduce((acc, s) => acc + s[k], 0);
      expect([sum('expected'), sum('usable'), sum('missing'), sum('notApplicable')]).toEqual([
        c.expected,
        c.usable,
        c.missing.length,
        na,
      ]);
      expect(c.items.map((i) => i.id)).toEqual(c.missing);
    }
  });

  it('most missing first, ties by id', () => {
    const keys = cover.counties.map((c) => [-c.missing.length, c.id] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it('the summaries per system and per prefecture add up to the counties', () => {
    const total = (k: 'usable' | 'expected') => cover.counties.reduce((acc, c) => acc + c[k], 0);
    expect(cover.systems.reduce((acc, s) => acc + s.expected, 0)).toBe(total('expected'));
    expect(cover.systems.reduce((acc, s) => acc + s.usable, 0)).toBe(total('usable'));
    expect(cover.prefectures.reduce((acc, p) => acc + p.counties, 0)).toBe(cover.counties.length);
    const missing = cover.counties.reduce((acc, c) => acc + c.missing.length, 0);
    expect(cover.prefectures.reduce((acc, p) => acc + p.missing, 0)).toBe(missing);
    expect(cover.systems.reduce((acc, s) => acc + s.missing, 0)).toBe(missing);
  });

  it('the 催报清单 (csv) has one row per county and missing item', () => {
    const run = fazhi(['coverage', ...args, '--format', 'csv']);
    expect(run.code).toBe(0);
    const [head, ...rows] = run.stdout
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(head?.split(',').slice(0, 5)).toEqual(['区划代码', '县（市、区）', '州（市）', '体系', '指标']);
    const pairs = rows.map((r) => r.split(',').slice(0, 5)).map((f) => `${f[0]} ${f[4]}`);
    expect(pairs).toEqual(cover.counties.flatMap((c) => c.missing.map((id) => `${c.id} ${id}`)));
  });
});

describe('the sample', () => {
  it('lists a report-only item marked 不适用 as score does, and counts it nowhere', () => {
    const cover = json<CoverageJson>(['coverage', 'samples/yunnan-2022', '--round', 'midterm']);
    const marked = cover.counties.filter((c) => c.notApplicable.includes('S6.2.1'));
    expect(marked.length).toBeGreaterThan(0);
    for (const c of marked) {
      const counted = Object.values(c.systems).reduce((acc, s) => acc + s.notApplicable, 0);
      expect(counted).toBe(c.notApplicable.length - 1);
    }
    expect(cover.expected).toBe(73);
    expect(cover.counties).toHaveLength(50);
  });

  it('--where keeps the counties in scope only', () => {
    const cover = json<CoverageJson>([
      'coverage',
      'samples/yunnan-2022',
      '--round',
      'midterm',
      '--where',
      'prefecture=昆明市',
    ]);
    expect(cover.counties.length).toBeGreaterThan(5);
    expect(new Set(cover.counties.map((c) => c.prefecture))).toEqual(new Set(['昆明市']));
    expect(cover.prefectures.map((p) => p.name)).toEqual(['昆明市']);
  });

  it('the xlsx 催报清单 has the csv’s rows, and the notice on a sheet of its own', async () => {
    const out = join(scratch, 'requests.xlsx');
    const args = ['coverage', 'samples/yunnan-2022', '--round', 'midterm'];
    expect(fazhi([...args, '--format', 'xlsx', '--out', out]).code).toBe(0);
    const read = await readXlsx(readFileSync(out));
    if ('error' in read) throw new Error(read.error);
    expect(read.sheet).toBe('催报清单');
    const csv = fazhi([...args, '--format', 'csv'])
      .stdout.replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(read.records.length).toBe(csv.length);
    expect(read.records.map((r) => `${r.fields[0]?.text} ${r.fields[4]?.text}`)).toEqual(
      csv.map((l) => l.split(',')).map((f) => `${f[0]} ${f[4]}`),
    );
    const notice = await readXlsx(readFileSync(out), '说明');
    expect('records' in notice && notice.records[0]?.fields[0]?.text).toMatch(/合成/);
  });
});

describe('a folder under missing: error', () => {
  const dir = fixture('incomplete');

  it('fails to score but gets its coverage', () => {
    expect(fazhi(['score', dir]).code).toBe(1);
    const cover = json<CoverageJson>(['coverage', dir]);
    expect(cover.counties.map((c) => [c.id, c.usable, c.missing, c.notApplicable])).toEqual([
      ['t3', 1, ['S1.2', 'S1.3', 'S2.1', 'S2.2'], []],
      ['t2', 3, ['S1.2'], ['S1.3']],
      ['t1', 5, [], []],
    ]);
    // too few cases under few: missing is missing, and says so; the report-only S1.4 is never expected
    expect(cover.counties[1]?.items).toEqual([expect.objectContaining({ id: 'S1.2', why: 'too-few' })]);
    expect(cover.expected).toBe(5);
  });

  it('the same through the API, from the scoring of any policy', async () => {
    const { coverage: viaLoad } = await loadAndCover(join(root, dir));
    const e = await loadEvaluation({ dir: join(root, dir), display: (p) => p });
    const scoring = scoreCounties(e.system!, e.counties, e.evidence!.table);
    expect(scoring.missingCells.length).toBe(4);
    const direct = coverage(e.system!, scoring.counties, e.evidence!.table, () => '');
    expect(direct.counties.map((c) => c.missing)).toEqual(viaLoad.counties.map((c) => c.missing));
  });

  it('validate warns once, at the register line of the county missing the most (exit 0)', () => {
    const run = fazhi(['validate', dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${dir}/counties.csv:4:1: 警告：`);
    expect(run.stderr).toContain('`fazhi coverage test/fixtures/eval/incomplete`');
    expect(run.stderr.match(/\[evidence-incomplete\]/g)).toHaveLength(1);
  });

  it('validate --strict fails on it (exit 1)', () => {
    const run = fazhi(['validate', dir, '--strict', '--format', 'json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { ok: boolean; warnings: { code: string; line: number }[] };
    expect(out.ok).toBe(false);
    expect(out.warnings.filter((w) => w.code === 'evidence-incomplete')).toEqual([
      expect.objectContaining({ line: 4 }),
    ]);
  });
});

describe('validate’s evidence-incomplete', () => {
  it('one per round when several rounds are checked, with the round in the command', () => {
    const run = fazhi(['validate', fixture('rounds')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('--round baseline`');
    expect(run.stderr).toContain('--round midterm`');
    expect(run.stderr.match(/\[evidence-incomplete\]/g)).toHaveLength(2);
  });

  it('not for evidence files given alone, nor when the folder has errors', () => {
    const alone = fazhi([
      'validate',
      '--indicators',
      `${fixture('small')}/indicators.yaml`,
      '--counties',
      `${fixture('small')}/counties.csv`,
      '--evidence',
      `${fixture('small')}/evidence/b-wide.csv`,
    ]);
    expect(alone.code).toBe(0);
    expect(alone.stderr).not.toContain('evidence-incomplete');
    expect(fazhi(['validate', fixture('bad')]).stderr).not.toContain('evidence-incomplete');
  });

  it('none for a complete folder', () => {
    const run = fazhi(['validate', fixture('small'), '--where', 'county_id=532323']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('evidence-incomplete');
  });
});

describe('coverage and bad cells', () => {
  it('stops on them like score, and under --keep-going counts them as missing, rejected', () => {
    const args = ['coverage', fixture('bad'), '--evidence', `${fixture('bad')}/evidence/1-long.csv`];
    expect(fazhi(args).code).toBe(1);
    const cover = json<CoverageJson>([...args, '--keep-going']);
    const rejected = cover.counties.flatMap((c) => c.items.filter((i) => i.why === 'rejected').map((i) => i.id));
    expect(rejected.length).toBeGreaterThan(0);
  });
});

describe('the complete share', () => {
  it('reads 100.0% only when nothing is missing, — when nothing applies', () => {
    expect(completeShare({ expected: 2000, usable: 1999, missing: 1, notApplicable: 0 })).toBe('99.9%');
    expect(completeShare({ expected: 3, usable: 2, missing: 0, notApplicable: 1 })).toBe('100.0%');
    expect(completeShare({ expected: 9, usable: 8, missing: 1, notApplicable: 0 })).toBe('88.9%');
    expect(completeShare({ expected: 2, usable: 0, missing: 0, notApplicable: 2 })).toBe('—');
  });
});
