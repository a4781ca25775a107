import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, fazhi, root } from './run-cli.js';

/**
 * Golden tests of the built command line: each case's command, exit code, stdout and stderr
 * are kept in test/golden/<name>.md. `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff.
 */

const update = process.env.UPDATE_GOLDEN === '1';
// Reports written by the golden cases go to the git-ignored test/artifacts/, whose parent must exist.
mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });

function golden(name: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const run = fazhi(args, env);
  const envText = Object.entries(env)
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  const text = [
    `$ ${envText}fazhi ${args.join(' ')}`,
    `Exit code: ${run.code}`,
    '--- stdout',
    run.stdout.trimEnd(),
    '--- stderr',
    run.stderr.trimEnd(),
    '',
  ].join('\n');
  const file = join(root, 'test', 'golden', `${name}.md`);
  if (update || !existsSync(file)) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
  return run;
}

const CASES: [string, string[], number, Record<string, string>?][] = [
  ['help', ['--help'], 0],
  ['help-en', ['--help', '--lang', 'en'], 0],
  ['help-en-from-locale', ['--help'], 0, { LANG: 'en_US.UTF-8' }],
  ['validate-help', ['validate', '--help'], 0],
  ['schema-help-en', ['help', 'schema', '--lang', 'en'], 0],
  ['validate-bundled', ['validate', 'indicators/'], 0],
  ['validate-default', ['validate'], 0],
  ['validate-broken', ['validate', 'test/fixtures/cli/broken.yaml'], 1],
  ['validate-broken-en', ['validate', 'test/fixtures/cli/broken.yaml', '--lang', 'en'], 1],
  ['validate-broken-json', ['validate', 'test/fixtures/cli/broken.yaml', '--format', 'json'], 1],
  ['validate-broken-github', ['validate', 'test/fixtures/cli/broken.yaml', '--format', 'github'], 1],
  ['validate-syntax', ['validate', 'test/fixtures/cli/syntax.yaml'], 1],
  ['validate-warning', ['validate', 'test/fixtures/cli/warning.yaml'], 0],
  ['validate-warning-strict', ['validate', 'test/fixtures/cli/warning.yaml', '--strict', '--format', 'json'], 1],
  ['validate-folder', ['validate', 'test/fixtures/cli/'], 1],
  ['validate-missing-file', ['validate', 'no-such-file.yaml'], 1],
  ['unknown-command', ['valiate'], 2],
  ['unknown-option', ['validate', '--formt', 'json'], 2],
  ['bad-choice', ['validate', '--format', 'xml'], 2],
  ['bad-lang', ['--lang', 'fr', 'validate'], 2],
  ['missing-option-value', ['validate', '--format'], 2],
  ['excess-arguments-en', ['schema', 'extra', '--lang', 'en'], 2],
  ['no-command', [], 2],
  ['help-unknown-command', ['help', 'nosuch'], 2],
  ['score-help', ['score', '--help'], 0],
  ['validate-evaluation', ['validate', 'test/fixtures/eval/small'], 0],
  ['validate-evaluation-bad', ['validate', 'test/fixtures/eval/bad'], 1],
  [
    'validate-evaluation-flags',
    [
      'validate',
      '--indicators',
      'test/fixtures/eval/small/indicators.yaml',
      '--counties',
      'test/fixtures/eval/small/counties.csv',
      '--evidence',
      'test/fixtures/eval/bad/evidence/1-long.csv',
    ],
    1,
  ],
  ['score-table', ['score', 'test/fixtures/eval/small'], 0],
  ['score-table-en', ['score', 'test/fixtures/eval/small', '--lang', 'en'], 0],
  ['score-json', ['score', 'test/fixtures/eval/small', '--format', 'json'], 0],
  ['score-csv', ['score', 'test/fixtures/eval/small', '--format', 'csv'], 0],
  ['score-md', ['score', 'test/fixtures/eval/small', '--format', 'md'], 0],
  ['score-bad', ['score', 'test/fixtures/eval/bad'], 1],
  [
    'score-keep-going',
    [
      'score',
      'test/fixtures/eval/bad',
      '--keep-going',
      '--evidence',
      'test/fixtures/eval/bad/evidence/1-long.csv',
      '--evidence',
      'test/fixtures/eval/bad/evidence/3-wide.csv',
    ],
    0,
  ],
  [
    'score-missing-error',
    ['score', 'test/fixtures/eval/small', '--indicators', 'test/fixtures/eval/missing-error.yaml'],
    1,
  ],
  ['score-no-register', ['score', 'test/fixtures/cli'], 1],
  ['rank', ['rank', 'test/fixtures/eval/small'], 0],
  ['rank-by-item-within-prefecture', ['rank', 'test/fixtures/eval/small', '--by', 'S1.3', '--within', 'prefecture'], 0],
  ['rank-json', ['rank', 'test/fixtures/eval/small', '--by', 'S2', '--format', 'json'], 0],
  ['rank-unknown-node', ['rank', 'test/fixtures/eval/small', '--by', 'S9'], 2],
  ['explain-fraction', ['explain', 'test/fixtures/eval/small', '--county', '532324', '--item', 'S1.3'], 0],
  [
    'explain-by-name-en',
    ['explain', 'test/fixtures/eval/small', '--county', '广南县', '--item', 'S2.2', '--lang', 'en'],
    0,
  ],
  [
    'explain-group-json',
    ['explain', 'test/fixtures/eval/small', '--county', '532323', '--item', 'S1', '--format', 'json'],
    0,
  ],
  ['explain-missing-option', ['explain', 'test/fixtures/eval/small', '--item', 'S1'], 2],
  ['explain-unknown-county', ['explain', 'test/fixtures/eval/small', '--county', '000000', '--item', 'S1'], 2],
  ['template', ['template', 'test/fixtures/eval/small'], 0],
  ['gaps', ['gaps', 'test/fixtures/eval/small'], 0],
  ['gaps-county-en', ['gaps', 'test/fixtures/eval/small', '--county', '麻栗坡县', '--lang', 'en'], 0],
  ['gaps-json', ['gaps', 'test/fixtures/eval/small', '--format', 'json'], 0],
  ['gaps-md-top', ['gaps', 'test/fixtures/eval/small', '--format', 'md', '--top', '2'], 0],
  ['gaps-csv', ['gaps', 'test/fixtures/eval/small', '--format', 'csv'], 0],
  ['gaps-bad-top', ['gaps', 'test/fixtures/eval/small', '--top', '0'], 2],
  ['gaps-top-exponent', ['gaps', 'test/fixtures/eval/small', '--top', '1e1'], 2],
  ['score-huge-numbers', ['score', 'test/fixtures/eval/huge'], 1],
  // coverage: evidence completeness before scoring; validate's evidence-incomplete
  ['coverage-help', ['coverage', '--help'], 0],
  ['coverage-table', ['coverage', 'test/fixtures/eval/v02'], 0],
  ['coverage-json', ['coverage', 'test/fixtures/eval/small', '--format', 'json'], 0],
  ['coverage-csv', ['coverage', 'test/fixtures/eval/incomplete', '--format', 'csv'], 0],
  ['coverage-en', ['coverage', 'test/fixtures/eval/incomplete', '--lang', 'en'], 0],
  ['coverage-framed-csv', ['coverage', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'csv'], 0],
  ['validate-incomplete', ['validate', 'test/fixtures/eval/incomplete'], 0],
  ['validate-incomplete-strict', ['validate', 'test/fixtures/eval/incomplete', '--strict', '--format', 'github'], 1],
  ['compare', ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline,midterm'], 0],
  ['compare-json', ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline,midterm', '--format', 'json'], 0],
  [
    'compare-md-en',
    ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline,midterm', '--format', 'md', '--lang', 'en'],
    0,
  ],
  ['compare-csv', ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline,midterm', '--format', 'csv'], 0],
  ['compare-one-folder', ['compare', 'test/fixtures/eval/rounds'], 2],
  ['compare-bad-rounds', ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline'], 2],
  ['score-several-rounds', ['score', 'test/fixtures/eval/rounds'], 1],
  ['template-wide-en', ['template', 'test/fixtures/eval/small', '--wide', '--lang', 'en'], 0],
  ['report-help', ['report', '--help'], 0],
  [
    'report-md',
    [
      'report',
      'test/fixtures/eval/rounds',
      '--round',
      'midterm',
      '--format',
      'md',
      '--out',
      'test/artifacts/golden-report',
    ],
    0,
  ],
  [
    'report-unknown-prefecture-en',
    [
      'report',
      'test/fixtures/eval/small',
      '--out',
      'test/artifacts/golden-report',
      '--prefecture',
      '大理州',
      '--lang',
      'en',
    ],
    2,
  ],
  ['report-bad', ['report', 'test/fixtures/eval/bad', '--out', 'test/artifacts/golden-report'], 1],
  [
    'report-bad-date',
    ['report', 'test/fixtures/eval/small', '--out', 'test/artifacts/golden-report', '--date', '2024-13-01'],
    2,
  ],
  ['report-no-out', ['report', 'test/fixtures/eval/small'], 2],
  // 0.2 (FORMATS.md §6): test/fixtures/eval/v02 uses every new key
  ['v02-validate', ['validate', 'test/fixtures/eval/v02'], 0],
  ['v02-score', ['score', 'test/fixtures/eval/v02'], 0],
  ['v02-score-json', ['score', 'test/fixtures/eval/v02', '--format', 'json'], 0],
  ['v02-score-md-en', ['score', 'test/fixtures/eval/v02', '--format', 'md', '--lang', 'en'], 0],
  ['v02-score-csv', ['score', 'test/fixtures/eval/v02', '--format', 'csv'], 0],
  ['v02-score-where', ['score', 'test/fixtures/eval/v02', '--where', 'batch=1', '--format', 'json'], 0],
  ['v02-where-unknown-column', ['score', 'test/fixtures/eval/v02', '--where', 'batc=1'], 2],
  ['v02-where-bad', ['score', 'test/fixtures/eval/v02', '--where', 'batch'], 2],
  ['v02-reconcile', ['reconcile', 'test/fixtures/eval/v02'], 0],
  ['v02-reconcile-json', ['reconcile', 'test/fixtures/eval/v02', '--format', 'json'], 0],
  ['v02-reconcile-csv-en', ['reconcile', 'test/fixtures/eval/v02', '--format', 'csv', '--lang', 'en'], 0],
  ['v02-explain-veto', ['explain', 'test/fixtures/eval/v02', '--county', '乙县', '--item', 'V2'], 0],
  ['v02-explain-assessed', ['explain', 'test/fixtures/eval/v02', '--county', '甲县', '--item', 'S2.2'], 0],
  [
    'v02-explain-component-json',
    ['explain', 'test/fixtures/eval/v02', '--county', '甲县', '--item', 'survey', '--format', 'json'],
    0,
  ],
  [
    'v02-explain-few-en',
    ['explain', 'test/fixtures/eval/v02', '--county', '乙县', '--item', 'S1.1', '--lang', 'en'],
    0,
  ],
  ['v02-rank-by-bonus', ['rank', 'test/fixtures/eval/v02', '--by', 'B1'], 0],
  ['v02-rank-by-veto', ['rank', 'test/fixtures/eval/v02', '--by', 'V1'], 2],
  ['v02-gaps', ['gaps', 'test/fixtures/eval/v02'], 0],
  ['v02-gaps-csv', ['gaps', 'test/fixtures/eval/v02', '--format', 'csv'], 0],
  ['v02-gaps-json', ['gaps', 'test/fixtures/eval/v02', '--county', '乙县', '--format', 'json'], 0],
  // evaluation.yaml: region for 全省, round names, default scope, the notice on every output.
  ['framed-score', ['score', 'test/fixtures/eval/framed', '--round', 'midterm'], 0],
  ['framed-score-all-en', ['score', 'test/fixtures/eval/framed', '--round', 'midterm', '--all', '--lang', 'en'], 0],
  ['framed-score-csv', ['score', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'csv'], 0],
  ['framed-score-json', ['score', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'json'], 0],
  ['framed-gaps-md', ['gaps', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'md'], 0],
  ['framed-compare', ['compare', 'test/fixtures/eval/framed', '--rounds', 'baseline,midterm'], 0],
  ['framed-rank-md', ['rank', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'md'], 0],
  [
    'framed-explain',
    ['explain', 'test/fixtures/eval/framed', '--round', 'midterm', '--county', '牟定县', '--item', 'S1'],
    0,
  ],
  ['framed-validate', ['validate', 'test/fixtures/eval/framed'], 0],
  ['bad-meta-validate', ['validate', 'test/fixtures/eval/bad-meta'], 1],
  ['bad-meta-score', ['score', 'test/fixtures/eval/bad-meta'], 1],
  ['framed-where-replaces', ['score', 'test/fixtures/eval/framed', '--round', 'midterm', '--where', 'batch=2'], 0],
  // scorecard: the score sheets (评分表)
  ['scorecard-help', ['scorecard', '--help'], 0],
  ['scorecard-md', ['scorecard', 'test/fixtures/eval/small'], 0],
  ['scorecard-csv', ['scorecard', 'test/fixtures/eval/small', '--format', 'csv'], 0],
  ['scorecard-county-en', ['scorecard', 'test/fixtures/eval/small', '--county', '麻栗坡县', '--lang', 'en'], 0],
  ['scorecard-unknown-county', ['scorecard', 'test/fixtures/eval/small', '--county', '000000'], 2],
  ['v02-scorecard-json', ['scorecard', 'test/fixtures/eval/v02', '--format', 'json'], 0],
  ['framed-scorecard-csv', ['scorecard', 'test/fixtures/eval/framed', '--round', 'midterm', '--format', 'csv'], 0],
  // sensitivity: rank intervals under drawn weights
  ['sensitivity-help', ['sensitivity', '--help'], 0],
  ['sensitivity-table', ['sensitivity', 'test/fixtures/eval/v02'], 0],
  [
    'sensitivity-json',
    [
      'sensitivity',
      'test/fixtures/eval/framed',
      '--round',
      'midterm',
      '--runs',
      '200',
      '--seed',
      '7',
      '--format',
      'json',
    ],
    0,
  ],
  ['sensitivity-csv-en', ['sensitivity', 'test/fixtures/eval/small', '--format', 'csv', '--lang', 'en'], 0],
  [
    'sensitivity-md',
    ['sensitivity', 'test/fixtures/eval/framed', '--round', 'midterm', '--spread', '50%', '--format', 'md'],
    0,
  ],
  ['sensitivity-bad-spread', ['sensitivity', 'test/fixtures/eval/small', '--spread', '1.5'], 2],
  ['sensitivity-bad-runs', ['sensitivity', 'test/fixtures/eval/small', '--runs', '0'], 2],
  ['sensitivity-bad-seed-en', ['sensitivity', 'test/fixtures/eval/small', '--seed', '-3', '--lang', 'en'], 2],
];

describe('fazhi command line (golden files)', () => {
  it.each(CASES)('%s', (name, args, code, env) => {
    const run = golden(name, args, env);
    expect(run.code).toBe(code);
    // Never a stack trace, whatever went wrong.
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('fazhi command line (behaviour)', () => {
  it('init makes a folder that validates, refuses a folder with files, and its template scores once filled', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'fazhi-init-')), 'evaluation');
    try {
      expect(fazhi(['init', dir]).code).toBe(0);
      expect(fazhi(['validate', dir]).code).toBe(0);
      const again = fazhi(['init', dir]);
      expect([again.code, again.stderr.includes('[init-not-empty]')]).toEqual([1, true]);
      writeFileSync(join(dir, 'counties.csv'), 'county_id,county,prefecture\n530102,五华区,昆明市\n');
      expect(fazhi(['template', dir, '--out', join(dir, 'evidence', 'e.csv')]).code).toBe(0);
      const sheet = readFileSync(join(dir, 'evidence', 'e.csv'), 'utf8');
      // fill every yes/no cell with 是, everything else stays empty
      const filled = sheet.replace(/^(530102,五华区,[^,]+,[^,]*,"?是\/否[^,]*"?,),/gm, '$1是,');
      writeFileSync(join(dir, 'evidence', 'e.csv'), filled);
      const scored = fazhi(['score', dir, '--format', 'json']);
      expect(scored.code).toBe(0);
      const county = JSON.parse(scored.stdout).counties[0];
      expect(county.total).toBeGreaterThan(0);
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it('--format choices are the renderer registries’ keys', async () => {
    const { VALIDATE_FORMATS, SCORE_FORMATS, RANK_FORMATS, GAPS_FORMATS, EXPLAIN_FORMATS, COMPARE_FORMATS } =
      await import('../src/cli/program.js');
    const { COMPARE_RENDERERS } = await import('../src/report/compare.js');
    const { RECONCILE_RENDERERS } = await import('../src/report/reconcile.js');
    const { RECONCILE_FORMATS } = await import('../src/cli/program.js');
    expect([...RECONCILE_FORMATS]).toEqual(Object.keys(RECONCILE_RENDERERS));
    const { SCORECARD_FORMATS } = await import('../src/cli/program.js');
    const { SCORECARD_RENDERERS } = await import('../src/report/scorecard.js');
    expect([...SCORECARD_FORMATS]).toEqual(Object.keys(SCORECARD_RENDERERS));
    const { SENSITIVITY_FORMATS } = await import('../src/cli/program.js');
    const { SENSITIVITY_RENDERERS } = await import('../src/report/sensitivity.js');
    expect([...SENSITIVITY_FORMATS]).toEqual(Object.keys(SENSITIVITY_RENDERERS));
    expect([...COMPARE_FORMATS].sort()).toEqual(Object.keys(COMPARE_RENDERERS).sort());
    const { RANK_RENDERERS } = await import('../src/report/rank.js');
    const { GAPS_RENDERERS } = await import('../src/report/gaps.js');
    const { EXPLAIN_RENDERERS } = await import('../src/report/explain.js');
    expect([...RANK_FORMATS].sort()).toEqual(Object.keys(RANK_RENDERERS).sort());
    expect([...GAPS_FORMATS].sort()).toEqual(Object.keys(GAPS_RENDERERS).sort());
    expect([...EXPLAIN_FORMATS].sort()).toEqual(Object.keys(EXPLAIN_RENDERERS).sort());
    const { VALIDATE_RENDERERS } = await import('../src/report/problems.js');
    const { SCORE_RENDERERS } = await import('../src/report/score.js');
    expect([...VALIDATE_FORMATS]).toEqual(Object.keys(VALIDATE_RENDERERS));
    expect([...SCORE_FORMATS]).toEqual(Object.keys(SCORE_RENDERERS));
  });

  it('score --format xlsx writes the CSV rows as a workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-xlsx-out-'));
    try {
      const out = join(dir, 'scores.xlsx');
      expect(fazhi(['score', 'test/fixtures/eval/small', '--format', 'xlsx', '--out', out]).code).toBe(0);
      const { default: readXlsxFile } = await import('read-excel-file/node');
      const [sheet] = (await readXlsxFile(out)) as { data: unknown[][] }[];
      const csv = fazhi(['score', 'test/fixtures/eval/small', '--format', 'csv'])
        .stdout.replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      const asText = sheet!.data.map((row) => row.map((v) => (v === null ? '' : String(v))).join(','));
      expect(asText).toEqual(csv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('score output is byte-identical from run to run, and does not depend on file order', () => {
    const a = fazhi(['score', 'test/fixtures/eval/small', '--format', 'json']);
    const b = fazhi(['score', 'test/fixtures/eval/small', '--format', 'json']);
    expect(b.stdout).toBe(a.stdout);
    const reversed = fazhi([
      'score',
      'test/fixtures/eval/small',
      '--format',
      'json',
      '--evidence',
      'test/fixtures/eval/small/evidence/b-wide.csv',
      '--evidence',
      'test/fixtures/eval/small/evidence/a-long.csv',
    ]);
    const counties = (s: string) => JSON.stringify(JSON.parse(s).counties);
    expect(counties(reversed.stdout)).toBe(counties(a.stdout));
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V'])
      expect(fazhi([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('schema prints the committed indicators/indicators.schema.json', () => {
    const run = fazhi(['schema']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(root, 'indicators', 'indicators.schema.json'), 'utf8'));
  });

  it('--out writes the report to a file and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-out-'));
    try {
      const out = join(dir, 'report.json');
      const run = fazhi(['validate', 'test/fixtures/cli/warning.yaml', '--format', 'json', '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
        ok: true,
        errors: [],
        warnings: [{ line: 6, column: 7 }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--out under a file is an input error, located, without a stack trace', () => {
    const run = fazhi(['schema', '--out', 'package.json/folder/schema.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^package\.json\/folder\/schema\.json: 错误：无法写入文件（.*ENOTDIR）/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('colour only when asked for, and never under NO_COLOR', () => {
    const args = ['validate', 'test/fixtures/cli/broken.yaml'];
    expect(fazhi(args, { FORCE_COLOR: '1', NO_COLOR: '' }).stderr).toContain('\u001b[');
    expect(fazhi(args, { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr).not.toContain('\u001b[');
    expect(fazhi(args).stderr).not.toContain('\u001b[');
  });

  it('diagnostics go to stderr as FILE:LINE:COL whatever the format', () => {
    for (const format of ['text', 'json', 'github']) {
      const run = fazhi(['validate', 'test/fixtures/cli/broken.yaml', '--format', format]);
      const lines = run.stderr.trim().split('\n').filter(Boolean);
      expect(lines.length).toBe(5);
      for (const line of lines)
        expect(line).toMatch(/^test\/fixtures\/cli\/broken\.yaml:\d+:\d+: 错误：.+ \[[a-z-]+\]$/);
    }
  });

  it('an evaluation given by its absolute path is named relative to the working folder in messages', () => {
    for (const command of ['score', 'gaps', 'rank']) {
      const run = fazhi([command, join(root, 'test', 'fixtures', 'eval', 'bad')]);
      expect(run.code).toBe(1);
      const lines = run.stderr.split('\n').filter((l) => l !== '');
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(line, command).toMatch(/^test\/fixtures\/eval\/bad\/\S+: /);
    }
  });

  it('explain writes a yes/no value in words, in both languages', () => {
    const args = ['explain', 'samples/yunnan-2022', '--round', 'midterm', '--county', '532323', '--item', 'S1.1.1'];
    expect(fazhi(args).stdout).toMatch(/^计算：x = 是; a = x \? 1 : 0 = 1$/m);
    expect(fazhi([...args, '--lang', 'en']).stdout).toMatch(/^Arithmetic: x = yes; a = x \? 1 : 0 = 1$/m);
  });

  it('a bug in fazhi exits 3 with one line, its stack only under FAZHI_DEBUG=1; input 1, command line 2', async () => {
    const { reportError } = await import('../src/cli/main.js');
    const { InputError, UsageError } = await import('../src/cli/errors.js');
    const run = (e: unknown, env: Record<string, string> = {}) => {
      let text = '';
      const code = reportError(e, 'zh', ['score'], { NO_COLOR: '1', ...env }, (t) => {
        text += t;
      });
      return { code, text };
    };
    const bug = run(new TypeError('x is undefined'));
    expect(bug.code).toBe(3);
    expect(bug.text).toBe(
      'fazhi 内部错误（程序缺陷，不是输入有误）：x is undefined。请设置 FAZHI_DEBUG=1 再运行一次，把命令、fazhi 的版本（fazhi --version）和全部输出报告给 fazhi 的维护者\n',
    );
    const debug = run(new TypeError('x is undefined'), { FAZHI_DEBUG: '1' });
    expect(debug.code).toBe(3);
    expect(debug.text).toMatch(/^TypeError: x is undefined\n\s+at /);
    expect(run(new UsageError('no')).code).toBe(2);
    expect(run(new InputError([])).code).toBe(1);
  });

  it('github annotations carry file, line and column', () => {
    const run = fazhi(['validate', 'test/fixtures/cli/broken.yaml', '--format', 'github']);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    for (const line of lines)
      expect(line).toMatch(/^::error file=test\/fixtures\/cli\/broken\.yaml,line=\d+,col=\d+::\S/);
  });
});
