import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { located } from '../src/model/problem.js';
import { clip, oneLine, shown, stripped, visible } from '../src/model/visible.js';
import { csvCell } from '../src/report/csv.js';
import { linkTarget } from '../src/report/doc.js';
import { esc } from '../src/report/html/escape.js';
import { lineStart, markdownTable, mdText } from '../src/report/markdown.js';
import { listProblems, PER_FILE, PER_RUN, RUN } from '../src/report/problem-caps.js';
import { renderDiagnostics } from '../src/report/problems.js';

/**
 * Issue 14 (output): every command in every format run over an evaluation whose names, values,
 * sources and notes are hostile — control and escape sequences, bidi controls, workflow commands
 * after line breaks, formulas, Markdown and HTML. No line of stdout or stderr may start with `::`
 * because of user text, no raw control or bidi character may reach a human output, every CSV and
 * xlsx cell a spreadsheet would run is defused, and Markdown, HTML and Word hold their structure.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const work = mkdtempSync(join(tmpdir(), 'fazhi-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EVIL = 'http://evil.example';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const csv = (rows: string[][]) => `${rows.map((r) => r.map(q).join(',')).join('\n')}\n`;

/** The small fixture with hostile text in every place a user writes some. */
function hostile(dir: string): string {
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  cpSync(join(root, 'test/fixtures/eval/small/indicators.yaml'), join(dir, 'indicators.yaml'));
  writeFileSync(
    join(dir, 'counties.csv'),
    csv([
      ['区划代码', '县(市、区)', '州(市)', 'batch'],
      ['532323', 'A县\n::stop-commands::tok\n# 注入标题\n::error::pwned', '+州(市)|#', '1'],
      ['532324', '\u001b]0;retitled\u0007B县\u001b[2J', `) ](${EVIL}) 州`, '1'],
      ['532326', 'C县\u202eevil\u2066x\u2069\u200f\u0085', '+州(市)|#', '2'],
      ['532624', `=HYPERLINK("${EVIL}","点击")`, '@州', '1'],
      ['532627', `<script>alert(1)</script> | [链接](${EVIL}) *粗* _斜_ #号 & "引号" '单'`, '@州', '2'],
    ]),
  );
  writeFileSync(
    join(dir, 'evidence', 'a.csv'),
    csv([
      ['county_id', 'indicator_id', 'value', 'source', 'note'],
      ['532323', 'S1.1', '是', "+cmd|' /C calc'!A0", '@SUM(A1)'],
      ['532323', 'S1.2', '0.5', '-2+3', '=1+1\n::warning::note'],
      ['532323', 'S1.3', '9/9', '\tTAB', '\rCR'],
      ['532324', 'S1.1', 'x\n::error::bad value\u001b[31m', '来源', '备注'],
      ['532324', 'S2.2', '0.9', '<b>来源</b> & "x"', '\u202e备注'],
      ['532326', 'S1.1', '是', '::set-output name=x::y', '  ::add-mask::z'],
      ['532624', 'S1.1', '否', `=HYPERLINK("${EVIL}")`, '@SUM(A1)'],
    ]),
  );
  writeFileSync(
    join(dir, 'evaluation.yaml'),
    `format: fazhi/evaluation@1\ntitle: "评估 # 标题 [x](${EVIL})"\nnotice: "说明\\n::warning::from notice\\e]0;t\\a"\n`,
  );
  return dir;
}

const dir = hostile(join(work, 'ev'));

interface Run {
  readonly name: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly format: string;
  readonly out: string | null;
}

function fazhi(args: string[], format: string, out: string | null = null): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
  });
  return { name: args.join(' '), code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, format, out };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const COMMAND = /^\s*::/m;
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Every run's streams: no workflow command, no raw control character, no stack trace. */
function checkStreams(r: Run): void {
  expect(r.stderr, r.name).not.toMatch(COMMAND);
  expect(r.stderr, r.name).not.toMatch(RAW);
  expect(r.stderr, r.name).not.toMatch(/\n\s+at /);
  if (r.format === 'github') {
    for (const line of r.stdout.split('\n').filter(Boolean)) expect(line, r.name).toMatch(/^::(error|warning)[ :]/);
    return;
  }
  expect(r.stdout, r.name).not.toMatch(COMMAND);
  // JSON keeps every value exactly (its control characters are JSON escapes); CSV is data too.
  if (!['json', 'csv'].includes(r.format)) expect(r.stdout, r.name).not.toMatch(RAW);
}

