import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { main } from '../src/cli/main.js';
import { random } from './seeded.js';

/**
 * Hostile and damaged input (issue 14): seeded mutations of valid evaluations — flipped bytes,
 * truncation, stray quotes, commas and line breaks, invalid UTF-8, control characters, numbers
 * that are not numbers, broken indentation, damaged workbooks. Whatever the damage, fazhi ends
 * with exit 0 or 1, never a usage error (the command line is fixed), an internal error or a stack
 * trace; on exit 1 every error line is located in the damaged folder and carries its code; on
 * exit 0 every number in the JSON is finite.
 */

const fixtures = join(import.meta.dirname, 'fixtures', 'eval');
const bin = join(import.meta.dirname, '..', 'bin', 'fazhi.js');
const work = mkdtempSync(join(tmpdir(), 'fazhi-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Mutation = (bytes: Uint8Array, r: () => number) => Uint8Array;

const at = (bytes: Uint8Array, r: () => number): number => Math.floor(r() * (bytes.length + 1));
const insert =
  (what: number[]): Mutation =>
  (b, r) => {
    const i = at(b, r);
    return Uint8Array.from([...b.subarray(0, i), ...what, ...b.subarray(i)]);
  };
const text = (s: string): number[] => [...new TextEncoder().encode(s)];
const lines = (b: Uint8Array): string[] => new TextDecoder().decode(b).split('\n');
const joined = (ls: string[]): Uint8Array => new TextEncoder().encode(ls.join('\n'));

/** Each kind of damage a file picks up between a county office and the evaluator. */
const MUTATIONS: Record<string, Mutation> = {
  'flip a byte': (b, r) => {
    const c = Uint8Array.from(b);
    const i = Math.floor(r() * c.length);
    c[i] = (c[i] ?? 0) ^ (1 + Math.floor(r() * 255));
    return c;
  },
  truncate: (b, r) => b.subarray(0, Math.floor(r() * b.length)),
  'a stray quote': insert([0x22]),
  'a stray comma': insert([0x2c]),
  'a line break': insert([0x0a]),
  'a CRLF': insert([0x0d, 0x0a]),
  'a lone CR': insert([0x0d]),
  'an invalid UTF-8 byte': insert([0xff]),
  'half a Chinese character': insert([0xe4, 0xb8]),
  'a NUL': insert([0x00]),
  'an escape sequence': insert(text('\x1b]0;x\x07\x1b[2J')),
  'a workflow command': insert(text('\n::error::x\n')),
  'a bidi override': insert(text('\u202e')),
  'a huge number': insert(text('1e999')),
  'a tiny negative': insert(text('-1e308')),
  'NaN text': insert(text('NaN')),
  'a tab': insert([0x09]),
  'a colon and space': insert(text(': ')),
  'a dash': insert(text('- ')),
  'a hash': insert(text('#')),
  'an indent': (b, r) => {
    const ls = lines(b);
    const i = Math.floor(r() * ls.length);
    ls[i] = ` ${ls[i]}`;
    return joined(ls);
  },
  'a dedent': (b, r) => {
    const ls = lines(b);
    const i = Math.floor(r() * ls.length);
    ls[i] = (ls[i] ?? '').replace(/^ /, '');
    return joined(ls);
  },
  'a line twice': (b, r) => {
    const ls = lines(b);
    const i = Math.floor(r() * ls.length);
    ls.splice(i, 0, ls[i] ?? '');
    return joined(ls);
  },
  'a line lost': (b, r) => {
    const ls = lines(b);
    ls.splice(Math.floor(r() * ls.length), 1);
    return joined(ls);
  },
  'a number made huge': (b, r) => {
    const t = new TextDecoder().decode(b);
    const numbers = [...t.matchAll(/(?<=[,\s])\d+(\.\d+)?%?(?=[,\s])/g)];
    const m = numbers[Math.floor(r() * numbers.length)];
    if (!m || m.index === undefined) return b;
    const huge = ['1e999', '-1e308', '1e308', '9'.repeat(400), '1e-400'][Math.floor(r() * 5)];
    return new TextEncoder().encode(t.slice(0, m.index) + huge + t.slice(m.index + m[0].length));
  },
  'a long cell': insert(text('x'.repeat(5000))),
  'separators only': insert(text('\n,,,,,\n')),
};

/** Damage to a workbook: to its zip, or to the sheet's XML inside an intact zip. */
const ZIP_MUTATIONS: Record<string, Mutation> = {
  'flip a byte': MUTATIONS['flip a byte']!,
  truncate: MUTATIONS.truncate!,
  'the sheet XML damaged': (b, r) => {
    const parts = unzipSync(b);
    const name = Object.keys(parts).find((n) => /worksheets\/sheet\d+\.xml$/.test(n));
    if (!name) return b;
    const xml = new TextDecoder().decode(parts[name]);
    const i = Math.floor(r() * xml.length);
    const damage = ['<', '>', '"', '</row>', '<c r="XFD1048576"><v>1</v></c>', '&', 't="e"', '<v>1e999</v>'];
    const cut = damage[Math.floor(r() * damage.length)] ?? '<';
    parts[name] = new TextEncoder().encode(xml.slice(0, i) + cut + xml.slice(i));
    return zipSync(parts);
  },
  'a part missing': (b, r) => {
    const parts = unzipSync(b);
    const names = Object.keys(parts);
    delete parts[names[Math.floor(r() * names.length)] ?? ''];
    return zipSync(parts);
  },
};

interface Base {
  readonly name: string;
  readonly dir: string;
  readonly args: readonly string[];
}

const BASES: Base[] = [
  { name: 'small', dir: join(fixtures, 'small'), args: [] },
  { name: 'fuzz', dir: join(fixtures, 'fuzz'), args: [] },
  { name: 'v02', dir: join(fixtures, 'v02'), args: [] },
  { name: 'spreadsheet', dir: join(fixtures, 'spreadsheet'), args: ['--round', '中期'] },
];

const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(csv|yaml|xlsx)$/.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in this process, as bin/fazhi.js does, capturing what it writes. */
async function fazhi(args: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) => (chunk: string | Uint8Array) => {
    append(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (stdout += s)) as never);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (stderr += s)) as never);
  try {
    const code = await main([...args, '--lang', 'zh'], { NO_COLOR: '1' });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const STACK = /\n\s+at .+:\d+:\d+\)?$|Maximum call stack|RangeError|TypeError|ReferenceError/m;

