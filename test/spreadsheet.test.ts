import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { automaticBaseline } from '../src/analyze/baseline-round.js';
import { loadAndScore } from '../src/evaluate.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { dateText } from '../src/load/xlsx.js';

/**
 * Evidence as it comes out of Excel and WPS (issue 13): Chinese headers, `/` for 不适用, rows of
 * bare separators below the data, date cells, rounds named in Chinese. The fixture's README says
 * where each friction is.
 */

const fixture = join(import.meta.dirname, 'fixtures', 'eval', 'spreadsheet');
const bin = join(import.meta.dirname, '..', 'bin', 'fazhi.js');
const work = mkdtempSync(join(tmpdir(), 'fazhi-spreadsheet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const display = (p: string) => p.slice(fixture.length + 1);
const run = (args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });

describe('Chinese headers', () => {
  it('指标, 指标编号, 值, 得分, 佐证值, 轮次, 来源 and 备注 name the evidence columns', async () => {
    const { evaluation, evidence } = await loadAndScore(fixture, { round: '中期', display });
    expect(evaluation.errors).toEqual([]);
    // 楚雄州.csv: 指标 and 值; 文山州.csv: 指标编号 and 佐证值; 补充.csv: 得分.
    expect(evidence.get('532323')?.get('S2.2')).toMatchObject({ raw: '97.5%', source: '满意度测评' });
    expect(evidence.get('532624')?.get('S1.2')).toMatchObject({ raw: '1', file: 'evidence/文山州.csv', line: 4 });
    expect(evidence.get('532627')?.get('V1')).toMatchObject({ raw: '是', source: '省司法厅' });
    expect(evidence.get('532324')?.get('S1.3')?.note).toBe('本县当年无行政诉讼案件');
  });

  it('the template’s 县(市、区) and 指标名称 columns are kept beside them, not mistaken for ids', async () => {
    const e = await loadEvaluation({ dir: fixture, round: '中期', display });
    expect(e.errors).toEqual([]);
    expect(e.evidence?.cellErrors).toEqual([]);
  });
});

describe('/ and ／ mean 不适用', () => {
  it('both leave the item out, as 不适用 does', async () => {
    const { scoring } = await loadAndScore(fixture, { round: '中期', display });
    const na = (id: string) => scoring.counties.find((c) => c.county.id === id)?.notApplicable;
    expect(na('532324')).toEqual(['S1.3']); // `/` in 楚雄州.csv
    expect(na('532624')).toEqual(['S1.3']); // `／` in 文山州.csv
    expect(na('532323')).toEqual([]);
  });
});

describe('rows of bare separators', () => {
  it('are passed over with one warning per file, at the first, counting them; they are no rows', async () => {
    const e = await loadEvaluation({ dir: fixture, round: '中期', display });
    const empty = e.warnings.filter((w) => w.code === 'csv-empty-rows');
    expect(empty.map((w) => [w.file, w.line, w.args.count])).toEqual([
      ['evidence/文山州.csv', 15, 1],
      ['evidence/楚雄州.csv', 23, 3],
    ]);
    expect(e.inputs.find((i) => i.path === 'evidence/楚雄州.csv')?.rows).toBe(21);
  });

  it('in the register too', async () => {
    const dir = join(work, 'register');
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'counties.csv'), `${readFileSync(join(fixture, 'counties.csv'), 'utf8')},,,\n,,,\n`);
    const e = await loadEvaluation({ dir, round: '中期', display: (p) => p.slice(dir.length + 1) });
    expect(e.errors).toEqual([]);
    const empty = e.warnings.filter((w) => w.code === 'csv-empty-rows' && w.file === 'counties.csv');
    expect(empty.map((w) => [w.line, w.args.count])).toEqual([[7, 2]]);
    expect(e.register?.counties).toHaveLength(5);
  });

  it('a row with one filled cell is data, and its faults are reported', async () => {
    const dir = join(work, 'one-cell');
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, 'evidence', '补充.csv'), '区划代码,指标编号,得分\n,,\n,S1.1,\n');
    const e = await loadEvaluation({ dir, round: '中期', display: (p) => p.slice(dir.length + 1) });
    expect(e.evidence?.cellErrors.map((p) => [p.code, p.file, p.line])).toEqual([
      ['evidence-unknown-county', 'evidence/补充.csv', 3],
    ]);
  });
});