const defused = (cell: unknown) => typeof cell !== 'string' || !FORMULA.test(cell) || NUMBER.test(cell);

function checkCsv(r: Run): void {
  const text = r.out === null ? r.stdout : readFileSync(r.out, 'utf8');
  const rows: string[][] = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true });
  for (const cell of rows.flat()) expect(defused(cell), `${r.name}: ${cell}`).toBe(true);
  // reconcile has no rows here: the fixture declares no self-assessment.
  if (!r.name.startsWith('reconcile')) expect(text, r.name).toContain("'=HYPERLINK");
}

async function checkXlsx(r: Run): Promise<void> {
  const sheets = (await readXlsxFile(readFileSync(r.out ?? ''))) as { sheet: string; data: unknown[][] }[];
  const cells = sheets.flatMap((s) => s.data.flat());
  expect(cells.length, r.name).toBeGreaterThan(1);
  for (const cell of cells) expect(defused(cell), `${r.name}: ${String(cell)}`).toBe(true);
}

/** Markdown: no heading, link or table row that user text made. */
function checkMarkdown(text: string, name: string): void {
  expect(text, name).not.toMatch(/^\s*#+\s*注入标题/m);
  expect(text, name).not.toMatch(/(?<!\\)\]\(http:\/\/evil/);
  expect(text, name).not.toMatch(/<script>/);
  expect(text, name).not.toMatch(RAW);
  for (const m of text.matchAll(/\]\(([^)]*)\)/g)) expect(m[1], name).not.toMatch(/[\s()]/);
  // Every row of a table has as many unescaped pipes as its header.
  const pipes = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
  let header: number | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) header = null;
    else if (header === null) header = pipes(line);
    else expect(pipes(line), `${name}: ${line}`).toBe(header);
  }
}

function checkHtml(text: string, name: string): void {
  expect(text, name).not.toMatch(/<script>alert/);
  expect(text, name).not.toMatch(/<b>来源/);
  expect(text, name).not.toMatch(RAW);
  expect(text, name).not.toMatch(COMMAND);
}

function checkDocx(path: string, name: string): string {
  const files = unzipSync(readFileSync(path));
  const xml = Object.entries(files)
    .filter(([p]) => p.endsWith('.xml'))
    .map(([, b]) => strFromU8(b))
    .join('\n');
  expect(xml, name).not.toMatch(/<script>alert/);
  expect(xml, name).not.toMatch(RAW);
  return xml;
}

const files = (d: string): string[] =>
  readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));

async function check(r: Run): Promise<void> {
  expect([0, 1], `${r.name}\n${r.stderr}`).toContain(r.code);
  checkStreams(r);
  if (r.format === 'csv') checkCsv(r);
  if (r.format === 'xlsx') await checkXlsx(r);
  if (r.format === 'md' && r.out === null) checkMarkdown(r.stdout, r.name);
  if (r.format === 'html' && r.out === null) {
    checkHtml(r.stdout, r.name);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).toContain('&amp; &quot;引号&quot; &#39;单&#39;');
    expect(r.stdout).toContain('&lt;b&gt;来源&lt;/b&gt; &amp; &quot;x&quot;');
  }
  if (r.format === 'docx' && r.out !== null && r.out.endsWith('.docx'))
    expect(checkDocx(r.out, r.name)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
}

