import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildReport } from '../src/analyze/build-report.js';
import { compare } from '../src/analyze/compare.js';
import { safeFileName, uniqueNames } from '../src/analyze/file-names.js';
import { gaps } from '../src/analyze/gaps.js';
import type { ReportSource } from '../src/analyze/report-model.js';
import { report, reportDate } from '../src/cli/commands/report.js';
import { REPORT_FORMATS } from '../src/cli/program.js';
import { scoreCounties } from '../src/evaluate.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { esc } from '../src/report/html/escape.js';
import { radarSvg } from '../src/report/html/radar.js';
import { renderHtml } from '../src/report/html/render.js';
import { indexDoc } from '../src/report/index-doc.js';
import { renderMarkdown } from '../src/report/markdown-doc.js';
import { prefectureDoc } from '../src/report/prefecture-doc.js';
import { REPORT_RENDERERS } from '../src/report/report-files.js';
import { needed } from '../src/report/rule-words.js';
import { fazhi, root } from './run-cli.js';

/** `fazhi report`: the model, the HTML and Markdown renderers, the radar chart, file names, and the command. */

const small = join(root, 'test', 'fixtures', 'eval', 'small');
const rounds = join(root, 'test', 'fixtures', 'eval', 'rounds');
const scratch = mkdtempSync(join(tmpdir(), 'fazhi-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A fresh folder that does not exist yet, inside a parent of its own (so that writes beside it show). */
const freshOut = (): string => {
  const parent = join(scratch, `case-${++n}`);
  mkdirSync(parent);
  return join(parent, 'out');
};

/** Every file below a folder, as relative paths with forward slashes, sorted. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();

async function model(dir: string, extra: Partial<ReportSource> = {}, round?: string) {
  const e = await loadEvaluation({ dir, round, display: (p) => relative(root, p) });
  const scoring = scoreCounties(e.system!, e.counties, e.evidence!.table);
  return {
    e,
    scoring,
    model: buildReport({
      scoring,
      gaps: gaps(scoring, e.evidence!.table, (node, s) => needed(node, 'zh', s.ranges.get(node.id) ?? null)),
      evidence: e.evidence!.table,
      round: round ?? null,
      baseline: null,
      provenance: {
        version: '9.9.9',
        indicatorsPath: e.indicatorsPath,
        indicatorsSha256: e.indicatorsSha256,
        metaFile: e.metaFile,
        inputs: e.inputs,
      },
      meta: e.meta,
      scope: e.scope,
      date: null,
      lang: 'zh',
      countyPages: false,
      index: true,
      ...extra,
    }),
  };
}

describe('escaping and file names', () => {
  it('esc escapes the five HTML characters', () => {
    expect(esc(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('safeFileName keeps Chinese and removes separators, control characters and leading dots', () => {
    expect(safeFileName('楚雄彝族自治州')).toBe('楚雄彝族自治州');
    expect(safeFileName('../x')).toBe('_x');
    expect(safeFileName('a/b')).toBe('a_b');
    expect(safeFileName('a\\b:c*d?e"f<g>h|i')).toBe('a_b_c_d_e_f_g_h_i');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('a\u0000b\u001fc\u202ed\u200be')).toBe('abcde');
    expect(safeFileName('name. ')).toBe('name');
    expect(safeFileName('')).toBe('_');
    expect(safeFileName('con')).toBe('_con');
    expect(Buffer.byteLength(safeFileName('县'.repeat(100)))).toBe(180);
    expect(Buffer.byteLength(safeFileName('x'.repeat(500)))).toBe(180);
  });

  it('safeFileName: whatever the name, one harmless path segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const s = safeFileName(name);
        expect(s.length).toBeGreaterThan(0);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: a safe file name holds no control character
        expect(s).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(s.startsWith('.')).toBe(false);
        expect(Buffer.byteLength(`${s}.html`)).toBeLessThan(255);
        expect(dirname(resolve('/out', `${s}.html`))).toBe('/out');
      }),
      { numRuns: 500 },
    );
  });

  it('uniqueNames never gives two files one name, not even on a case-insensitive disk', () => {
    expect(uniqueNames(['a/b', 'a_b', 'index', 'A_B', 'x.html', 'x'], ['index'])).toEqual([
      'a_b',
      'a_b-2',
      'index-2',
      'A_B-3',
      'x.html',
      'x-2',
    ]);
    expect(uniqueNames(['城关区', '城关区'], [], ['620102', '620402'])).toEqual(['城关区', '城关区-620402']);
  });
});

describe('the radar chart', () => {
  const axes = Array.from({ length: 8 }, (_, i) => ({
    id: `S${i + 1}`,
    name: i === 5 ? '社会矛盾纠纷行政预防调处化解体系' : `体系<${i}>`,
  }));
  const svg = radarSvg(
    axes,
    [
      { label: '全省平均', values: axes.map(() => 0.5), kind: 'mean' },
      { label: 'A & B', values: [1, 0.5, null, 2, -1, 0.25, 0.75, 0], kind: 'county' },
    ],
    '标题 "x"',
  );

  it('draws a polygon per series with one point per axis, values clamped to 0–1 and none at the centre', () => {
    const polygons = [...svg.matchAll(/<polygon class="(county|mean)" points="([^"]+)"/g)];
    expect(polygons.map((m) => m[1])).toEqual(['mean', 'county']);
    const county = polygons[1]![2]!.split(' ').map((p) => p.split(',').map(Number));
    expect(county).toHaveLength(8);
    expect(county[0]).toEqual([280, 90]); // full, straight up: radius 130 from (280, 220)
    expect(county[2]).toEqual([280, 220]); // null: the centre
    expect(county[3]![0]! - 280).toBeCloseTo(130 * Math.cos(Math.PI / 4), 0); // 2 is clamped to 1
    expect(county[4]).toEqual([280, 220]); // −1 is clamped to 0
    expect(svg.match(/<polygon class="ring"/g)).toHaveLength(4);
  });

  it('anchors labels by angle and escapes every text', () => {
    expect(svg).toMatch(/<text text-anchor="middle"[^>]*><title>体系&lt;0&gt;</);
    expect(svg).toMatch(/<text text-anchor="start"[^>]*><title>体系&lt;2&gt;</);
    expect(svg).toMatch(/<text text-anchor="end"[^>]*><title>体系&lt;6&gt;</);
    // Labels are names only: no ids on the chart.
    expect(svg).not.toMatch(/>S\d</);
    expect(svg).toContain('体系&lt;0&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('aria-label="标题 &quot;x&quot;"');
    expect(svg).not.toMatch(/<\d>/);
    // long names: two lines of eight characters, the rest cut
    expect(svg).toContain('>社会矛盾纠纷行政</tspan>');
    expect(svg).toContain('>预防调处化解体系</tspan>');
  });

  it('with fewer than three systems draws bars instead', () => {
    const bars = radarSvg(axes.slice(0, 2), [{ label: 'x', values: [0.5, 1], kind: 'county' }], 't');
    expect(bars).not.toContain('<polygon');
    expect(bars.match(/<rect class="county"/g)).toHaveLength(2);
  });
});

describe('the report model (small fixture)', async () => {
  const { model: m } = await model(small);

  it('prefectures in official order, with counts, means, best and passes', () => {
    expect(
      m.prefectures.map((p) => [p.name, p.file, p.counties.length, p.mean, p.best?.name, p.passing, p.ranked]),
    ).toEqual([
      ['楚雄彝族自治州', '楚雄彝族自治州', 3, 91.74, '牟定县', 2, 3],
      ['文山壮族苗族自治州', '文山壮族苗族自治州', 2, 56.8, '麻栗坡县', 0, 1],
    ]);
    expect([m.mean, m.passing, m.ranked]).toEqual([77.76, 2, 4]);
    expect(m.gradeCounts).toEqual([
      ['优秀', 2],
      ['良好', 0],
      ['合格', 1],
      ['不合格', 1],
      ['否决', 1],
    ]);
  });

  it('each county: profile attainments, the top five shortfalls and the passPlan with names', () => {
    const c = m.counties.find((x) => x.name === '麻栗坡县')!;
    expect(c.profile.map((s) => [s.points, Number(s.attainment!.toFixed(4))])).toEqual([
      [24, 0.4],
      [33.6, 0.84],
    ]);
    expect(c.top.map((i) => i.id)).toEqual(['S1.1', 'S1.2', 'S1.3', 'S2.1', 'S2.2']);
    expect(c.passPlan!.map((i) => [i.id, i.name, i.lost])).toEqual([
      ['S1.1', '权责清单动态调整并向社会公布', 20],
      ['S1.2', '企业开办时间（工作日）', 10],
    ]);
    expect(m.means.map((x) => Number(x!.toFixed(4)))).toEqual([0.7889, 0.7508]);
    const out = m.counties.find((x) => x.name === '广南县')!;
    expect([out.disqualified, out.passes, out.passPlan, out.rank]).toEqual([true, null, null, null]);
  });

  it('common shortfalls: lost by at least half of the counties, most counties first', () => {
    const chuxiong = m.prefectures[0]!;
    expect(chuxiong.half).toBe(2);
    expect(chuxiong.shortfalls.map((s) => [s.id, s.counties, s.of])).toEqual([
      ['S2.2', 3, 3],
      ['S1.3', 2, 3],
    ]);
    expect(m.shortfalls[0]).toMatchObject({ id: 'S2.2', counties: 5, of: 5 });
  });

  it('HTML and Markdown say the same; HTML is one self-contained page', () => {
    const doc = prefectureDoc(m, m.prefectures[0]!);
    const html = renderHtml(doc, 'fazhi 9.9.9');
    const md = renderMarkdown(doc);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    for (const text of [
      '楚雄彝族自治州法治政府建设示范创建评估报告',
      '州（市）内排名',
      '（三）共性问题',
      '（一）牟定县',
      '提分建议',
      '附：报告生成说明',
      'fazhi 9.9.9',
    ]) {
      expect(html).toContain(text);
      expect(md).toContain(text);
    }
    expect(html.match(/<section class="county"/g)).toHaveLength(3);
    expect(html).toContain('<a href="index.html">');
    const index = renderHtml(indexDoc(m), 'fazhi 9.9.9');
    expect(index).toContain(
      '<a href="%E6%A5%9A%E9%9B%84%E5%BD%9D%E6%97%8F%E8%87%AA%E6%B2%BB%E5%B7%9E.html#c-532323">牟定县</a>',
    );
  });

  it('format lists agree', () => {
    expect([...REPORT_FORMATS]).toEqual(Object.keys(REPORT_RENDERERS));
  });
});

describe('progress against the baseline (rounds fixture)', async () => {
  const before = await model(rounds, {}, 'baseline');
  const after = await model(rounds, {}, 'midterm');
  const comparison = compare(before.scoring, after.scoring);
  const { model: m } = await model(
    rounds,
    { baseline: { round: 'baseline', automatic: true, comparison, scoring: before.scoring } },
    'midterm',
  );

  it('each prefecture’s mean before and after, each county’s change', () => {
    const p = m.prefectures.map((x) => [x.name, x.progress]);
    const chuxiong = comparison.counties.filter((c) => c.prefecture === '楚雄彝族自治州');
    const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
    expect(p[0]![1]).toMatchObject({
      n: 3,
      before: mean(chuxiong.map((c) => c.before!)),
      after: mean(chuxiong.map((c) => c.after!)),
    });
    expect(m.counties.every((c) => c.change !== null)).toBe(true);
    const html = renderHtml(indexDoc(m), 'x');
    expect(html).toContain('（六）中期进展');
    expect(html).toContain('本节比较中期评估与基线评估。');
  });
});

describe('reportDate', () => {
  it('--date first, else SOURCE_DATE_EPOCH, else none', () => {
    expect(reportDate('2024-02-29', '0', 'zh')).toBe('2024-02-29');
    expect(reportDate(undefined, '1700000000', 'zh')).toBe('2023-11-14');
    expect(reportDate(undefined, undefined, 'zh')).toBeNull();
    expect(reportDate(undefined, '', 'zh')).toBeNull();
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', '2024-01-01T00:00'])
      expect(() => reportDate(bad, undefined, 'zh')).toThrow(/YYYY-MM-DD/);
    for (const bad of ['-1', '1.5', 'now', '99999999999999999'])
      expect(() => reportDate(undefined, bad, 'en')).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('progress on stderr', () => {
  // The bar itself shows only after a second (test/progress.test.ts); a quick batch says where it wrote.
  it('is written only when stderr is a terminal', async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      writes.push(String(s));
      return true;
    });
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    try {
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      expect(await report(small, { out: freshOut(), format: 'html', lang: 'zh' }, {})).toBe(0);
      expect(writes.join('')).toMatch(/已写入 3 个文件到 /);
      writes.length = 0;
      Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
      expect(await report(small, { out: freshOut(), format: 'html', lang: 'zh' }, {})).toBe(0);
      expect(writes.join('')).not.toMatch(/写入|\r/);
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
      spy.mockRestore();
      out.mockRestore();
    }
  });
});

// ── The command line (built bin/fazhi.js) ──────────────────────────────────────

const unescapeHtml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Every relative link of every HTML file below `dir` leads to a file there, and every #anchor to an id in it. */
function checkLinks(dir: string): number {
  let checked = 0;
  for (const file of tree(dir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(dir, file), 'utf8');
    for (const [, target] of html.matchAll(/href="([^"]*)"/g)) {
      const [path, anchor] = unescapeHtml(target!).split('#') as [string, string | undefined];
      const to = path === '' ? join(dir, file) : resolve(dirname(join(dir, file)), decodeURIComponent(path));
      expect(relative(dir, to).startsWith('..'), `${file} → ${target}`).toBe(false);
      expect(existsSync(to), `${file} → ${target}`).toBe(true);
      if (anchor)
        expect(readFileSync(to, 'utf8'), `${file} → ${target}`).toContain(`id="${esc(decodeURIComponent(anchor))}"`);
      checked++;
    }
  }
  return checked;
}

describe('fazhi report', () => {
  it('writes index.html and one report per prefecture, lists them on stdout, and reruns byte for byte', () => {
    const out = freshOut();
    const run = fazhi(['report', 'test/fixtures/eval/small', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(tree(out)).toEqual(['index.html', '文山壮族苗族自治州.html', '楚雄彝族自治州.html']);
    expect(run.stdout.trim().split('\n')).toEqual([
      join(out, 'index.html'),
      join(out, '楚雄彝族自治州.html'),
      join(out, '文山壮族苗族自治州.html'),
    ]);
    expect(run.stderr).toContain('[evidence-duplicate]');
    expect(run.stderr).not.toContain('写入');
    const first = tree(out).map((f) => readFileSync(join(out, f)));
    expect(fazhi(['report', 'test/fixtures/eval/small', '--out', out]).code).toBe(0);
    expect(tree(out).map((f) => readFileSync(join(out, f)))).toEqual(first);
    expect(readdirSync(dirname(out))).toEqual(['out']); // nothing beside OUTDIR, no temporary file left
    for (const f of tree(out)) {
      const html = readFileSync(join(out, f), 'utf8');
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('<html lang="zh-CN">');
      // nothing to fetch: no scripts, no external files, no URLs but the SVG namespace
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
      expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:/);
      expect(html).toContain(`default-src 'none'`);
      expect(html).not.toMatch(/报告日期/);
    }
    expect(checkLinks(out)).toBeGreaterThan(10);
  });

  it('--format md and both write Markdown with the same sections', () => {
    const md = freshOut();
    expect(fazhi(['report', 'test/fixtures/eval/small', '--out', md, '--format', 'md']).code).toBe(0);
    expect(tree(md)).toEqual(['index.md', '文山壮族苗族自治州.md', '楚雄彝族自治州.md']);
    const both = freshOut();
    expect(fazhi(['report', 'test/fixtures/eval/small', '--out', both, '--format', 'both']).code).toBe(0);
    expect(tree(both)).toEqual([
      'index.html',
      'index.md',
      '文山壮族苗族自治州.html',
      '文山壮族苗族自治州.md',
      '楚雄彝族自治州.html',
      '楚雄彝族自治州.md',
    ]);
    expect(readFileSync(join(both, 'index.md'), 'utf8')).toBe(readFileSync(join(md, 'index.md'), 'utf8'));
    const text = readFileSync(join(md, '楚雄彝族自治州.md'), 'utf8');
    const headings = (s: string) => [...s.matchAll(/^#+ (.*)$/gm)].map((m) => m[1]!.replace(/ · .*$/, ''));
    const htmlHeadings = [
      ...readFileSync(join(both, '楚雄彝族自治州.html'), 'utf8').matchAll(/<h\d[^>]*>([^<]*)/g),
    ].map((m) => m[1]);
    expect(headings(text)).toEqual(htmlHeadings);
    expect(text).toContain('[← 法治政府建设示范创建评估总报告](index.md)');
  });

  it('--prefecture writes that prefecture only; an unknown one is a usage error naming the known ones', () => {
    const out = freshOut();
    const run = fazhi(['report', 'test/fixtures/eval/small', '--out', out, '--prefecture', '文山壮族苗族自治州']);
    expect(run.code).toBe(0);
    expect(tree(out)).toEqual(['文山壮族苗族自治州.html']);
    expect(readFileSync(join(out, '文山壮族苗族自治州.html'), 'utf8')).not.toContain('index.html');
    const bad = fazhi(['report', 'test/fixtures/eval/small', '--out', freshOut(), '--prefecture', '大理州']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('名册中没有州（市）大理州；现有：楚雄彝族自治州、文山壮族苗族自治州');
  });

  it('names from user files: safe file names inside OUTDIR, escaped text, no page links leading out', () => {
    const evaluation = join(scratch, 'hostile');
    mkdirSync(join(evaluation, 'evidence'), { recursive: true });
    copyFileSync(join(small, 'indicators.yaml'), join(evaluation, 'indicators.yaml'));
    writeFileSync(
      join(evaluation, 'counties.csv'),
      'county_id,county,prefecture\n1,"<script>alert(1)</script>",../x\n2,"甲 & ""乙"" \'丙\'",a/b\n3,丁县,index\n4,戊县,.hidden\n5,己县,..\n6,庚县,A_B\n',
    );
    writeFileSync(
      join(evaluation, 'evidence', 'e.csv'),
      `county_id,indicator_id,value\n${[1, 2, 3, 4, 5, 6].map((i) => `${i},S1.1,是\n${i},S2.2,0.${i}`).join('\n')}\n`,
    );
    const out = freshOut();
    const run = fazhi(['report', evaluation, '--out', out, '--county-pages', '--format', 'both']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dirname(out))).toEqual(['out']);
    const files = tree(out);
    expect(files.filter((f) => f.endsWith('.html') && !f.includes('/'))).toEqual([
      'A_B-2.html',
      '_.html',
      '_x.html',
      'a_b.html',
      'hidden.html',
      'index-2.html',
      'index.html',
    ]);
    expect(files).toContain('_x/_script_alert(1)__script_.html');
    for (const f of files) expect(resolve(out, f).startsWith(`${out}/`)).toBe(true);
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(join(out, f), 'utf8');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('甲 & "乙"');
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('甲 &amp; &quot;乙&quot; &#39;丙&#39;');
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    checkLinks(out);
  });

  it('never writes through a link that leads out of OUTDIR', () => {
    const out = freshOut();
    const outside = join(dirname(out), 'elsewhere');
    mkdirSync(out);
    mkdirSync(outside);
    symlinkSync(outside, join(out, '楚雄彝族自治州'));
    const run = fazhi(['report', 'test/fixtures/eval/small', '--out', out, '--county-pages']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/楚雄彝族自治州: 错误：无法写入文件（不在输出文件夹内） \[file-unwritable\]/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('--county-pages: a folder per prefecture with a page per county, every link resolving', () => {
    const out = freshOut();
    const run = fazhi([
      'report',
      'test/fixtures/eval/rounds',
      '--round',
      'midterm',
      '--out',
      out,
      '--county-pages',
      '--date',
      '2024-05-01',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(tree(out)).toEqual([
      'index.html',
      '文山壮族苗族自治州.html',
      '文山壮族苗族自治州/广南县.html',
      '文山壮族苗族自治州/麻栗坡县.html',
      '楚雄彝族自治州.html',
      '楚雄彝族自治州/南华县.html',
      '楚雄彝族自治州/大姚县.html',
      '楚雄彝族自治州/牟定县.html',
    ]);
    const page = readFileSync(join(out, '楚雄彝族自治州', '南华县.html'), 'utf8');
    for (const text of [
      '南华县法治政府建设示范创建中期评估报告',
      '评分表',
      '失分情况及整改清单',
      '提分建议',
      '2024-05-01',
    ])
      expect(page).toContain(text);
    expect(checkLinks(out)).toBeGreaterThan(20);
  });

  it('a baseline round is compared automatically, or as asked, or not at all', () => {
    const auto = freshOut();
    expect(fazhi(['report', 'test/fixtures/eval/rounds', '--round', 'midterm', '--out', auto]).code).toBe(0);
    const index = readFileSync(join(auto, 'index.html'), 'utf8');
    expect(index).toContain('（六）中期进展');
    expect(index).toContain('对比轮次：基线评估（佐证中有基线轮次，自动对比）。');
    const asked = freshOut();
    expect(
      fazhi(['report', 'test/fixtures/eval/rounds', '--round', 'midterm', '--baseline', 'baseline', '--out', asked])
        .code,
    ).toBe(0);
    expect(readFileSync(join(asked, 'index.html'), 'utf8')).toContain('对比轮次：基线评估（按评估人员指定）。');
    const none = freshOut();
    expect(
      fazhi(['report', 'test/fixtures/eval/rounds', '--round', 'midterm', '--no-baseline', '--out', none]).code,
    ).toBe(0);
    expect(readFileSync(join(none, 'index.html'), 'utf8')).not.toContain('中期进展');
    const same = fazhi([
      'report',
      'test/fixtures/eval/rounds',
      '--round',
      'midterm',
      '--baseline',
      'midterm',
      '--out',
      freshOut(),
    ]);
    expect(same.code).toBe(2);
    const unknown = fazhi([
      'report',
      'test/fixtures/eval/rounds',
      '--round',
      'midterm',
      '--baseline',
      'final',
      '--out',
      freshOut(),
    ]);
    expect([unknown.code, unknown.stderr.includes('[evidence-round-unknown]')]).toEqual([1, true]);
    const noRound = fazhi(['report', 'test/fixtures/eval/rounds', '--out', freshOut()]);
    expect([noRound.code, noRound.stderr.includes('[evidence-rounds]')]).toEqual([1, true]);
  });

  it('dates only from --date or SOURCE_DATE_EPOCH', () => {
    const out = freshOut();
    expect(fazhi(['report', 'test/fixtures/eval/small', '--out', out], { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(
      0,
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<dt>报告日期</dt><dd>2023-11-14</dd>');
    const bad = fazhi(['report', 'test/fixtures/eval/small', '--out', freshOut(), '--date', '2024-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--date 的值 2024-02-30 不是有效日期');
  });

  it('--lang en: English words, lang="en"', () => {
    const out = freshOut();
    expect(fazhi(['report', 'test/fixtures/eval/small', '--out', out, '--lang', 'en']).code).toBe(0);
    const html = readFileSync(join(out, '楚雄彝族自治州.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    for (const text of [
      'Prefecture rank',
      '5.3 Common shortfalls',
      'Appendix: how this report was made',
      'How to reach the pass line',
    ])
      expect(html).toContain(text);
    expect(html).not.toMatch(/州（市）内排名|提分建议/);
  });

  it('bad input: exit 1, every problem located, no stack trace, nothing written', () => {
    const out = freshOut();
    const run = fazhi(['report', 'test/fixtures/eval/bad', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^test\/fixtures\/eval\/bad\/evidence\/[^:]+\.csv:\d+:\d+: 错误：/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it('OUTDIR: created with its parents when missing; a file is refused', () => {
    const missing = join(scratch, 'no', 'such', 'out');
    const run = fazhi(['report', 'test/fixtures/eval/small', '--out', missing]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(missing)).toContain('index.html');
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const onFile = fazhi(['report', 'test/fixtures/eval/small', '--out', file]);
    expect([onFile.code, onFile.stderr.includes('ENOTDIR） [file-unwritable]')]).toEqual([1, true]);
    const noOut = fazhi(['report', 'test/fixtures/eval/small']);
    expect(noOut.code).toBe(2);
  });
});