/** What holds whatever the damage. */
function expectSound(o: Outcome, folder: string, label: string): void {
  expect([0, 1], `${label}: exit ${o.code}\n${o.stderr.slice(0, 2000)}`).toContain(o.code);
  expect(o.stderr, label).not.toMatch(STACK);
  if (o.code === 1) {
    const errors = o.stderr.split('\n').filter((l) => /: 错误：/.test(l));
    expect(errors.length, `${label}: exit 1 with no error line\n${o.stderr.slice(0, 2000)}`).toBeGreaterThan(0);
    for (const line of errors) {
      expect(line.startsWith(folder), `${label}: not located in the folder: ${line.slice(0, 300)}`).toBe(true);
      expect(line, label).toMatch(/\[[a-z][a-z0-9-]*\]$/);
    }
  }
}

/** Every number in a JSON document is finite (JSON.stringify writes NaN and Infinity as null; totals must never be null unless disqualified). */
function expectFiniteTotals(json: string, label: string): void {
  const data = JSON.parse(json) as { counties: { total: number | null; disqualified: boolean; rank: number | null }[] };
  for (const c of data.counties) {
    if (!c.disqualified) expect(Number.isFinite(c.total), `${label}: total ${c.total}`).toBe(true);
    if (c.rank !== null) expect(Number.isInteger(c.rank) && c.rank >= 1, label).toBe(true);
  }
}

