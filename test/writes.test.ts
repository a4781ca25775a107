import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
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
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Where fazhi writes (issue 14, "Paths and writes"): `--out` folders are made with their parents,
 * a path it cannot write is a located `file-unwritable` (exit 1, never a stack trace), a report
 * batch is staged and swapped in so that a run killed midway leaves the earlier files as they were,
 * fazhi's own leftovers (and only those) are removed by the next run, and names from the register
 * never lead out of OUTDIR. Runs the built command line (`npm run build` first).
 */

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const sample = join(root, 'samples', 'yunnan-2022');
const small = join(root, 'test', 'fixtures', 'eval', 'small');
const scratch = mkdtempSync(join(tmpdir(), 'fazhi-writes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
/** A fresh, empty folder of its own. */
const fresh = (): string => {
  const dir = join(scratch, `case-${++n}`);
  mkdirSync(dir);
  return dir;
};

const ENV = { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' };

function fazhi(args: readonly string[], cwd = root): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Every entry below a folder (files and folders), relative, sorted. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .sort();

/** The id of a process that has ended (a child that ran and exited). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  expect(child.status).toBe(0);
  expect(() => process.kill(child.pid, 0)).toThrow();
  return child.pid;
}

const STAGING = /^\..*\.fazhi-\d+-[0-9a-f]{8}\.staging$/;

describe('--out: folders, and what cannot be written', () => {
  it('report and score make a missing --out folder and its parents', () => {
    const dir = fresh();
    const run = fazhi(['report', small, '--out', join(dir, 'a', 'b', 'out'), '--county-pages']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out']);
    expect(tree(join(dir, 'a', 'b', 'out'))).toContain('index.html');
    expect(tree(join(dir, 'a', 'b', 'out'))).toContain('楚雄彝族自治州/牟定县.html');
    const score = fazhi(['score', small, '--format', 'csv', '--out', join(dir, 'c', 'd', 'score.csv')]);
    expect(score.code, score.stderr).toBe(0);
    expect(readdirSync(join(dir, 'c', 'd'))).toEqual(['score.csv']);
  });

  it('a parent that is a file, a name too long, a folder for a file: file-unwritable, located, exit 1', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), 'x');
    const cases: [string[], string, string][] = [
      [['report', small, '--out', 'file/out'], 'file/out', '路径中有一段是文件而不是文件夹；ENOTDIR'],
      [['report', small, '--out', 'file/a/b'], 'file/a/b', 'ENOTDIR'],
      [['score', small, '--out', 'file/x.csv'], 'file/x.csv', 'ENOTDIR'],
      [['schema', '--out', 'file/s.json'], 'file/s.json', 'ENOTDIR'],
      [
        ['report', small, '--out', 'x'.repeat(256)],
        'x'.repeat(256),
        '名称太长，路径的每一段最多 255 字节；ENAMETOOLONG',
      ],
      [['score', small, '--out', 'y'.repeat(256)], 'y'.repeat(256), 'ENAMETOOLONG'],
      [['score', small, '--out', '.'], '.', '这是一个文件夹，请写出文件名；EISDIR'],
      [['score', small, '--out', 'new/'], 'new', 'EISDIR'],
      [['report', small, '--out', 'file'], 'file', 'ENOTDIR'],
    ];
    for (const [args, shown, reason] of cases) {
      const run = fazhi(args, dir);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(`${shown}: 错误：无法写入文件（`);
      expect(run.stderr).toContain(`${reason}） [file-unwritable]`);
      expect(run.stderr).not.toMatch(/^\s+at |内部错误/m);
    }
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('a 249-byte name is written, with nothing left beside it', () => {
    const dir = fresh();
    const name = 'x'.repeat(249);
    expect(fazhi(['score', small, '--format', 'csv', '--out', name], dir).code).toBe(0);
    expect(fazhi(['report', small, '--out', `${'r'.repeat(249)}`], dir).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['r'.repeat(249), name]);
  });

  it('--out to a pipe or a link: written into, never replaced', () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status, 'this test needs mkfifo').toBe(0);
    const reader = spawnSync(
      'sh',
      [
        '-c',
        `cat "${fifo}" > "${join(dir, 'read.csv')}" & "${process.execPath}" "${bin}" score "${small}" --format csv --out "${fifo}"; wait`,
      ],
      {
        cwd: root,
        env: ENV,
        encoding: 'utf8',
      },
    );
    expect(reader.status, reader.stderr).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'read.csv'), 'utf8')).toMatch(/^\uFEFF?排名,/);
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'score.csv'), 'OLD');
    symlinkSync(join('real', 'score.csv'), join(dir, 'link.csv'));
    expect(fazhi(['score', small, '--format', 'csv', '--out', join(dir, 'link.csv')]).code).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real', 'score.csv'), 'utf8')).toMatch(/^\uFEFF?排名,/);
    expect(readdirSync(join(dir, 'real'))).toEqual(['score.csv']);
  });

  it('--out "" is a command-line error (exit 2) for every command that has --out', () => {
    const dir = fresh();
    for (const args of [
      ['report', small],
      ['score', small],
      ['gaps', small],
      ['schema'],
      ['template', '--indicators', join(small, 'indicators.yaml')],
      ['validate', join(small, 'indicators.yaml')],
    ]) {
      const run = fazhi([...args, '--out', ''], dir);
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr).toMatch(/^fazhi: 错误：--out 的值是空的/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failing standard output (a full disk) is the user’s error, not a stack trace', () => {
    const full = '/dev/full';
    expect(existsSync(full), 'this test needs /dev/full (Linux)').toBe(true);
    for (const args of [['schema'], ['--version']]) {
      const r = spawnSync(process.execPath, [bin, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
      expect(r.status).toBe(0);
      const shell = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${args.join(' ')} > ${full}`], {
        env: ENV,
        encoding: 'utf8',
      });
      expect(shell.status, args.join(' ')).toBe(1);
      expect(shell.stderr).toMatch(/^<stdout>: .*ENOSPC/);
      expect(shell.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('leftovers of killed runs', () => {
  it('the next run removes fazhi’s own temporary files and staging folders, and nothing else', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    mkdirSync(join(out, '楚雄彝族自治州'), { recursive: true });
    const dead = deadPid();
    const gone = [
      `out/.index.html.fazhi-${dead}-0123abcd.tmp`,
      `out/.index.html.89abcdef.tmp`, // fazhi before 0.1.1
      `out/楚雄彝族自治州/.牟定县.html.fazhi-${dead}-0123abcd.tmp`,
      `out/楚雄彝族自治州/.牟定县.html.0badf00d.tmp`,
      `out/.out.fazhi-${dead}-0123abcd.staging/index.html`,
      `.out.fazhi-${dead}-0123abcd.staging/index.html`,
      `.score.csv.fazhi-${dead}-0123abcd.tmp`,
      `.score.csv.0123abcd.tmp`,
    ];
    const kept = [
      'out/.notes.tmp',
      'out/notes.fazhi-1-0123abcd.tmp',
      `out/.index.html.fazhi-${process.pid}-0123abcd.tmp`, // a run that is still going
      'out/.other.html.0123abcd.tmp', // not a file this run writes
      'out/.index.html.0123abcd.tmp.bak',
      `out/.x.fazhi-${dead}-0123abcd.staging`, // a file, not a staging folder
      '.other.csv.0123abcd.tmp',
    ];
    for (const f of [...gone, ...kept]) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), '');
    }
    expect(fazhi(['report', small, '--out', out, '--county-pages']).code).toBe(0);
    expect(fazhi(['score', small, '--format', 'csv', '--out', join(dir, 'score.csv')]).code).toBe(0);
    const left = tree(dir);
    for (const f of gone) expect(left, f).not.toContain(f.replace(/(\.staging)\/index\.html$/, '$1'));
    for (const f of kept) expect(left, f).toContain(f);
    expect(left.filter((f) => /\.(tmp|staging)$/.test(f)).sort()).toEqual(
      kept.filter((f) => /\.(tmp|staging)$/.test(f)).sort(),
    );
  });
});

/** Starts `report` and kills it with `signal` once its staging folder holds a file. */
async function killMidway(args: readonly string[], stagingIn: string, signal: NodeJS.Signals) {
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd: root, env: ENV, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, sig) => done({ code, signal: sig })),
  );
  let staging: string | undefined;
  for (let i = 0; i < 6000 && child.exitCode === null; i++) {
    staging = readdirSync(stagingIn).find((f) => STAGING.test(f));
    if (staging !== undefined && tree(join(stagingIn, staging)).some((f) => f.endsWith('.docx'))) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(child.exitCode, 'the batch ended before it could be stopped').toBeNull();
  child.kill(signal);
  const end = await ended;
  expect(end.signal).toBe(signal);
  return staging ?? '';
}

describe('a batch stopped midway', () => {
  const docx = (out: string) => [
    'report',
    sample,
    '--round',
    'midterm',
    '--county-pages',
    '--format',
    'docx',
    '--out',
    out,
  ];

  it('SIGKILL into an existing OUTDIR: every earlier file intact, no new file; the next run cleans up', async () => {
    const out = join(fresh(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'index.docx'), 'OLD');
    writeFileSync(join(out, '楚雄彝族自治州.docx'), 'OLD');
    writeFileSync(join(out, 'mine.txt'), 'user file');
    const staging = await killMidway(docx(out), out, 'SIGKILL');
    expect(readdirSync(out).sort()).toEqual([staging, 'index.docx', 'mine.txt', '楚雄彝族自治州.docx'].sort());
    expect(readFileSync(join(out, 'index.docx'), 'utf8')).toBe('OLD');
    expect(readFileSync(join(out, '楚雄彝族自治州.docx'), 'utf8')).toBe('OLD');
    const next = fazhi(['report', sample, '--round', 'midterm', '--format', 'md', '--out', out]);
    expect(next.code, next.stderr).toBe(0);
    const left = readdirSync(out);
    expect(left.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(left).toContain('index.md');
    expect(readFileSync(join(out, 'index.docx'), 'utf8')).toBe('OLD');
    expect(readFileSync(join(out, 'mine.txt'), 'utf8')).toBe('user file');
  }, 120_000);

  it('SIGKILL before OUTDIR exists: no OUTDIR at all; the next run removes the staging folder beside it', async () => {
    const parent = fresh();
    const out = join(parent, 'out');
    const staging = await killMidway(docx(out), parent, 'SIGKILL');
    expect(readdirSync(parent)).toEqual([staging]);
    const next = fazhi(['report', sample, '--round', 'midterm', '--format', 'md', '--out', out]);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 120_000);

  it('SIGTERM (and Ctrl+C): the staging folder is removed at once, the earlier files untouched', async () => {
    const out = join(fresh(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'index.docx'), 'OLD');
    await killMidway(docx(out), out, 'SIGTERM');
    expect(readdirSync(out)).toEqual(['index.docx']);
    expect(readFileSync(join(out, 'index.docx'), 'utf8')).toBe('OLD');
  }, 120_000);

  it('a finished batch replaces files of its names and leaves other files alone', () => {
    const out = join(fresh(), 'out');
    mkdirSync(join(out, '楚雄彝族自治州'), { recursive: true });
    writeFileSync(join(out, 'index.html'), 'OLD');
    writeFileSync(join(out, '楚雄彝族自治州', '牟定县.html'), 'OLD');
    writeFileSync(join(out, '楚雄彝族自治州', 'notes.txt'), 'mine');
    expect(fazhi(['report', small, '--out', out, '--county-pages']).code).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(out, '楚雄彝族自治州', '牟定县.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(readFileSync(join(out, '楚雄彝族自治州', 'notes.txt'), 'utf8')).toBe('mine');
    expect(tree(out).filter((f) => /(^|\/)\./.test(f))).toEqual([]);
  });
});

describe('file names from the register', () => {
  it('hostile prefecture and county names stay inside OUTDIR as short, harmless names', () => {
    const evaluation = fresh();
    mkdirSync(join(evaluation, 'evidence'));
    copyFileSync(join(small, 'indicators.yaml'), join(evaluation, 'indicators.yaml'));
    const long = '很长的州名'.repeat(20); // 300 bytes
    const names = ['../../x', 'CON', 'NUL', 'a/b', '.', '..', long, '尾点. .', 'com1.txt', 'x\u0007\u001b[2J\u202e'];
    const rows = names.map((p, i) => `${i + 1},"${i === 6 ? `${long}县` : `县${i}/..`}","${p}"`);
    writeFileSync(join(evaluation, 'counties.csv'), `county_id,county,prefecture\n${rows.join('\n')}\n`);
    writeFileSync(
      join(evaluation, 'evidence', 'e.csv'),
      `county_id,indicator_id,value\n${names.map((_, i) => `${i + 1},S1.1,是\n${i + 1},S2.2,0.5`).join('\n')}\n`,
    );
    const parent = fresh();
    const out = join(parent, 'out');
    const run = fazhi(['report', evaluation, '--out', out, '--county-pages', '--format', 'both']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['out']);
    const files = tree(out);
    expect(files.length).toBeGreaterThan(2 * names.length * 2);
    for (const f of files) {
      expect(resolve(out, f).startsWith(`${out}/`), f).toBe(true);
      for (const part of f.split('/')) {
        expect(Buffer.byteLength(part), part).toBeLessThanOrEqual(200);
        expect(part, f).not.toMatch(/^\.|[.\s]$|[\p{Cc}\p{Cf}\\:*?"<>|]/u);
        expect(part, f).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
      }
    }
    for (const line of run.stdout.trim().split('\n')) expect(existsSync(resolve(root, line)), line).toBe(true);
    expect(statSync(join(out, 'index.html')).isFile()).toBe(true);
  });
});

describe('internal errors', () => {
  /** Runs the built entry point with an error thrown (or a promise rejected) outside the command's flow. */
  function crash(kind: 'throw' | 'reject', env: Record<string, string> = {}) {
    const script = join(scratch, 'crash.mjs');
    writeFileSync(
      script,
      `process.argv = [process.argv[0], 'fazhi', 'score', ${JSON.stringify(small)}];
const timer = setInterval(() => {
  if (process.listenerCount('uncaughtException') === 0) return; // fazhi's handlers are in place
  clearInterval(timer);
  if (${JSON.stringify(kind)} === 'throw') throw new TypeError('boom');
  Promise.reject(new RangeError('boom'));
}, 1);
await import(${JSON.stringify(join(root, 'dist', 'cli', 'run.js'))});
`,
    );
    const r = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8', env: { ...ENV, ...env } });
    return { code: r.status, stderr: r.stderr };
  }

  it('an exception outside the command exits 3 with a short message; the stack only under FAZHI_DEBUG=1', () => {
    for (const kind of ['throw', 'reject'] as const) {
      const run = crash(kind);
      expect(run.code, kind).toBe(3);
      expect(run.stderr).toMatch(/(fazhi 内部错误|fazhi internal error).*boom/);
      expect(run.stderr).toMatch(/FAZHI_DEBUG=1/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      const debug = crash(kind, { FAZHI_DEBUG: '1' });
      expect(debug.code).toBe(3);
      expect(debug.stderr).toMatch(/^\s+at /m);
    }
  });
});
