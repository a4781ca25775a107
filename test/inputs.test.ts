// Hostile and damaged input files (issue 14): special files, sizes, encodings, YAML nesting, and
// more problems than a call's arguments can hold. Each case ends with a located problem, never a
// hang, a crash or mojibake read as data.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { loadEvaluation } from '../src/load/evaluation.js';
import { parseIndicators, readIndicators } from '../src/load/indicators.js';
import { readRegularFile } from '../src/load/read.js';
import { MAX_YAML_DEPTH, MAX_YAML_VALUES, tooDeep, tooMany } from '../src/load/yaml-guard.js';
import type { Problem } from '../src/model/problem.js';

const SMALL = fileURLToPath(new URL('./fixtures/eval/small/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'fazhi-inputs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A fresh copy of the small evaluation folder. */
function folder(): string {
  const dir = join(tmp, `eval-${n++}`);
  cpSync(SMALL, dir, { recursive: true });
  return dir;
}

const load = (dir: string, more: { encoding?: 'utf8' | 'gb18030' } = {}) =>
  loadEvaluation({ dir, display: (p) => p.slice(dir.length + 1), ...more });
const codes = (ps: readonly Problem[]) => ps.map((p) => [p.file, p.code, p.line, p.column]);

describe('special files in the evidence folder are never read', () => {
  // Each would hang a read (a FIFO no one writes to, /dev/zero, /dev/urandom) or is not a file.
  const SPECIAL: [label: string, make: (dir: string) => void, code: string][] = [
    [
      'a link to a FIFO',
      (dir) => {
        execFileSync('mkfifo', [join(dir, 'pipe')]);
        symlinkSync(join(dir, 'pipe'), join(dir, 'evidence', 'z.csv'));
      },
      'file-not-regular',
    ],
    ['a FIFO itself', (dir) => execFileSync('mkfifo', [join(dir, 'evidence', 'z.csv')]), 'file-not-regular'],
    ['a link to /dev/zero', (dir) => symlinkSync('/dev/zero', join(dir, 'evidence', 'z.csv')), 'file-not-regular'],
    [
      'a link to /dev/urandom',
      (dir) => symlinkSync('/dev/urandom', join(dir, 'evidence', 'z.csv')),
      'file-not-regular',
    ],
    ['a folder named z.csv', (dir) => mkdirSync(join(dir, 'evidence', 'z.csv')), 'file-is-directory'],
    ['a dangling link', (dir) => symlinkSync(join(dir, 'nowhere'), join(dir, 'evidence', 'z.csv')), 'file-not-found'],
  ];

  it.each(SPECIAL)('%s: a problem of that file, the rest still read', async (_, make, code) => {
    const dir = folder();
    make(dir);
    const e = await load(dir);
    expect(codes(e.errors)).toEqual([['evidence/z.csv', code, 0, 0]]);
    expect(e.inputs.map((f) => f.path)).toEqual(['counties.csv', 'evidence/a-long.csv', 'evidence/b-wide.csv']);
  });

  it('/dev/zero and /dev/urandom exist on this machine (else the cases above prove less)', () => {
    expect(existsSync('/dev/zero') && existsSync('/dev/urandom')).toBe(true);
  });

  it('a socket as the register', async () => {
    const dir = folder();
    // A short path: socket paths are limited to about 100 bytes.
    const sock = join(tmp, `s${n}`);
    const server = createServer();
    await new Promise<void>((done) => server.listen(sock, done));
    try {
      rmSync(join(dir, 'counties.csv'));
      symlinkSync(sock, join(dir, 'counties.csv'));
      const e = await load(dir);
      expect(codes(e.errors)).toEqual([['counties.csv', 'file-not-regular', 0, 0]]);
      expect(e.errors[0]?.args).toEqual({ kind: 'socket' });
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('a link to a FIFO as indicators.yaml or evaluation.yaml', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    rmSync(join(dir, 'indicators.yaml'));
    symlinkSync(join(dir, 'pipe'), join(dir, 'indicators.yaml'));
    symlinkSync(join(dir, 'pipe'), join(dir, 'evaluation.yaml'));
    const e = await load(dir);
    expect(codes(e.errors)).toEqual([
      ['evaluation.yaml', 'file-not-regular', 0, 0],
      ['indicators.yaml', 'file-not-regular', 0, 0],
    ]);
    expect(e.errors[0]?.args).toEqual({ kind: 'fifo' });
  });
});

describe('sizes', () => {
  it('a file past its limit is refused before it is read, its size and the limit said', () => {
    const path = join(tmp, 'limit.csv');
    writeFileSync(path, 'x'.repeat(1024 * 1024 + 1));
    expect(readRegularFile(path, 'limit.csv', 1024 * 1024)).toEqual({
      problem: {
        code: 'file-too-large',
        severity: 'error',
        file: 'limit.csv',
        line: 0,
        column: 0,
        path: [],
        args: { size: '1.1', limit: '1' },
      },
    });
    expect(readRegularFile(path, 'limit.csv', 1024 * 1024 + 1)).toHaveProperty('bytes');
  });

  it('an evaluation.yaml past 5 MB', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'evaluation.yaml'), `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
    const e = await load(dir);
    expect(codes(e.errors)).toEqual([['evaluation.yaml', 'file-too-large', 0, 0]]);
    expect(e.errors[0]?.args).toEqual({ size: '5.1', limit: '5' });
  });
});

describe('encodings of registers and evidence', () => {
  const GB_HEAD = Buffer.from('county_id,indicator_id,value,note\r\n532323,S1.1,');
  // 是 = CA C7, 县 = CF D8 in GB18030.
  const gbEvidence = Buffer.concat([
    GB_HEAD,
    Buffer.from([0xca, 0xc7]),
    Buffer.from(','),
    Buffer.from([0xcf, 0xd8, 0x0d, 0x0a]),
  ]);

  it('clean GB18030 is read, and the reading is noted on the file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'evidence', 'c-gb.csv'), gbEvidence);
    const e = await load(dir);
    expect(e.errors).toEqual([]);
    expect(e.gb18030).toEqual(['evidence/c-gb.csv']);
    expect(e.inputs.find((f) => f.path === 'evidence/c-gb.csv')).toMatchObject({ encoding: 'gb18030', used: 0 });
    expect(e.inputs.find((f) => f.path === 'evidence/a-long.csv')).not.toHaveProperty('encoding');
  });

  it('UTF-8 with one bad byte is an error at that byte, not a GB18030 reading of every name', async () => {
    const dir = folder();
    const good = Buffer.from('county_id,indicator_id,value,note\n532323,S1.1,是,牟定县人民政府\n');
    const bad = Buffer.from(good);
    bad[good.indexOf('人')] = 0xff;
    writeFileSync(join(dir, 'evidence', 'c-bad.csv'), bad);
    const e = await load(dir);
    expect(codes(e.errors)).toEqual([['evidence/c-bad.csv', 'file-encoding', 2, 18]]);
    expect(e.errors[0]?.args).toEqual({ encoding: 'UTF-8', byte: 'FF', forced: 'no' });
  });

  it('--encoding utf8 on a GB18030 file: the first byte that is not UTF-8', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'evidence', 'c-gb.csv'), gbEvidence);
    const e = await load(dir, { encoding: 'utf8' });
    expect(codes(e.errors)).toEqual([['evidence/c-gb.csv', 'file-encoding', 2, 13]]);
    expect(e.errors[0]?.args).toMatchObject({ encoding: 'UTF-8', forced: 'yes' });
  });

  it('a register that is neither: located, and nothing scored from it', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'counties.csv'),
      Buffer.from([...Buffer.from('county_id,county,prefecture\r\n1,'), 0xff, 0xfe]),
    );
    const e = await load(dir);
    expect(codes(e.errors)).toEqual([['counties.csv', 'file-encoding', 2, 3]]);
    expect(e.register).toBeNull();
  });

  it('an indicator file in GB18030 is still read (as Windows editors save it), and noted', () => {
    const dir = join(tmp, 'gb-yaml');
    mkdirSync(dir);
    const yaml = readIndicators(join(SMALL, 'indicators.yaml')).system;
    expect(yaml).not.toBeNull();
    // The small system's file, its Chinese names re-encoded.
    const text = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', join(SMALL, 'indicators.yaml')]);
    writeFileSync(join(dir, 'i.yaml'), text);
    const read = readIndicators(join(dir, 'i.yaml'));
    expect(read.problems).toEqual([]);
    expect(read.encoding).toBe('gb18030');
    expect(read.system).toEqual(yaml);
  });
});

describe('more problems than a call can take as arguments', () => {
  // Before: `warnings.push(...evidence.warnings)` overflowed the stack past about 125,000 (exit 3).
  it('210,000 duplicate rows are each a warning, without a stack overflow', async () => {
    const dir = folder();
    const rows = 210_000;
    writeFileSync(
      join(dir, 'evidence', 'c-many.csv'),
      `county_id,indicator_id,value\n${'532323,S1.1,是\n'.repeat(rows)}`,
    );
    const e = await load(dir);
    expect(e.errors).toEqual([]);
    // a-long.csv gives 532323's S1.1 first: every row here repeats it.
    const duplicates = (w: readonly Problem[]) => w.filter((p) => p.code === 'evidence-duplicate').length;
    const before = duplicates((await load(folder())).warnings);
    expect(duplicates(e.warnings)).toBe(before + rows);
  });

  it('210,000 rows of unknown counties are each rejected', async () => {
    const dir = folder();
    const rows = 210_000;
    const lines = ['county_id,indicator_id,value'];
    for (let i = 0; i < rows; i++) lines.push(`x${i},S1.1,是`);
    writeFileSync(join(dir, 'evidence', 'c-many.csv'), `${lines.join('\n')}\n`);
    const e = await load(dir);
    const all = [...e.errors, ...(e.evidence?.cellErrors ?? [])];
    expect(all.filter((p) => p.code === 'evidence-unknown-county')).toHaveLength(rows);
  });
});

/** The nesting the parser builds: collections inside collections. */
function depth(node: unknown): number {
  let most = 0;
  if (isMap(node)) for (const p of node.items) most = Math.max(most, depth(p.key), depth(p.value));
  else if (isSeq(node)) for (const x of node.items) most = Math.max(most, depth(x));
  else return 0;
  return most + 1;
}

describe('the number of YAML values is bounded before the parser sees it', () => {
  // 5 MB of such lines took yaml 35 s and 1.9 GB; each line counts 9 (a newline, a `[`, 7 commas).
  it('dense flow lists: refused where the estimate passes the limit', () => {
    const text = '- [1, 2, 3, 4, 5, 6, 7, 8]\n'.repeat(200_000);
    expect(tooMany(text)).toEqual({ line: 5556, column: 14 });
    const { problems } = parseIndicators(text, 'dense.yaml');
    expect(problems.map((p) => [p.code, p.line, p.column, p.args])).toEqual([
      ['yaml-too-many-values', 5556, 14, { limit: MAX_YAML_VALUES }],
    ]);
  });

  it('the bundled systems are far below it', () => {
    for (const name of ['national.yaml', 'yunnan-2022-midterm.yaml']) {
      const text = readFileSync(fileURLToPath(new URL(`../indicators/${name}`, import.meta.url)), 'utf8');
      expect(tooMany(text, 2_000)).toBeNull();
    }
  });
});

describe('YAML nesting is bounded before the parser sees it', () => {
  it.each([
    ['flow lists', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 1, 65],
    ['flow mappings', `${'{a: '.repeat(1000)}1${'}'.repeat(1000)}`, 1, 257],
    ['block lists', `${'- '.repeat(1000)}x`, 1, 129],
    ['block mappings', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 65, 65],
  ])('%s: refused at the first level past the limit', (_, text, line, column) => {
    expect(tooDeep(text)).toEqual({ line, column });
    const { problems, system } = readIndicators(writeTmp(text));
    expect(system).toBeNull();
    expect(problems.map((p) => [p.code, p.line, p.column, p.args])).toEqual([
      ['yaml-too-deep', line, column, { limit: MAX_YAML_DEPTH }],
    ]);
  });

  // Text that once hid its nesting from the scan: a quote that is part of a plain scalar, an
  // empty key. Each must still be counted.
  it.each([
    ['a quote inside a plain scalar', `a: [ :'x, ${'['.repeat(100)}${']'.repeat(100)} ]`],
    ['a JSON-like key', `{"a":${'['.repeat(100)}${']'.repeat(100)}}`],
    ['empty keys', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}:`).join('\n')],
  ])('%s', (_, text) => {
    expect(depth(parseDocument(text, { version: '1.2', schema: 'core' }).contents)).toBeGreaterThan(MAX_YAML_DEPTH);
    expect(tooDeep(text)).not.toBeNull();
  });

  // The scan counts from the text, not the parse: it may count one level more than the parser
  // builds (a scalar as a list entry, `- x`), never fewer.
  it('never refuses what the parser nests within the limit less one; always refuses past it', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), tie('a'), tie('o')),
      a: fc.array(tie('v'), { maxLength: 4 }),
      o: fc.dictionary(fc.string({ minLength: 1 }), tie('v'), { maxKeys: 3 }),
    })).v;
    fc.assert(
      fc.property(value, fc.boolean(), fc.integer({ min: 0, max: 3 }), (v, flow, k) => {
        const text = stringify(v, { collectionStyle: flow ? 'flow' : 'any', indentSeq: k % 2 === 0, indent: 2 + k });
        const real = depth(parseDocument(text, { version: '1.2', schema: 'core' }).contents);
        for (let limit = 1; limit <= real + 1; limit++) {
          if (real < limit) expect(tooDeep(text, limit), `${text} at ${limit}`).toBeNull();
          if (real > limit) expect(tooDeep(text, limit), `${text} at ${limit}`).not.toBeNull();
        }
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});

function writeTmp(text: string): string {
  const path = join(tmp, `t${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe('the command line (dist/)', () => {
  const BIN = fileURLToPath(new URL('../bin/fazhi.js', import.meta.url));
  const fazhi = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, LANG: 'zh_CN.UTF-8', NO_COLOR: '1' },
    });

  it('a FIFO, /dev/zero and a damaged UTF-8 file in the evidence folder: exit 1 at once, each named', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync(join(dir, 'pipe'), join(dir, 'evidence', 'x-pipe.csv'));
    symlinkSync('/dev/zero', join(dir, 'evidence', 'y-zero.csv'));
    // A character cut short at the end (是 is E6 98 AF).
    const cut = [...Buffer.from('county_id,S1.1,S1.2\n532323,是,牟定县'), 0xe6, 0x98];
    writeFileSync(join(dir, 'evidence', 'z-bad.csv'), Buffer.from(cut));
    const r = fazhi('score', dir);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'evidence', 'x-pipe.csv')}: 错误：这不是普通文件（命名管道）`);
    expect(r.stderr).toContain(`${join(dir, 'evidence', 'y-zero.csv')}: 错误：这不是普通文件（设备文件）`);
    expect(r.stderr).toContain(
      `${join(dir, 'evidence', 'z-bad.csv')}:2:13: 错误：这里的字节 0xE6 不是有效的 UTF-8 编码`,
    );
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('validate says which files it read as GB18030', () => {
    const r = fazhi('validate', fileURLToPath(new URL('../samples/yunnan-2022', import.meta.url)));
    expect(r.status).toBe(0);
    const gb = r.stdout.split('\n').filter((l) => l.includes('GB18030'));
    expect(gb).toEqual([
      '✓ samples/yunnan-2022/evidence/532600-文山州.csv — 佐证：1209 个单元格 — 不是 UTF-8，按 GB18030 编码读取',
    ]);
  });

  it('an indicator file with a !!js/function tag and a NUL byte: exit 1, located', () => {
    const path = join(tmp, 'tagged.yaml');
    writeFileSync(path, 'format: fazhi/indicators@1\nid: !!js/function "x"\n');
    const r = fazhi('validate', path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path}:2:5: 错误：不支持 YAML 标签 \`!!js/function\``);
    writeFileSync(path, 'format: fazhi/indicators@1\nid: a\u0000b\n');
    expect(fazhi('validate', path).stderr).toContain(`${path}:2:6: 错误：YAML 文件中不允许有控制字符 U+0000`);
  });
});

describe('the value estimate names a line passing the limit at its start', () => {
  it('50,001 lines', () => {
    expect(tooMany('a\n'.repeat(50_000))).toEqual({ line: 50_001, column: 1 });
    expect(tooMany('a\n'.repeat(49_999))).toBeNull();
  });
});
