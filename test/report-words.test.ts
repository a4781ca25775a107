import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { EVALUATION_KEYS } from '../src/model/evaluation-file.js';
import { KNOWN_KEYS } from '../src/model/indicators.js';
import { RULES } from '../src/model/rules/index.js';

/**
 * The sample's reports read as documents an official forwards: no identifier of the input formats
 * leaks into the Chinese HTML, Markdown or Word text; the written summary (golden files) states
 * only numbers the report's tables show.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const update = process.env.UPDATE_GOLDEN === '1';
const work = mkdtempSync(join(tmpdir(), 'fazhi-words-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function report(format: string, lang = 'zh'): string {
  const out = join(work, `${format}-${lang}`);
  const r = spawnSync(
    process.execPath,
    [bin, 'report', 'samples/yunnan-2022', '--round', 'midterm', '--out', out, '--format', format, '--county-pages'],
    { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: `${lang}_CN.UTF-8`, NO_COLOR: '1' } },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

const files = (dir: string, ext: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a reader sees of an HTML report: the body's text, SVG labels included. */
const htmlText = (html: string) =>
  decode(
    html
      .replace(/^[\s\S]*?<body>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  );

/** What a reader sees of a Markdown report: its text without link targets. */
const mdText = (md: string) => md.replace(/\]\([^)]*\)/g, ']').replace(/\\([\\`*_[\]])/g, '$1');

/** The text of a Word report: every run of the body and every chart. */
function docxText(path: string): string {
  const parts = unzipSync(readFileSync(path));
  return Object.entries(parts)
    .filter(([name]) => /^word\/(document|charts\/chart\d+)\.xml$/.test(name))
    .flatMap(([, bytes]) => [...strFromU8(bytes).matchAll(/<(?:w:t|c:v|a:t)(?:\s[^>]*)?>([^<]*)</g)].map((m) => m[1]))
    .map((t) => decode(t ?? ''))
    .join(' ');
}

/**
 * Identifiers of the input formats that must never reach a Chinese reader: the indicator and
 * evaluation files' keys, rule types and enumerated values, the register's and evidence's columns,
 * the round ids of the sample.
 */
const IDENTIFIERS = [
  ...new Set([
    ...KNOWN_KEYS,
    ...EVALUATION_KEYS,
    ...Object.keys(RULES),
    ...['zero', 'exclude', 'error', 'na', 'rate', 'count', 'number', 'points', 'relative', 'higher', 'lower'],
    ...['disqualify', 'mean', 'median', 'county_id', 'county', 'prefecture', 'indicator_id', 'value'],
    ...['source', 'note', 'round', 'by', 'batch', 'baseline', 'midterm', 'true', 'false', 'null', 'undefined', 'NaN'],
  ]),
];

/** The identifiers found in a text, outside file names and the program's own name and version. */
function leaks(text: string): string[] {
  const cleaned = text
    .replace(/[^\s（）：]+\.(csv|xlsx|yaml|yml)\b/g, ' ')
    .replace(/fazhi \d+\.\d+\.\d+/g, ' ')
    .replace(/\bfazhi\b/g, ' ');
  return IDENTIFIERS.filter((id) => new RegExp(`(?<![A-Za-z0-9_])${id}(?![A-Za-z0-9_])`).test(cleaned));
}

describe('no identifier of the input formats in a Chinese report', () => {
  const both = report('both');
  const word = report('docx');

  it('HTML: every report, prefecture and county page', () => {
    const found = files(both, '.html').flatMap((f) =>
      leaks(htmlText(readFileSync(f, 'utf8'))).map((id) => `${f}: ${id}`),
    );
    expect(files(both, '.html').length).toBeGreaterThan(60);
    expect(found).toEqual([]);
  });

  it('Markdown', () => {
    const found = files(both, '.md').flatMap((f) => leaks(mdText(readFileSync(f, 'utf8'))).map((id) => `${f}: ${id}`));
    expect(found).toEqual([]);
  });

  it('Word, charts included', () => {
    const docs = files(word, '.docx');
    expect(docs.length).toBeGreaterThan(60);
    const found = docs.flatMap((f) => leaks(docxText(f)).map((id) => `${f}: ${id}`));
    expect(found).toEqual([]);
  });

  it('the check finds a leak where there is one', () => {
    expect(leaks('按 missing: zero 计 0 分；county_id 532323；轮次 midterm')).toEqual([
      'missing',
      'zero',
      'county_id',
      'midterm',
    ]);
    expect(leaks('见 samples/yunnan-2022/evidence/530100-昆明市.csv（由 fazhi 0.2.0 生成）')).toEqual([]);
  });
});

describe('no identifier of the input formats in a Chinese score sheet', () => {
  /** `fazhi scorecard` on the sample in one format, written to a file. */
  function scorecard(format: string): string {
    const out = join(work, `scorecard.${format}`);
    const r = spawnSync(
      process.execPath,
      [bin, 'scorecard', 'samples/yunnan-2022', '--round', 'midterm', '--format', format, '--out', out],
      { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' } },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return out;
  }

  it('HTML, Markdown and Word', () => {
    const texts = {
      html: htmlText(readFileSync(scorecard('html'), 'utf8')),
      md: mdText(readFileSync(scorecard('md'), 'utf8')),
      docx: docxText(scorecard('docx')),
    };
    for (const text of Object.values(texts)) expect(text).toContain('失分原因');
    expect(Object.entries(texts).flatMap(([format, text]) => leaks(text).map((id) => `${format}: ${id}`))).toEqual([]);
  });
});

/** A report's written summary: from 一、总体情况 to the heading after 四、意见建议 (or 整改建议). */
function summaryOf(md: string): string {
  const start = md.indexOf('## 一、总体情况');
  const end = md.indexOf('\n## 五、', start);
  return md.slice(start, end < 0 ? undefined : end).trim();
}

describe('the written summary', () => {
  const md = report('md');
  const cases: [string, string][] = [
    ['summary-index', join(md, 'index.md')],
    ['summary-prefecture', join(md, '文山壮族苗族自治州.md')],
    ['summary-county', join(md, '文山壮族苗族自治州', '文山市.md')],
  ];

  it.each(cases)('%s is as written in test/golden', (name, path) => {
    const text = `${summaryOf(readFileSync(path, 'utf8'))}\n`;
    const golden = join(root, 'test', 'golden', `${name}.md`);
    if (update || !existsSync(golden)) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it.each(cases.slice(0, 2))('%s: every score it states is shown again in the results', (_, path) => {
    const doc = readFileSync(path, 'utf8');
    const summary = summaryOf(doc);
    const tables = doc.slice(doc.indexOf('\n## 五、'));
    const scores = [...summary.matchAll(/[+-]?\d+\.\d\d(?!\d)/g)].map((m) => m[0]);
    expect(scores.length).toBeGreaterThan(5);
    const missing = scores.filter((x) => !new RegExp(`(?<![\\d.])${x.replace(/[+.]/g, '\\$&')}(?![\\d])`).test(tables));
    expect(missing).toEqual([]);
  });

  // Several runs of the command line: no time limit but a generous one, on a busy machine too.
  it('the same data give the same words, in both languages', { timeout: 120_000 }, () => {
    const again = report('md');
    expect(readFileSync(join(again, 'index.md'), 'utf8')).toBe(readFileSync(join(md, 'index.md'), 'utf8'));
    const en = readFileSync(join(report('md', 'en'), 'index.md'), 'utf8');
    expect(en).toContain('## 1. Overview');
    expect(en).toContain('## 4. Recommendations');
    expect(en).not.toMatch(/一、总体情况|意见建议/);
  });
});