const evaluation = (command: string, formats: readonly string[], extra: string[] = []): void => {
  it(`${command}: ${formats.join(', ')}`, { timeout: 120_000 }, async () => {
    for (const format of formats) {
      const binary = format === 'xlsx' || format === 'docx';
      const out = binary ? join(work, `${command}.${format}`) : null;
      const args = [command, dir, ...extra, '--keep-going', '--format', format, ...(out ? ['--out', out] : [])];
      const r = fazhi(args, format, out);
      expect(r.code, `${r.name}\n${r.stderr}`).toBe(0);
      await check(r);
    }
  });
};

describe('hostile names, values, sources and notes, in every command and format', () => {
  evaluation('score', ['table', 'json', 'csv', 'md', 'xlsx']);
  evaluation('rank', ['table', 'json', 'csv', 'md', 'xlsx']);
  evaluation('gaps', ['table', 'json', 'md', 'csv', 'xlsx']);
  evaluation('reconcile', ['table', 'json', 'csv', 'md', 'xlsx']);
  evaluation('coverage', ['table', 'json', 'csv', 'xlsx']);
  evaluation('scorecard', ['md', 'html', 'csv', 'xlsx', 'json', 'docx']);
  evaluation('explain', ['text', 'json'], ['--county', '532323', '--item', 'S1.2']);
  evaluation('explain', ['text'], ['--county', '532324', '--item', 'S1.1']);

  it('compare: table, json, csv, md, xlsx', { timeout: 120_000 }, async () => {
    for (const format of ['table', 'json', 'csv', 'md', 'xlsx']) {
      const out = format === 'xlsx' ? join(work, 'compare.xlsx') : null;
      const args = ['compare', dir, dir, '--keep-going', '--format', format, ...(out ? ['--out', out] : [])];
      const r = fazhi(args, format, out);
      expect(r.code, r.stderr).toBe(0);
      await check(r);
    }
  });

  it('template: csv, xlsx', { timeout: 60_000 }, async () => {
    for (const format of ['csv', 'xlsx']) {
      const out = join(work, `template.${format}`);
      const r = fazhi(['template', dir, '--format', format, '--out', out], format, out);
      expect(r.code, r.stderr).toBe(0);
      await check(r);
    }
  });

  it('validate: text, json, github (which escapes for its annotations)', { timeout: 60_000 }, async () => {
    for (const format of ['text', 'json', 'github']) {
      const r = fazhi(['validate', dir, '--format', format], format);
      expect(r.code, r.stderr).toBe(1);
      await check(r);
    }
  });

  it('report: html, md, docx — every file of the batch', { timeout: 120_000 }, async () => {
    for (const format of ['html', 'md', 'docx']) {
      const out = join(work, `report-${format}`);
      const r = fazhi(['report', dir, '--keep-going', '--format', format, '--out', out, '--county-pages'], format, out);
      expect(r.code, r.stderr).toBe(0);
      await check(r);
      const written = files(out);
      expect(written.length).toBeGreaterThan(1);
      for (const f of written) {
        if (f.endsWith('.md')) checkMarkdown(readFileSync(f, 'utf8'), f);
        if (f.endsWith('.html')) checkHtml(readFileSync(f, 'utf8'), f);
        if (f.endsWith('.docx')) checkDocx(f, f);
      }
    }
  });
});

