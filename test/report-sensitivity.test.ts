import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CountySensitivity,
  SENSITIVITY_DEFAULTS,
  type Sensitivity,
  sensitivity,
} from '../src/analyze/sensitivity.js';
import { loadAndScore } from '../src/evaluate.js';
import { rankStep } from '../src/report/html/intervals.js';
import { fazhi, root } from './run-cli.js';

/**
 * `fazhi report --sensitivity`: every format carries each county's rank interval where its rank is
 * given and in its 总体情况, equal to sensitivity()'s; the overview has the chart and the systems'
 * shifts; the same seed gives the same bytes; `--where` is respected; without the flag no word of it.
 */

const sample = 'samples/yunnan-2022';
const work = mkdtempSync(join(tmpdir(), 'fazhi-report-sensitivity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let k = 0;
/** Writes a report of the sample (midterm round) with the flags given; returns its folder. */
function report(...flags: string[]): string {
  const out = join(work, `r${++k}`);
  const r = fazhi(['report', sample, '--round', 'midterm', '--out', out, ...flags]);
  if (r.code !== 0) throw new Error(r.stderr);
  return out;
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const docxText = (path: string) => strFromU8(unzipSync(readFileSync(path))['word/document.xml'] as Uint8Array);

const cell = (c: CountySensitivity) => (c.low === c.high ? String(c.low) : `${c.low}–${c.high}`);
/** The county's sentence, as its 总体情况 says it with the default draws. */
const sentence = (c: CountySensitivity, spread = '20%', runs = 1000) =>
  c.low === c.high
    ? `各项权重在 ±${spread} 内随机浮动 ${runs} 次，至少九成抽样中排名均为第 ${c.low} 名`
    : `各项权重在 ±${spread} 内随机浮动 ${runs} 次，排名区间（5%–95%）为第 ${c.low}–${c.high} 名，中位第 ${c.medianRank} 名`;

let expected: Sensitivity;
let ranked: CountySensitivity[];
let both: string;
beforeAll(async () => {
  const { scoring } = await loadAndScore(join(root, sample), { round: 'midterm' });
  expected = sensitivity(scoring, SENSITIVITY_DEFAULTS);
  ranked = expected.counties.filter((c) => c.rank !== null);
  both = report('--sensitivity', '--format', 'both', '--county-pages');
});

describe('report --sensitivity', () => {
  it('the overview (HTML) has the interval column, the section, a chart row per ranked county and the shifts', () => {
    const html = read(both, 'index.html');
    expect(html).toContain('<th class="num">排名区间（5%–95%）</th>');
    expect(html).toContain('（七）排名的权重敏感性');
    expect(html).toContain('±20% 范围内均匀随机取值，重新计算总分和排名，共 1000 次（随机种子 1');
    const svg = /<svg[^>]*class="intervals"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).not.toBe('');
    expect(svg.match(/<circle /g)?.length).toBe(ranked.length + 1); // and the legend's dot
    for (const c of ranked) expect(svg).toContain(`>${cell(c)}</text>`);
    for (const s of expected.systems)
      expect(html).toContain(`<td>${s.name}</td><td class="num">${s.shift.toFixed(2)}</td>`);
    // Names, never ids, in the Chinese report.
    expect(html).not.toMatch(/<td>S\d+ /);
  });

  it('each prefecture report gives every ranked county its interval, and its 总体情况 the same numbers', () => {
    for (const c of ranked) {
      const md = read(both, `${c.prefecture}.md`);
      expect(md, c.name).toMatch(new RegExp(`\\| \\d+ \\| ${c.rank} \\| ${cell(c)} \\| ${c.name} \\|`));
      expect(md, c.name).toContain(sentence(c));
      expect(read(both, `${c.prefecture}.html`), c.name).toContain(sentence(c));
      expect(read(both, join(c.prefecture, `${c.name}.md`)), c.name).toContain(sentence(c));
    }
    // The overview's ranking table, in Markdown: rank, interval, county.
    const index = read(both, 'index.md');
    for (const c of ranked) expect(index).toMatch(new RegExp(`\\| ${c.rank} \\| ${cell(c)} \\| \\[${c.name}\\]`));
  });

  it('Markdown draws the chart as a compact table; Word as a table too, with the sentences', () => {
    const md = read(both, 'index.md');
    expect(md).toContain('| 排名 | 县（市、区） | 中位排名 | 排名区间（5%–95%） |');
    for (const c of ranked) expect(md).toContain(`| ${c.rank} | ${c.name} | ${c.medianRank} | ${cell(c)} |`);
    const docx = report('--sensitivity', '--format', 'docx');
    const overview = docxText(join(docx, 'index.docx'));
    expect(overview).toContain('排名的权重敏感性');
    expect(overview).toContain('排名区间（5%–95%）');
    const [first] = ranked;
    if (first) expect(docxText(join(docx, `${first.prefecture}.docx`))).toContain(sentence(first));
  });

  it('the same seed writes the same bytes; the flags are said in the text', () => {
    const flags = ['--sensitivity', '--runs', '200', '--spread', '10%', '--seed', '7'];
    const [a, b] = [report(...flags), report(...flags)];
    expect(files(a)).toEqual(files(b));
    for (const f of files(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
    const html = read(a, 'index.html');
    expect(html).toContain('±10% 范围内均匀随机取值，重新计算总分和排名，共 200 次（随机种子 7');
    expect(read(a, '临沧市.html')).toContain('各项权重在 ±10% 内随机浮动 200 次');
  });

  it('respects --where: the intervals are those of the counties in scope', async () => {
    const out = report('--sensitivity', '--where', 'prefecture=临沧市', '--format', 'md');
    const { scoring } = await loadAndScore(join(root, sample), { round: 'midterm', where: { prefecture: ['临沧市'] } });
    const scoped = sensitivity(scoring, SENSITIVITY_DEFAULTS);
    expect(scoped.counties.length).toBeGreaterThan(1);
    const md = read(out, '临沧市.md');
    for (const c of scoped.counties.filter((x) => x.rank !== null)) {
      expect(md).toMatch(new RegExp(`\\| \\d+ \\| ${c.rank} \\| ${cell(c)} \\| ${c.name} \\|`));
      expect(md).toContain(sentence(c));
      expect(c.high).toBeLessThanOrEqual(scoped.counties.length);
    }
  });

  it('speaks English with --lang en', () => {
    const out = report('--sensitivity', '--format', 'md', '--lang', 'en');
    const md = read(out, 'index.md');
    expect(md).toContain('How far the ranks depend on the weights');
    expect(md).toContain('Rank interval (5–95%)');
    expect(md).toContain('1000 times (seed 1');
  });

  it('without the flag nothing of it; --runs, --spread, --seed alone are usage errors', () => {
    const out = report('--format', 'both', '--county-pages');
    expect(files(out)).toEqual(files(both));
    for (const f of files(out)) expect(read(out, f), f).not.toMatch(/排名区间|权重敏感性|随机浮动/);
    for (const flag of [
      ['--runs', '10'],
      ['--spread', '0.1'],
      ['--seed', '3'],
    ]) {
      const r = fazhi(['report', sample, '--round', 'midterm', '--out', join(work, 'never'), ...flag]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag[0]} 只与 --sensitivity 一起使用`);
    }
    expect(existsSync(join(work, 'never'))).toBe(false);
  });

  it('labels ranks 1, then every 1, 2, 5, 10 … so that about ten are labelled', () => {
    expect([1, 10, 11, 20, 21, 49, 50, 51, 129, 2844].map(rankStep)).toEqual([1, 1, 2, 2, 5, 5, 5, 10, 20, 500]);
  });
});

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const printable =
  existsSync(chromium) && spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined
    ? null
    : 'Chromium or pdftotext is missing';

describe.skipIf(printable !== null && process.env.FAZHI_REQUIRE_BROWSER !== '1')('the printed overview', () => {
  it('keeps the chart of the intervals on one page, its title with its legend', () => {
    const pdf = join(work, 'index.pdf');
    const profile = mkdtempSync(join(tmpdir(), 'fazhi-chromium-'));
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${join(both, 'index.html')}`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    rmSync(profile, { recursive: true, force: true });
    expect(r.error).toBeUndefined();
    const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1];
    const text = Array.from(
      { length: Number(pages) },
      (_, i) =>
        spawnSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).stdout,
    );
    const title = text.findIndex((t) => t.includes('云南省排名区间（权重 ±20%，5%–95%）'));
    expect(title).toBeGreaterThanOrEqual(0);
    // The legend closes the chart: on the title's page, so that no part of it went over.
    expect(text[title]).toContain('现行权重下的排名');
    expect(text.filter((t) => t.includes('现行权重下的排名')).length).toBe(1);
  });
});