describe('date cells', () => {
  it('read as the date a clerk sees, with a time only when there is one', () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 20)))).toBe('2024-01-20');
    expect(dateText(new Date(Date.UTC(2024, 0, 20, 9, 30)))).toBe('2024-01-20 09:30');
    expect(dateText(new Date(Date.UTC(2024, 0, 20, 9, 30, 15)))).toBe('2024-01-20 09:30:15');
  });

  it('a workbook’s date cell in 备注 reaches the veto basis as 2024-01-20', async () => {
    const dir = join(work, 'dates');
    cpSync(fixture, dir, { recursive: true });
    rmSync(join(dir, 'evidence', '补充.csv'));
    const rows = [
      ['区划代码', '指标编号', '得分', '轮次', '来源', '备注'].map((value) => ({ value })),
      [
        { value: '532627' },
        { value: 'V1' },
        { value: '是' },
        { value: '中期' },
        { value: '省司法厅' },
        { value: new Date(Date.UTC(2024, 0, 20)), format: 'yyyy-mm-dd' },
      ],
    ];
    writeFileSync(join(dir, 'evidence', '补充.xlsx'), await writeXlsxFile(rows as never).toBuffer());
    const r = run(['score', dir, '--round', '中期', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const county = JSON.parse(r.stdout).counties.find((c: { id: string }) => c.id === '532627');
    expect(JSON.stringify(county.vetoBasis)).toContain('2024-01-20');
    expect(r.stdout).not.toContain('T00:00:00');
  });
});

describe('rounds named in Chinese', () => {
  it('score, compare and report take 基线 and 中期 as they take baseline and midterm', () => {
    const score = run(['score', fixture, '--round', '中期', '--format', 'json']);
    expect(score.status, score.stderr).toBe(0);
    expect(JSON.parse(score.stdout).round).toBe('中期');
    const compare = run(['compare', fixture, '--rounds', '基线,中期', '--format', 'json']);
    expect(compare.status, compare.stderr).toBe(0);
  });

  it('the report compares 中期 with 基线 of itself, and says so', () => {
    const out = join(work, 'report');
    const r = run(['report', fixture, '--round', '中期', '--format', 'md', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index).toContain('中期进展');
    expect(index).toContain('对比轮次：基线评估（佐证中有基线轮次，自动对比）');
    expect(index).toMatch(/中期评估/);
  });

  it('the automatic baseline: baseline, 基线 or 基线评估 by id, else a round evaluation.yaml names 基线…', () => {
    expect(automaticBaseline(['baseline', 'midterm'], 'midterm')).toBe('baseline');
    expect(automaticBaseline(['中期', '基线'], '中期')).toBe('基线');
    expect(automaticBaseline(['基线评估', '中期评估'], '中期评估')).toBe('基线评估');
    expect(automaticBaseline(['r2021', 'r2022'], 'r2022', { r2021: '基线（2021年底）' })).toBe('r2021');
    expect(automaticBaseline(['r2021', 'r2022'], 'r2022')).toBeNull();
    // The baseline itself, or no round scored: nothing to compare with.
    expect(automaticBaseline(['基线', '中期'], '基线')).toBeNull();
    expect(automaticBaseline(['基线', '中期'], null)).toBeNull();
    // An id outranks a display name.
    expect(automaticBaseline(['r0', '基线', '中期'], '中期', { r0: '基线（旧）' })).toBe('基线');
  });
});