/** A long-form workbook of the small evaluation's evidence, for the zip mutations. */
async function workbookBase(): Promise<string> {
  const dir = join(work, 'xlsx-base');
  cpSync(join(fixtures, 'small'), dir, { recursive: true });
  const csv = readFileSync(join(dir, 'evidence', 'a-long.csv'), 'utf8')
    .trim()
    .split('\n');
  rmSync(join(dir, 'evidence', 'a-long.csv'));
  const rows = csv.map((l) => l.split(',').map((value) => ({ value })));
  writeFileSync(join(dir, 'evidence', 'a-long.xlsx'), await writeXlsxFile(rows as never).toBuffer());
  return dir;
}

const RUNS_PER_BASE = 90;
describe('seeded mutations of valid evaluations end in exit 0 or 1 with a located message', () => {
  it.each(BASES)(
    '$name: text files',
    async ({ name, dir, args }) => {
      const r = random(0x5eed + name.length);
      const files = filesOf(dir);
      const kinds = Object.keys(MUTATIONS);
      for (let n = 0; n < RUNS_PER_BASE; n++) {
        const file = files[Math.floor(r() * files.length)] ?? '';
        const kind = kinds[Math.floor(r() * kinds.length)] ?? '';
        const folder = join(work, `${name}-${n}`);
        cpSync(dir, folder, { recursive: true });
        const path = join(folder, file);
        writeFileSync(path, MUTATIONS[kind]!(readFileSync(path), r));
        const label = `${name} #${n}: ${kind} in ${file}`;
        const score = await fazhi(['score', folder, ...args, '--format', 'json']);
        expectSound(score, folder, `${label} (score)`);
        if (score.code === 0) expectFiniteTotals(score.stdout, label);
        const command =
          n % 3 === 0 ? ['validate', folder] : n % 3 === 1 ? ['gaps', folder, '--format', 'md'] : ['scorecard', folder];
        expectSound(await fazhi([...command, ...args]), folder, `${label} (${command[0]})`);
        rmSync(folder, { recursive: true, force: true });
      }
    },
    240_000,
  );

  it('a workbook: damaged zips and damaged sheets', async () => {
    const base = await workbookBase();
    const r = random(0x21b);
    const kinds = Object.keys(ZIP_MUTATIONS);
    for (let n = 0; n < 40; n++) {
      const kind = kinds[n % kinds.length] ?? '';
      const folder = join(work, `xlsx-${n}`);
      cpSync(base, folder, { recursive: true });
      const path = join(folder, 'evidence', 'a-long.xlsx');
      writeFileSync(path, ZIP_MUTATIONS[kind]!(readFileSync(path), r));
      const label = `xlsx #${n}: ${kind}`;
      const score = await fazhi(['score', folder, '--format', 'json']);
      expectSound(score, folder, label);
      if (score.code === 0) expectFiniteTotals(score.stdout, label);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('as a separate process', () => {
  // The in-process runs above cannot see a crash of the process itself (an abort, a hang); a
  // few mutations run through bin/fazhi.js with a time limit.
  it('twenty mutations: the process ends by itself, with exit 0 or 1 and no stack trace', () => {
    const r = random(0xc0de);
    const kinds = Object.keys(MUTATIONS);
    for (let n = 0; n < 20; n++) {
      const base = BASES[n % BASES.length]!;
      const files = filesOf(base.dir);
      const file = files[Math.floor(r() * files.length)] ?? '';
      const kind = kinds[Math.floor(r() * kinds.length)] ?? '';
      const folder = join(work, `process-${n}`);
      cpSync(base.dir, folder, { recursive: true });
      writeFileSync(join(folder, file), MUTATIONS[kind]!(readFileSync(join(folder, file)), r));
      const p = spawnSync(process.execPath, [bin, 'score', folder, ...base.args, '--lang', 'zh'], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      const label = `process #${n}: ${kind} in ${base.name}/${file}`;
      expect(p.signal, `${label}: killed (hung)`).toBeNull();
      expectSound({ code: p.status ?? -1, stdout: p.stdout, stderr: p.stderr }, folder, label);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 240_000);
});
