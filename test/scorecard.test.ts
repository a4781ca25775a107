import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { explain } from '../src/analyze/explain.js';
import { scorecard } from '../src/analyze/scorecard.js';
import { loadAndScore } from '../src/evaluate.js';
import type { Lang } from '../src/i18n/lang.js';
import { words } from '../src/i18n/phrases.js';
import type { RuleData } from '../src/model/indicator-data.js';
import type { Wording } from '../src/model/phrase.js';
import { fewCasesReason, groupReason, noEvidenceReason } from '../src/model/reasons.js';
import { RULES, ruleFor } from '../src/model/rules/index.js';

/**
 * `fazhi scorecard` (CLI.md): the score sheets agree with `score` node by node, point at the cell
 * `explain` shows, give a reason exactly where points were lost, word each rule type's reason in
 * both languages, and write one row per item (CSV, xlsx), one section per county (HTML), a Word
 * file that opens.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const work = mkdtempSync(join(tmpdir(), 'fazhi-scorecard-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fazhi(args: readonly string[], lang = 'zh') {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: `${lang}_CN.UTF-8`, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonRow {
  id: string;
  parent: string | null;
  max: number;
  score: number | null;
  lost: number | null;
  status: string;
  value: string | null;
  at: string | null;
  rule: string | null;
  reason: string | null;
}
interface JsonCounty {
  id: string;
  name: string;
  total: number;
  rows: JsonRow[];
}

const EVALUATIONS: [string, string, string[]][] = [
  ['small', 'test/fixtures/eval/small', []],
  ['v02', 'test/fixtures/eval/v02', []],
  ['the sample', 'samples/yunnan-2022', ['--round', 'midterm']],
];

describe.each(EVALUATIONS)('scorecard on %s', (_, dir, flags) => {
  const json = (command: string) => {
    const run = fazhi([command, dir, ...flags, '--format', 'json']);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as { counties: (JsonCounty & { scores: Record<string, number | null> })[] };
  };
  const scores = json('score');
  const sheets = json('scorecard');

  it('every row’s score is score’s scores[id], for every county and node, in file order', () => {
    expect(sheets.counties.map((c) => c.id)).toEqual(scores.counties.map((c) => c.id));
    for (const [i, c] of sheets.counties.entries()) {
      const s = scores.counties[i]!;
      expect(c.total).toBe(s.total);
      expect(c.rows.map((r) => r.id)).toEqual(Object.keys(s.scores));
      expect(Object.fromEntries(c.rows.map((r) => [r.id, r.score]))).toEqual(s.scores);
    }
  });

  it('a reason exactly where points were lost (nothing is lost when 不适用, too few cases or report-only)', () => {
    for (const c of sheets.counties)
      for (const r of c.rows) {
        const lost = r.status === 'excluded' || r.status === 'missing' || (r.lost !== null && r.lost > 0);
        expect(r.reason !== null, `${c.id} ${r.id} ${r.status}`).toBe(lost);
        expect(r.lost).toBe(r.score === null ? null : Math.round((r.max - r.score) * 1e6) / 1e6);
        expect(r.rule === null).toBe(r.at === null && r.value === null && rowIsGroup(c.rows, r.id));
      }
  });

  it('at is the cell explain shows', async () => {
    const { scoring, evidence } = await loadAndScore(join(root, dir), {
      display: (p) => p.slice(root.length + 1),
      ...(flags.length > 0 ? { round: flags[1] } : {}),
    });
    const made = scorecard(scoring, evidence);
    for (const c of scoring.counties) {
      const sheet = made.counties.find((x) => x.id === c.county.id)!;
      for (const row of sheet.rows) {
        const cell = evidence.get(c.county.id)?.get(row.id);
        const e = explain(scoring, c, row.id, cell, { yes: '是', no: '否' })!;
        expect(row.at, `${c.county.id} ${row.id}`).toBe(e.evidence?.at ?? null);
      }
    }
    // The JSON carries the same places.
    const first = sheets.counties[0]!;
    expect(first.rows.map((r) => r.at)).toEqual(made.counties[0]!.rows.map((r) => r.at));
  });
});

const rowIsGroup = (rows: readonly JsonRow[], id: string) => rows.some((r) => r.parent === id);

describe('reasons in words, each rule type in both languages', () => {
  const say = (w: Wording, lang: Lang) => words(w, lang);
  const reason = (rule: RuleData, x: number | boolean, max: number, points: number, range = null as never) => {
    const w = ruleFor(rule).reason(rule, x, { max, points, range });
    return [say(w, 'zh'), say(w, 'en')];
  };

  it('covers every rule type', () => {
    expect(Object.keys(RULES).sort()).toEqual(['assessed', 'bands', 'check', 'deduct', 'fraction', 'linear', 'minmax']);
  });

  it('check', () => {
    expect(reason({ type: 'check' }, false, 2, 0)).toEqual(['为“否”，未达标', 'no: not met']);
    expect(reason({ type: 'check', expect: 'no' }, true, 2, 0)).toEqual(['为“是”，未达标', 'yes: not met']);
  });

  it('linear: short of the full-marks line, or at the zero line', () => {
    const rule: RuleData = { type: 'linear', zero: 0.6, full: 0.95 };
    expect(reason(rule, 0.72, 3, 1.03)).toEqual(['72%，低于满分线 95%', '72%, below the full-marks line 95%']);
    expect(reason(rule, 0.5, 3, 0)).toEqual(['50%，不高于 60%，不得分', '50%, not above 60%: no points']);
    expect(reason({ type: 'linear', zero: 0.3, full: 0.05 }, 0.1, 3, 2.4)).toEqual([
      '10%，高于满分线 5%',
      '10%, above the full-marks line 5%',
    ]);
    expect(reason({ type: 'linear', zero: 5, full: 1 }, 2, 20, 15)).toEqual([
      '2，高于满分线 1',
      '2, above the full-marks line 1',
    ]);
  });

  it('bands: the band reached and what full marks take, or below the lowest', () => {
    const rule: RuleData = {
      type: 'bands',
      bands: [
        { max: 0.5, score: 1 },
        { max: 1, score: 0.8 },
        { max: 3, score: 0.5 },
      ],
    };
    expect(reason(rule, 1, 20, 16)).toEqual([
      '1，在 ≤ 1 档，得 16 分；满分须 ≤ 0.5',
      '1: band ≤ 1, 16 points; full marks take ≤ 0.5',
    ]);
    expect(reason(rule, 4, 20, 0)).toEqual([
      '4，未达到最低档 ≤ 3，不得分',
      '4: short of the lowest band ≤ 3, no points',
    ]);
    expect(
      reason(
        {
          type: 'bands',
          bands: [
            { min: 0.95, score: 1 },
            { min: 0.8, score: 0.6 },
          ],
        },
        0.9,
        3,
        1.8,
      )[0],
    ).toBe('90%，在 ≥ 80% 档，得 1.8 分；满分须 ≥ 95%');
  });

  it('deduct: how many cases and the points taken', () => {
    expect(reason({ type: 'deduct', per: 0.5 }, 2, 3, 2)).toEqual(['发生 2 起，扣 1 分', '2 cases, 1 point off']);
    expect(reason({ type: 'deduct', per: 2, limit: 8 }, 5, 10, 2)).toEqual([
      '发生 5 起，扣 8 分',
      '5 cases, 8 points off',
    ]);
  });

  it('assessed, fraction, minmax', () => {
    expect(reason({ type: 'assessed' }, 20, 30, 20)).toEqual([
      '评估组评分 20 分（满分 30 分）',
      'assessed 20 of 30 points',
    ]);
    expect(reason({ type: 'fraction' }, 0.925, 30, 27.75)).toEqual(['得分率 92.5%', 'share 92.5%']);
    const range = { lo: 0.2, hi: 0.4444444 } as never;
    expect(reason({ type: 'minmax' }, 0.3846, 1, 0.8, range)).toEqual([
      '38.46%，低于参评县（市、区）最高值 44.44%',
      '38.46%, below the highest value of all counties, 44.44%',
    ]);
    expect(reason({ type: 'minmax', direction: 'lower' }, 12, 1, 0.5, { lo: 3, hi: 20 } as never)[0]).toBe(
      '12，高于参评县（市、区）最低值 3',
    );
  });

  it('reasons of no rule type: no evidence, too few cases, a group', () => {
    const both = (w: Wording) => [say(w, 'zh'), say(w, 'en')];
    expect(both([noEvidenceReason('none', false)])).toEqual(['缺少佐证材料，按 0 分计', 'no evidence: 0 points']);
    expect(both([noEvidenceReason('rejected', true)])).toEqual([
      '佐证有误未采用，不计入',
      'evidence rejected: left out',
    ]);
    expect(both([fewCasesReason(3, 'na')])).toEqual([
      '案件不足 3 件，合理缺项',
      'fewer than 3 cases: left out (合理缺项)',
    ]);
    expect(both([fewCasesReason(null, 'out')])).toEqual([
      '没有案件，视为无佐证，不计入',
      'no cases: no evidence, left out',
    ]);
    expect(both([groupReason(['S1.1', 'S1.3'])])).toEqual(['下级指标失分：S1.1、S1.3', 'points lost on S1.1, S1.3']);
  });

  it('the rule in words never names the input format', () => {
    const criteria = [
      ruleFor({ type: 'linear', zero: 0.6, full: 0.95, min_n: 3 }).criterion(
        { type: 'linear', zero: 0.6, full: 0.95, min_n: 3 },
        3,
      ),
      ruleFor({ type: 'check' }).criterion({ type: 'check' }, 2),
    ].map((w) => say(w, 'zh'));
    expect(criteria).toEqual([
      '≥ 95% 满分，≤ 60% 不得分，其间按比例计分；案件数少于 3 为合理缺项（不计入）',
      '“是”得满分，“否”不得分',
    ]);
  });
});

describe('scorecard on v02: components, vetoes, too few cases, assessors', () => {
  const run = fazhi(['scorecard', 'test/fixtures/eval/v02', '--format', 'json']);
  const sheets = JSON.parse(run.stdout);
  const county = (name: string) => sheets.counties.find((c: { name: string }) => c.name === name);
  const row = (name: string, id: string) => county(name).rows.find((r: { id: string }) => r.id === id);

  it('too few cases under few: na is no loss; under few: missing and exclude it is left out, with a reason', () => {
    expect(row('乙县', 'S1.1')).toMatchObject({ score: null, status: 'few', reason: null, value: '2/2' });
    expect(row('乙县', 'S1.2')).toMatchObject({
      score: null,
      status: 'excluded',
      reason: '没有案件，视为无佐证，不计入',
    });
  });

  it('components, bonus items, vetoes with their basis, totals and ranks at the foot', () => {
    const yi = county('乙县');
    expect(yi.components.map((c: JsonRow) => [c.id, c.score, c.reason])).toEqual([
      ['desk', 42, '各体系失分，见评分表'],
      ['site', 15, '评估组评分 15 分（满分 20 分）'],
      ['survey', 20, null],
    ]);
    expect(yi).toMatchObject({ composite: 77, deducted: 5, total: 72, grade: '不合格', rank: 3 });
    expect(yi.vetoes.map((v: { id: string; at: string }) => [v.id, v.at])).toEqual([
      ['V2', 'test/fixtures/eval/v02/evidence/a-long.csv:23'],
      ['V4', 'test/fixtures/eval/v02/evidence/a-long.csv:24'],
    ]);
    expect(county('甲县').bonusItems).toMatchObject([{ id: 'B1', score: 2, value: '是', rule: '“是”加 2 分' }]);
    expect(county('丁县')).toMatchObject({ disqualified: true, rank: null, prefectureRank: null });
  });

  it('a value combined from several assessors keeps each of them', () => {
    expect(row('甲县', 'S2.2')).toMatchObject({ value: '25.5', assessors: { 甲组: 24, 乙组: 27 } });
    const md = fazhi(['scorecard', 'test/fixtures/eval/v02', '--county', '甲县']).stdout;
    expect(md).toContain('25.5（乙组 27，甲组 24 的平均数）');
    expect(row('甲县', 'S2.2')).toMatchObject({ source: '评估组乙；评估组甲' });
    expect(md).toContain('自评不实：S1.1、S2.2（扣 2.00 分）');
    expect(md).toContain('综合得分 84.04 + 加分 2.00 − 扣分 2.00 = 总分 84.04 分。');
  });
});

describe('formats', () => {
  const small = 'test/fixtures/eval/small';
  const nodes = 7;

  it('csv: one row per county and item, under one header', () => {
    const run = fazhi(['scorecard', small, '--format', 'csv']);
    const lines = run.stdout
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '区划代码,县（市、区）,州（市）,层级,指标,上级指标,指标名称,满分,得分,失分,佐证值,来源,备注,佐证位置,评分规则,失分原因,说明',
    );
    expect(lines.length).toBe(1 + 5 * nodes);
    expect(lines).toContain(
      '532627,广南县,文山壮族苗族自治州,2,S1.3,S1,行政机关负责人出庭应诉率,20,,,不适用,,,test/fixtures/eval/small/evidence/b-wide.csv:4,≥ 100% 满分，≤ 50% 不得分，其间按比例计分；案件数少于 3 为合理缺项（不计入）,,不适用',
    );
  });

  it('xlsx: the CSV rows as a workbook, with the notice on a sheet of its own', async () => {
    const out = join(work, 'sheets.xlsx');
    expect(
      fazhi(['scorecard', 'samples/yunnan-2022', '--round', 'midterm', '--format', 'xlsx', '--out', out]).code,
    ).toBe(0);
    const sheets = (await readXlsxFile(out)) as { sheet: string; data: unknown[][] }[];
    expect(sheets.map((s) => s.sheet)).toEqual(['评分表', '说明']);
    const json = JSON.parse(
      fazhi(['scorecard', 'samples/yunnan-2022', '--round', 'midterm', '--format', 'json']).stdout,
    );
    const rows = json.counties.reduce((n: number, c: JsonCounty) => n + c.rows.length, 0);
    expect(sheets[0]!.data.length).toBe(1 + rows);
  });

  it('html: one county section per county, each a page when printed', () => {
    const html = fazhi(['scorecard', small, '--format', 'html']).stdout;
    expect(html.match(/<section class="county"/g)?.length).toBe(5);
    expect(html).toContain('<h1>法治政府建设示范创建评估评分表</h1>');
    expect(html).toContain('main > .county:first-child { break-before: avoid;');
  });

  it('docx: a Word document that opens, one page per county', () => {
    const out = join(work, 'sheets.docx');
    expect(fazhi(['scorecard', small, '--format', 'docx', '--out', out]).code).toBe(0);
    const files = unzipSync(readFileSync(out));
    const document = strFromU8(files['word/document.xml']!);
    expect(document).toContain('牟定县（532323，楚雄彝族自治州）');
    // Every county but the first starts a page.
    expect(document.match(/<w:pageBreakBefore\/>/g)?.length).toBe(4);
  });

  it('en', () => {
    const md = fazhi(['scorecard', small, '--county', '532624', '--lang', 'en']).stdout;
    expect(md).toContain('| Item | Max | Rule | Evidence | Points | Why points were lost |');
    expect(md).toContain('2 cases, 4 points off');
  });
});

describe('--county', () => {
  it('by id or by name, the same sheet', () => {
    const byId = fazhi(['scorecard', 'test/fixtures/eval/small', '--county', '532324', '--format', 'json']);
    const byName = fazhi(['scorecard', 'test/fixtures/eval/small', '--county', '南华县', '--format', 'json']);
    expect(byId.code).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    expect(JSON.parse(byId.stdout).counties.map((c: JsonCounty) => c.name)).toEqual(['南华县']);
  });

  it('an unknown county is a usage error', () => {
    const run = fazhi(['scorecard', 'test/fixtures/eval/small', '--county', '大理市']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('名册中没有县 大理市');
  });

  it('the help example runs on the sample', () => {
    const run = fazhi(['scorecard', 'samples/yunnan-2022', '--round', 'midterm', '--county', '牟定县']);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/错误|error/i);
  });
});
