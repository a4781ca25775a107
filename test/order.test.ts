import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { random, shuffle } from './seeded.js';

/**
 * Order and repetition (issue 14): shuffled rows, evidence split over several files or renamed
 * change no score and no ordering; the same input gives the same bytes in every format whatever
 * the time zone, LANG or locale of the machine.
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const fixtures = join(root, 'test', 'fixtures', 'eval');
const work = mkdtempSync(join(tmpdir(), 'fazhi-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fazhi(args: readonly string[], env: Record<string, string> = {}): { code: number; stdout: Buffer } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout };
}

/**
 * The evaluation at `from` with every evidence row shuffled and dealt over 1–3 files with new
 * names (each file keeps the header of the file its rows came from).
 */
function rearranged(from: string, to: string, r: () => number): void {
  cpSync(from, to, { recursive: true });
  const evidence = join(to, 'evidence');
  const rows: { header: string; line: string }[] = [];
  for (const name of readdirSync(evidence)) {
    const [header = '', ...lines] = readFileSync(join(evidence, name), 'utf8').trim().split('\n');
    for (const line of lines) rows.push({ header, line });
    rmSync(join(evidence, name));
  }
  const files = 1 + Math.floor(r() * 3);
  const names = shuffle(['甲.csv', 'b.csv', 'z-最后.csv', '00.csv'], r).slice(0, files);
  const byFile = new Map<string, string[]>();
  for (const { header, line } of shuffle(rows, r)) {
    // Rows of one header stay in files of that header; the file is chosen at random among those.
    const name = `${names[Math.floor(r() * files)]}`;
    const key = `${header}\u0000${name}`;
    byFile.set(key, [...(byFile.get(key) ?? []), line]);
  }
  let n = 0;
  for (const [key, lines] of byFile) {
    const [header, name] = key.split('\u0000');
    mkdirSync(evidence, { recursive: true });
    writeFileSync(join(evidence, `${n++}-${name}`), `${header}\n${lines.join('\n')}\n`);
  }
}

/** The parts of an output that describe the input files (names, lines, checksums) rather than the results. */
function results(json: string): unknown {
  return JSON.parse(json, (key, value) =>
    ['inputs', 'warnings', 'rejected', 'at', 'files', 'sha256'].includes(key) ? undefined : value,
  );
}

const ORDER_CASES: [string, string, string[]][] = [
  ['fuzz', join(fixtures, 'fuzz'), []],
  ['v02', join(fixtures, 'v02'), []],
  ['spreadsheet', join(fixtures, 'spreadsheet'), ['--round', '中期']],
];

const COMMANDS: string[][] = [
  ['score', '--format', 'json'],
  ['rank', '--format', 'json'],
  ['gaps', '--format', 'json'],
  ['coverage', '--format', 'json'],
  ['reconcile', '--format', 'json'],
  ['scorecard', '--format', 'json'],
];

describe('shuffled, split and renamed evidence changes no result', () => {
  it.each(ORDER_CASES)('%s', (name, dir, args) => {
    const r = random(0x0bde + name.length);
    const base = COMMANDS.map((c) => fazhi([c[0]!, dir, ...args, ...c.slice(1)]));
    for (const [i, b] of base.entries()) expect(b.code, COMMANDS[i]!.join(' ')).toBe(0);
    for (let trial = 0; trial < 3; trial++) {
      const moved = join(work, `${name}-${trial}`);
      rearranged(dir, moved, r);
      COMMANDS.forEach((c, i) => {
        const again = fazhi([c[0]!, moved, ...args, ...c.slice(1)]);
        expect(again.code, c.join(' ')).toBe(0);
        expect(results(again.stdout.toString()), `${name} trial ${trial}: ${c.join(' ')}`).toEqual(
          results(base[i]!.stdout.toString()),
        );
      });
    }
  });
});

describe('the same input gives the same bytes, whatever the machine’s time zone and locale', () => {
  const dir = join(fixtures, 'v02');
  const ENVS: Record<string, string>[] = [
    { TZ: 'UTC', LC_ALL: 'C' },
    { TZ: 'Asia/Shanghai', LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' },
    { TZ: 'America/Los_Angeles', LC_ALL: 'en_US.UTF-8', LANG: 'en_US.UTF-8' },
    { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8' },
  ];
  const OUTPUTS: string[][] = [
    ['score', '--format', 'table'],
    ['score', '--format', 'csv'],
    ['score', '--format', 'md'],
    ['score', '--format', 'xlsx'],
    ['gaps', '--format', 'md'],
    ['gaps', '--format', 'xlsx'],
    ['coverage', '--format', 'xlsx'],
    ['scorecard', '--format', 'html'],
    ['scorecard', '--format', 'docx'],
    ['scorecard', '--format', 'xlsx'],
    ['reconcile', '--format', 'xlsx'],
    ['template', '--format', 'xlsx'],
  ];

  it.each(OUTPUTS.map((o) => [o.join(' '), o] as const))('%s', (_, o) => {
    const outputs = ENVS.map((env) => fazhi([o[0]!, dir, ...o.slice(1), '--lang', 'zh'], env));
    for (const out of outputs) expect(out.code).toBe(0);
    for (const out of outputs.slice(1)) expect(Buffer.compare(out.stdout, outputs[0]!.stdout)).toBe(0);
  });

  it('report: every file of the batch, in every format', () => {
    const written = ENVS.map((env, i) => {
      const out = join(work, `report-${i}`);
      const run = fazhi(['report', dir, '--format', 'both', '--county-pages', '--out', out, '--lang', 'zh'], env);
      expect(run.code).toBe(0);
      const docx = fazhi(['report', dir, '--format', 'docx', '--out', `${out}-docx`, '--lang', 'zh'], env);
      expect(docx.code).toBe(0);
      return [out, `${out}-docx`].flatMap((d) =>
        readdirSync(d, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
          .map((p) => [p.slice(d.length), readFileSync(p).toString('base64')]),
      );
    });
    for (const w of written.slice(1)) expect(w).toEqual(written[0]);
  });
});