describe('what the escapes show, and the counts', () => {
  it('shows each escaped character visibly, in the table and in the diagnostics', () => {
    const r = fazhi(['score', dir, '--keep-going'], 'table');
    expect(r.stdout).toContain('\\x1b]0;retitled\\x07B县\\x1b[2J');
    expect(r.stdout).toContain('C县\\u202eevil\\u2066x\\u2069\\u200f ');
    expect(r.stdout).toContain('A县 ::stop-commands::tok # 注入标题 ::error::pwned');
    expect(r.stderr).toContain('`x\\n::error::bad value\\x1b[31m`');
  });

  it('closes stderr with where every evidence entry went, and the counts add up', () => {
    const r = fazhi(['score', dir, '--keep-going', '--format', 'json'], 'json');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      '佐证：1 个文件共 7 条：采用 6 条，重复 0 条，跳过 0 条，拒收 1 条',
    );
    const [evidence] = JSON.parse(r.stdout).inputs.filter((f: { records?: number }) => f.records !== undefined);
    expect(evidence).toMatchObject({ rows: 7, used: 6, duplicates: 0, skipped: 0, rejected: 1 });
    const en = fazhi(['rank', 'test/fixtures/eval/small', '--lang', 'en'], 'table');
    expect(en.stderr).toContain('evidence: 29 entries in 2 files; 28 used, 1 duplicate, 0 skipped, 0 rejected\n');
  });

  it('lists at most 100 problems of a file on stderr and counts the rest; JSON lists every one', () => {
    const many = join(work, 'many');
    mkdirSync(join(many, 'evidence'), { recursive: true });
    cpSync(join(root, 'test/fixtures/eval/small/indicators.yaml'), join(many, 'indicators.yaml'));
    cpSync(join(root, 'test/fixtures/eval/small/counties.csv'), join(many, 'counties.csv'));
    const huge = 'x'.repeat(100_000);
    const rows = Array.from({ length: 250 }, (_, i) => ['532323', 'S1.1', `${huge}${i}`]);
    writeFileSync(join(many, 'evidence', 'bad.csv'), csv([['county_id', 'indicator_id', 'value'], ...rows]));
    const r = fazhi(['score', many, '--keep-going', '--format', 'json'], 'json');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('[evidence-bad-value]'))).toHaveLength(100);
    expect(r.stderr).toContain('另有 150 个问题未列出（共 250 个）');
    // Each quoted value is cut to 60 characters: 250 values of 100,000 characters print a few kB.
    expect(r.stderr.length).toBeLessThan(100 * 400);
    const json = JSON.parse(r.stdout);
    expect(json.rejected).toHaveLength(250);
  });
});

describe('the sanitiser (src/model/visible.ts)', () => {
  it('writes control, escape and bidi characters as visible escapes, and is idempotent', () => {
    expect(visible('a\u001b]0;t\u0007b')).toBe('a\\x1b]0;t\\x07b');
    expect(visible('x\n::stop-commands::y')).toBe('x\\n::stop-commands::y');
    expect(visible('\u202eabc\u2066\u2069\u200e\u200f\u061c\u0085\u009b')).toBe(
      '\\u202eabc\\u2066\\u2069\\u200e\\u200f\\u061c\\x85\\x9b',
    );
    expect(visible('牟定县 😀')).toBe('牟定县 😀');
    expect(visible('\ud800x')).toBe('\\ud800x');
    for (const s of ['\u001b[2J', 'a\r\nb', '::x', '  ::y', '\u202e']) expect(visible(visible(s))).toBe(visible(s));
  });

  it('never lets text start with a colon a CI runner would read', () => {
    expect(visible('::error::x')).toBe('\\x3a:error::x');
    expect(oneLine('  ::add-mask::z')).toBe('  \\x3a:add-mask::z');
    expect(oneLine('a\n::b')).toBe('a ::b');
    expect(visible('a::b')).toBe('a::b');
  });

  it('cuts a quoted value to 60 characters with an ellipsis, without reading all of a huge one', () => {
    const huge = '值'.repeat(50_000_000);
    expect(shown(huge)).toBe(`${'值'.repeat(59)}…`);
    expect([...clip('😀'.repeat(100), 10)]).toHaveLength(10);
    expect(shown('short')).toBe('short');
  });

  it('strips what Word cannot show as an escape; HTML shows it and keeps one line', () => {
    expect(stripped('a\u001b[2J\u202eb\nc')).toBe('a[2Jb\nc');
    expect(esc('<script>&"\'\n::x\u001b')).toBe('&lt;script&gt;&amp;&quot;&#39; ::x\\x1b');
  });
});

