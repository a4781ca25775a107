import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { indicatorFiles } from '../src/cli/commands/validate.js';
import { LANGS } from '../src/i18n/lang.js';
import { PROBLEMS, problemMessage } from '../src/i18n/problems.js';
import { MAX_PROBLEMS, parseIndicators, readIndicators } from '../src/load/indicators.js';
import { MAX_YAML_BYTES } from '../src/load/read.js';
import type { Args, Problem, ProblemCode, Severity } from '../src/model/problem.js';
import { fromZodIssues } from '../src/model/zod-issues.js';

const DIR = fileURLToPath(new URL('./fixtures/indicators/', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../indicators/', import.meta.url));

interface Expected {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
}
type Row = [fixture: string, expected: Expected[]];

const err = (code: ProblemCode, line: number, column: number): Expected => ({ code, severity: 'error', line, column });
const warn = (code: ProblemCode, line: number, column: number): Expected => ({
  code,
  severity: 'warning',
  line,
  column,
});

const read = (name: string) => readIndicators(join(DIR, name), name);
const located = (problems: readonly Problem[]): Expected[] =>
  problems.map(({ code, severity, line, column }) => ({ code, severity, line, column }));

/**
 * One fixture per code an indicator file can produce, each otherwise a valid minimal system.
 * Each fixture's first line says the same; every position was counted in the fixture by hand:
 * a missing key points at its mapping, an unknown key at the key, anything else at the value.
 */
const FIXTURES: Row[] = [
  // YAML
  ['yaml-syntax.yaml', [err('yaml-syntax', 12, 15)]],
  ['yaml-syntax.indent-deeper.yaml', [err('yaml-syntax', 13, 11)]],
  ['yaml-syntax.indent-shallower.yaml', [err('yaml-syntax', 13, 8)]],
  ['yaml-syntax.fullwidth-colon.yaml', [err('yaml-syntax', 13, 15)]],
  ['yaml-warning.yaml', [warn('yaml-warning', 2, 1)]],
  ['yaml-tag.yaml', [err('yaml-tag', 12, 15)]],
  ['yaml-control-character.yaml', [err('yaml-control-character', 12, 17)]],
  ['yaml-too-deep.yaml', [err('yaml-too-deep', 2, 67)]],
  ['file-encoding.yaml', [err('file-encoding', 12, 17)]],
  ['yaml-duplicate-key.yaml', [err('yaml-duplicate-key', 14, 9)]],
  ['yaml-tab.yaml', [err('yaml-tab', 14, 1)]],
  ['yaml-multiple-documents.yaml', [err('yaml-multiple-documents', 15, 1)]],
  ['yaml-alias-limit.yaml', [err('yaml-alias-limit', 8, 9)]],
  ['yaml-forbidden-key.yaml', [err('yaml-forbidden-key', 6, 1), err('yaml-forbidden-key', 16, 9)]],
  // Schema
  ['schema-required.yaml', [err('schema-required', 11, 9)]],
  ['schema-unknown-key.yaml', [err('schema-required', 11, 9), err('schema-unknown-key', 12, 9)]],
  ['schema-type.yaml', [err('schema-type', 11, 13)]],
  ['schema-key-not-here.yaml', [err('schema-key-not-here', 14, 30)]],
  ['schema-root-type.yaml', [err('schema-root-type', 2, 1)]],
  ['schema-not-finite.yaml', [err('schema-not-finite', 6, 7)]],
  ['schema-integer.yaml', [err('schema-integer', 6, 12)]],
  ['schema-enum.yaml', [err('schema-enum', 6, 12)]],
  ['schema-too-small.yaml', [err('schema-too-small', 13, 17)]],
  ['schema-not-above.yaml', [err('schema-not-above', 5, 8)]],
  ['schema-too-big.yaml', [err('schema-too-big', 14, 57)]],
  ['schema-too-few.yaml', [err('schema-too-few', 6, 10)]],
  ['schema-empty.yaml', [err('schema-empty', 8, 11)]],
  ['schema-id-format.yaml', [err('schema-id-format', 11, 13)]],
  ['schema-rule-type.yaml', [err('schema-rule-type', 14, 23)]],
  ['schema-union.yaml', [err('schema-union', 18, 13)]],
  // Cross-field checks
  ['id-duplicate.yaml', [err('id-duplicate', 15, 13)]],
  ['node-items-and-rule.yaml', [err('node-items-and-rule', 15, 11)]],
  ['node-no-items-or-rule.yaml', [err('node-no-items-or-rule', 11, 9)]],
  ['group-no-positive-weight.yaml', [err('group-no-positive-weight', 19, 7)]],
  ['systems-sum.yaml', [err('systems-sum', 6, 1)]],
  ['weights-sum.yaml', [err('weights-sum', 9, 13)]],
  ['linear-flat.yaml', [err('linear-flat', 14, 48)]],
  ['band-both-bounds.yaml', [err('band-both-bounds', 18, 15)]],
  ['band-no-bound.yaml', [err('band-no-bound', 18, 15)]],
  ['bands-mixed.yaml', [err('bands-mixed', 18, 15)]],
  ['bands-order.yaml', [err('bands-order', 19, 22)]],
  ['grade-label-duplicate.yaml', [err('grade-label-duplicate', 9, 22)]],
  ['grade-min-duplicate.yaml', [err('grade-min-duplicate', 8, 12)]],
  ['bonus-rule-incomplete.yaml', [err('bonus-rule-incomplete', 20, 13)]],
  ['pass-unreachable.yaml', [warn('pass-unreachable', 6, 7)]],
  ['veto-cap-ineffective.yaml', [warn('veto-cap-ineffective', 18, 20)]],
  ['veto-label-unused.yaml', [warn('veto-label-unused', 19, 12)]],
  ['grades-no-floor.yaml', [warn('grades-no-floor', 7, 3)]],
  // 0.2 (FORMATS.md §6)
  ['veto-grade-unknown.yaml', [err('veto-grade-unknown', 21, 26)]],
  ['components-systems.yaml', [err('components-systems', 15, 1)]],
  ['components-no-positive-weight.yaml', [err('components-no-positive-weight', 15, 1)]],
  ['few-without-min-n.yaml', [err('few-without-min-n', 14, 56)]],
  ['range-order.yaml', [err('range-order', 15, 16)]],
  ['value-check-on-yes-no.yaml', [err('value-check-on-yes-no', 15, 15)]],
  ['unit-conflict.yaml', [err('unit-conflict', 15, 15)]],
  ['rate-without-unit.yaml', [warn('rate-without-unit', 11, 9)]],
  ['false-report-without-self.yaml', [warn('false-report-without-self', 17, 17)]],
  // Numbers (issue 14): every number finite and within its bound (model/number.ts)
  ['weight-too-small.yaml', [err('weight-too-small', 17, 17)]],
  [
    'numbers-huge-weights.yaml',
    [
      err('schema-too-big', 10, 13),
      err('schema-too-big', 14, 17),
      err('schema-too-big', 18, 13),
      err('schema-too-big', 22, 17),
    ],
  ],
  [
    'numbers-huge-scale.yaml',
    [
      err('schema-too-big', 5, 8),
      err('schema-too-small', 6, 7),
      err('schema-too-small', 15, 37),
      err('schema-too-big', 15, 51),
    ],
  ],
];

/** Files with faults of several kinds in one stage (YAML, schema, cross-field), listed in line order. */
const SEVERAL: Row[] = [
  [
    'several-yaml-faults.yaml',
    [err('yaml-duplicate-key', 8, 5), err('yaml-forbidden-key', 9, 5), err('yaml-tab', 15, 1)],
  ],
  [
    'several-schema-faults.yaml',
    [
      err('schema-required', 4, 1),
      err('schema-enum', 6, 10),
      err('schema-required', 8, 5),
      err('schema-type', 8, 9),
      err('schema-unknown-key', 10, 5),
      err('schema-required', 12, 9),
      err('schema-unknown-key', 13, 9),
      err('schema-too-small', 14, 17),
      err('schema-rule-type', 19, 23),
      err('schema-union', 23, 13),
    ],
  ],
  [
    'several-check-faults.yaml',
    [
      warn('pass-unreachable', 6, 7),
      warn('grades-no-floor', 8, 3),
      err('grade-label-duplicate', 9, 23),
      err('weights-sum', 13, 13),
      err('linear-flat', 19, 46),
      err('id-duplicate', 21, 13),
      err('bands-order', 28, 22),
      warn('veto-label-unused', 34, 12),
    ],
  ],
];

/** What the source does wrong today, written as it should be (see `known bugs` below). */
const KNOWN_BUGS: Row[] = [
  ['yaml-syntax.unclosed-quote.yaml', [err('yaml-syntax', 12, 15)]],
  ['yaml-syntax.undefined-alias.yaml', [err('yaml-syntax', 14, 15)]],
];

const CORE_SCHEMA = 'yaml-1.2-core.yaml';

/** A folder with no indicator file, as `fazhi validate` sees it. */
function emptyFolder(): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-empty-'));
  try {
    const found = indicatorFiles(dir);
    return Array.isArray(found) ? [] : [found];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** File-system problems concern the file as a whole: line and column 0. */
const FILE_CASES: [label: string, run: () => Problem[], expected: Expected][] = [
  ['a missing file', () => read('no-such-file.yaml').problems, err('file-not-found', 0, 0)],
  [
    'a folder given as a file',
    () => readIndicators(DIR, 'fixtures/indicators').problems,
    err('file-is-directory', 0, 0),
  ],
  ['a path through a file (ENOTDIR)', () => read('weights-sum.yaml/child.yaml').problems, err('file-unreadable', 0, 0)],
  ['a folder with no *.yaml', emptyFolder, err('folder-empty', 0, 0)],
  ['a link to a named pipe, never opened', () => inTmp(fifo), err('file-not-regular', 0, 0)],
  ['a file past 5 MB, never parsed', () => inTmp(tooLarge), err('file-too-large', 0, 0)],
];

/** Problems of reading a file made in a fresh temporary folder. */
function inTmp(make: (dir: string) => string): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-special-'));
  try {
    return readIndicators(make(dir), 'special.yaml').problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A symbolic link to a FIFO no one writes to: reading it would wait forever. */
function fifo(dir: string): string {
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  symlinkSync(join(dir, 'pipe'), join(dir, 'indicators.yaml'));
  return join(dir, 'indicators.yaml');
}

function tooLarge(dir: string): string {
  writeFileSync(join(dir, 'big.yaml'), `a: "${'x'.repeat(MAX_YAML_BYTES)}"\n`);
  return join(dir, 'big.yaml');
}

/** A zod issue the schema never raises (`not_multiple_of`): no YAML reaches schema-other. */
const unmappedZodIssue = () =>
  fromZodIssues(z.strictObject({ per: z.number().multipleOf(2) }).safeParse({ per: 3 }).error?.issues ?? []);

/** Every problem the tests below produce, with the args it was produced with. */
function producedProblems(): { code: ProblemCode; args: Args }[] {
  return [
    ...[...FIXTURES, ...SEVERAL].flatMap(([name]) => read(name).problems),
    ...FILE_CASES.flatMap(([, run]) => run()),
    ...unmappedZodIssue(),
    ...parseIndicators('a: b\n'.repeat(MAX_PROBLEMS + 3), 'many.yaml').problems.slice(-1),
    ...parseIndicators('- [1, 2, 3, 4, 5, 6, 7, 8]\n'.repeat(6000), 'dense.yaml').problems,
  ];
}

describe('each fixture reports exactly its problems, where the fault is', () => {
  it.each(FIXTURES)('%s', (name, expected) => {
    const { problems } = read(name);
    expect(located(problems)).toEqual(expected);
    expect(problems.every((p) => p.file === name)).toBe(true);
  });

  // Keeps the fixtures' comments honest, and every fixture in use.
  it.each([...FIXTURES, ...SEVERAL, ...KNOWN_BUGS])(
    '%s: its header comment names each code and position',
    (name, expected) => {
      const header = /^(#.*\n)+/.exec(readFileSync(join(DIR, name), 'utf8'))?.[0] ?? '';
      for (const p of expected) {
        expect(header).toContain(p.code);
        expect(header).toContain(`${p.line}:${p.column}`);
      }
    },
  );

  it('every fixture file is used by a test', () => {
    const used = [...FIXTURES, ...SEVERAL, ...KNOWN_BUGS].map(([name]) => name).concat(CORE_SCHEMA);
    expect(readdirSync(DIR).sort()).toEqual(used.sort());
  });
});

describe('file-system problems', () => {
  it.each(FILE_CASES)('%s', (_, run, expected) => {
    expect(located(run())).toEqual([expected]);
  });

  it('a file that cannot be read gives no system', () => {
    expect(read('no-such-file.yaml').system).toBeNull();
  });
});

describe('schema-other', () => {
  it('stands for a zod issue that has no code of its own, at its path', () => {
    expect(unmappedZodIssue().map(({ code, severity, path }) => ({ code, severity, path }))).toEqual([
      { code: 'schema-other', severity: 'error', path: ['per'] },
    ]);
  });
});

describe('the catalogue', () => {
  // The evaluation folder's codes (register, CSV, evidence, xlsx) and writing --out belong to
  // those tests; every other code is produced here, so a new one without a test fails.
  const ELSEWHERE = /^(csv|register|evidence|xlsx|evaluation)-|^file-unwritable$|^file-exists$|^init-not-empty$/;

  it('every code is produced by a fixture or test', () => {
    const produced = new Set(producedProblems().map((p) => p.code));
    const codes = Object.keys(PROBLEMS).filter((code) => !ELSEWHERE.test(code));
    expect([...produced].sort()).toEqual(codes.sort());
  });

  it.each(LANGS)('every produced problem reads in full in %s', (lang) => {
    for (const { code, args } of producedProblems()) {
      const text = problemMessage(code, args, lang);
      expect(text.trim(), code).not.toBe('');
      // `` is what the catalogue's quoting makes of a missing argument.
      expect(text, code).not.toMatch(/undefined|NaN|\[object Object\]|``/);
    }
  });
});

describe('YAML syntax errors', () => {
  const SYNTAX = FIXTURES.filter(([name]) => name.startsWith('yaml-syntax'));

  it.each(SYNTAX)("%s: said in Chinese, in words rather than the parser's English", (name) => {
    const [p] = read(name).problems;
    expect(p?.code).toBe('yaml-syntax');
    const zh = problemMessage(p!.code, p!.args, 'zh');
    expect(zh).not.toContain(String(p!.args.detail));
    expect(zh).not.toMatch(/\b(mapping|implicit|indicator|sequence)\b/i);
    expect(problemMessage(p!.code, p!.args, 'en')).not.toContain(String(p!.args.detail));
  });

  it('a line indented too far is one error at that line, though the parser reports two before it', () => {
    const text = readFileSync(join(DIR, 'yaml-syntax.indent-deeper.yaml'), 'utf8');
    const parser = parseDocument(text, { prettyErrors: false });
    expect(parser.errors.length).toBeGreaterThanOrEqual(2);
    expect(located(read('yaml-syntax.indent-deeper.yaml').problems)).toEqual([err('yaml-syntax', 13, 11)]);
  });

  it("an error the usual mistakes do not cover still reads in Chinese, with the parser's words kept for reference", () => {
    // The !!binary tag is refused too (yaml-tag, line 1); the syntax error is the one looked at here.
    const problems = parseIndicators('a: !!binary x\nb: [1, }\n', 'x.yaml').problems;
    expect(problems.map((q) => q.code)).toEqual(['yaml-tag', 'yaml-syntax']);
    const p = problems[1];
    expect(problemMessage(p!.code, p!.args, 'zh')).toMatch(/^YAML 语法错误：/);
  });

  it('duplicate keys before the syntax error are reported; past it the structure is misread, so none are', () => {
    const problems = parseIndicators('a: 1\na: 2\nb:\n  c: 1\n d: 2\ne: 1\ne: 2\n', 'x.yaml').problems;
    expect(located(problems)).toEqual([err('yaml-duplicate-key', 2, 1), err('yaml-syntax', 5, 2)]);
  });
});

describe('a file with several faults reports them all in one run, in line order', () => {
  it.each(SEVERAL)('%s', (name, expected) => {
    const problems = located(read(name).problems);
    expect(problems).toEqual(expected);
    const positions = problems.map((p) => p.line * 1000 + p.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('the bundled systems', () => {
  it.each(['national.yaml', 'yunnan-2022-midterm.yaml'])('%s has no problem at all, and eight systems', (name) => {
    const { system, problems } = readIndicators(join(BUNDLED, name), name);
    expect(problems).toEqual([]);
    expect(system).not.toBeNull();
    expect(system?.systems).toHaveLength(8);
  });
});

describe('system is null exactly when there is an error', () => {
  const rows = [...FIXTURES, ...SEVERAL];

  it.each(rows)('%s', (name) => {
    const { system, problems } = read(name);
    if (problems.some((p) => p.severity === 'error')) expect(system).toBeNull();
    else expect(system).not.toBeNull();
  });

  it('some fixtures have warnings only, so both cases are tried', () => {
    const warningOnly = rows.filter(([, expected]) => expected.every((p) => p.severity === 'warning'));
    expect(warningOnly.length).toBeGreaterThan(0);
  });
});

describe('YAML 1.2 core schema', () => {
  it('keeps no/yes/on as text and reads 1e2 as a number', () => {
    const { system, problems } = read(CORE_SCHEMA);
    expect(problems).toEqual([]);
    expect(system?.description).toBe('yes');
    expect(system?.systems[0]?.weight).toBe(100);
    expect(system?.items[0]?.rule).toEqual({ type: 'check', expect: 'no' });
  });
});

describe('YAML safety and line ends', () => {
  it('__proto__ and constructor keys reach no prototype', () => {
    read('yaml-forbidden-key.yaml');
    expect(({} as Record<string, unknown>).weight).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('CRLF line ends and a UTF-8 BOM leave lines and columns as they are', () => {
    const text = readFileSync(join(DIR, 'weights-sum.yaml'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-crlf-'));
    try {
      const path = join(dir, 'weights-sum.yaml');
      writeFileSync(path, `\uFEFF${text.replaceAll('\n', '\r\n')}`);
      expect(located(readIndicators(path).problems)).toEqual([err('weights-sum', 9, 13)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('no input throws', () => {
  /** Deterministic pseudo-random bytes (xorshift32), so a failure can be replayed. */
  const randomBytes = (length: number, seed: number): Uint8Array => {
    let x = seed;
    return Uint8Array.from({ length }, () => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
  };

  const NASTY: [label: string, text: string][] = [
    ['empty', ''],
    ['~', '~'],
    ['[]', '[]'],
    ['"just text"', '"just text"'],
    ['a list of text', '- a\n- b'],
    ['500 nested lists', `${'['.repeat(500)}${']'.repeat(500)}`],
    ['500 nested mappings', `${'{a: '.repeat(500)}1${'}'.repeat(500)}`],
    ...[1, 2, 3, 4, 5].map((seed): [string, string] => [
      `random bytes as latin1 (seed ${seed})`,
      Buffer.from(randomBytes(4096, seed)).toString('latin1'),
    ]),
  ];

  it.each(NASTY)('%s', (_, text) => {
    const { system, problems } = parseIndicators(text, 'nasty.yaml');
    expect(system).toBeNull();
    expect(problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it('random bytes read from a file (UTF-8 or GB18030 guessed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-bytes-'));
    try {
      const path = join(dir, 'bytes.yaml');
      writeFileSync(path, randomBytes(4096, 42));
      const { system, problems } = readIndicators(path);
      expect(system).toBeNull();
      expect(problems.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Every line after the first repeats the key: the first problems are shown, the rest counted.
  it('200 KB of `a: b` lines: duplicate keys reported up to the cap, then counted', () => {
    const lines = Math.floor((200 * 1024) / 'a: b\n'.length);
    const { system, problems } = parseIndicators('a: b\n'.repeat(lines), 'big.yaml');
    expect(system).toBeNull();
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems.slice(0, MAX_PROBLEMS).every((p) => p.code === 'yaml-duplicate-key')).toBe(true);
    expect(located(problems.slice(0, 2))).toEqual([err('yaml-duplicate-key', 2, 1), err('yaml-duplicate-key', 3, 1)]);
    expect(problems[MAX_PROBLEMS]).toMatchObject({
      code: 'problems-truncated',
      line: 0,
      args: { more: lines - 1 - MAX_PROBLEMS },
    });
  });
});

// Bugs found while writing these tests, each kept as a test of the behaviour FORMATS.md asks for.

describe('fixed bugs', () => {
  // FORMATS.md §1: invalid YAML "is rejected with its line and column". yaml reports a missing
  // closing quote where the file ends (line 15, past the last line); the fault is the quote on line 12.
  it('an unclosed quote points at the quote that opens it', () => {
    const [name, expected] = KNOWN_BUGS[0]!;
    expect(located(read(name).problems)).toEqual(expected);
  });

  // parseYaml catches every toJS() exception as yaml-alias-limit ("aliases expand more than 100
  // times"), so an alias to no anchor gets a message about huge documents.
  it('an alias to no anchor is a syntax error, not an alias-limit one', () => {
    const [name, expected] = KNOWN_BUGS[1]!;
    expect(located(read(name).problems)).toEqual(expected);
  });

  // FORMATS.md §1 rejects aliases that "build very large documents". 120 uses of one small rule
  // build a small one, yet maxAliasCount 100 counts each use and rejects the file.
  it('a small anchor used 120 times is accepted', () => {
    const systems = Array.from({ length: 120 }, (_, i) =>
      [
        `  - id: S${i + 1}`,
        `    name: 指标 ${i + 1}`,
        '    weight: 1',
        `    rule: ${i === 0 ? '&check { type: check }' : '*check'}`,
      ].join('\n'),
    );
    const text = [
      'format: fazhi/indicators@1',
      'id: aliases',
      'name: 别名复用',
      'scale: 120',
      'systems:',
      ...systems,
      '',
    ].join('\n');
    const { system, problems } = parseIndicators(text, 'aliases.yaml');
    expect(problems).toEqual([]);
    expect(system).not.toBeNull();
  });
});