describe('Markdown, links and CSV cells', () => {
  it('a name cannot start a heading, a list or a link, nor break a table', () => {
    const md = mdText('A县\n# 标题\n- 列表 [x](http://e) *a* _b_ <i> & `c`');
    expect(md).not.toContain('\n');
    expect(md).toBe('A县 \\# 标题 - 列表 \\[x\\](http://e) \\*a\\* \\_b\\_ &lt;i&gt; &amp; \\`c\\`');
    expect(lineStart(mdText('- 县'))).toBe('\\- 县');
    expect(lineStart(mdText('1. 县'))).toBe('1\\. 县');
    expect(lineStart(mdText('-3.5'))).toBe('-3.5');
    expect(mdText('1. 概况')).toBe('1. 概况');
    expect(linkTarget({ file: ['州 (市)', 'a)b'] }, '.md')).toBe('%E5%B7%9E%20%28%E5%B8%82%29/a%29b.md');
  });

  it('text with nothing to escape is kept as it is, and any other text escaped in full (HTML, Markdown, table cells)', () => {
    const pieces = [
      '县',
      'a',
      ' ',
      '\t',
      '\n',
      '\r',
      ':',
      '&',
      '<',
      '>',
      '"',
      "'",
      '\\',
      '`',
      '*',
      '_',
      '[',
      ']',
      '#',
      '|',
    ];
    const odd = [
      '\u2028',
      '\u2029',
      '\u202e',
      '\u0085',
      '\u3000',
      '\ud83d',
      '\ude00',
      '\u0000',
      '\u001b',
      '\u007f',
      '\u061c',
    ];
    const text = fc.array(fc.constantFrom(...pieces, ...odd, '-', '1', '.'), { maxLength: 12 }).map((a) => a.join(''));
    const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary' })), (s) => {
        expect(esc(s)).toBe(oneLine(s).replace(/[&<>"']/g, (c) => entities[c] ?? c));
        const md = oneLine(s)
          .replace(/[&<>]/g, (c) => entities[c] ?? c)
          .replace(/([\\`*_[\]#])/g, '\\$1');
        expect(mdText(s)).toBe(md);
        expect(markdownTable(['h'], [[s]], ['left'])).toBe(
          `| h |\n| --- |\n| ${s.replace(/\|/g, '\\|').replace(/\r?\n|[\r\u2028\u2029]/g, ' ')} |\n`,
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('defuses formulas and keeps a CSV line from starting with ::', () => {
    for (const s of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('::x')).toBe('"::x"');
    expect(csvCell('a\n::x')).toBe(`"a\n'::x"`);
    expect(csvCell('a\r\n  ::x')).toBe(`"a\r\n'  ::x"`);
  });
});

describe('problem caps (src/report/problem-caps.ts)', () => {
  const problems = (file: string, n: number, severity: 'error' | 'warning' = 'error') =>
    Array.from({ length: n }, (_, i) =>
      located('evidence-bad-value', file, { line: i + 2, column: 3 }, { value: 'x' }, severity),
    );

  it('at most PER_FILE of a file, errors first, then a line counting the rest', () => {
    const listed = listProblems([...problems('a.csv', 150, 'warning'), ...problems('a.csv', 30)]).problems;
    expect(listed).toHaveLength(PER_FILE + 1);
    expect(listed.filter((p) => p.severity === 'error')).toHaveLength(30);
    expect(listed.at(-1)).toMatchObject({ code: 'problems-truncated', file: 'a.csv', args: { more: 80, total: 180 } });
  });

  it('at most PER_RUN in all; what is listed and what is counted add up to every problem', () => {
    const all = Array.from({ length: 30 }, (_, i) => problems(`f${String(i).padStart(2, '0')}.csv`, 60)).flat();
    const { problems: listed, total } = listProblems(all);
    const real = listed.filter((p) => p.code !== 'problems-truncated');
    expect(real).toHaveLength(PER_RUN);
    const counted = listed.filter((p) => p.code === 'problems-truncated').reduce((n, p) => n + Number(p.args.more), 0);
    expect(real.length + counted).toBe(total);
    expect(total).toBe(1800);
    expect(listed.at(-1)).toMatchObject({ file: RUN, args: { more: 800 } });
    const text = renderDiagnostics(all, 'zh', new Chalk({ level: 0 }));
    expect(text).toContain('fazhi: 警告：另有 800 个问题未列出（共 1800 个；fazhi validate --format json 列出全部）');
  });
});
