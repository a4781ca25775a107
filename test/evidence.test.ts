import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageWarnings } from '../src/cli/coverage-warning.js';
import { InputError } from '../src/cli/errors.js';
import { loadAndScore } from '../src/evaluate.js';
import { PROBLEMS } from '../src/i18n/problems.js';
import { type Decoded, decode } from '../src/load/decode.js';
import { loadEvaluation } from '../src/load/evaluation.js';
import { loadEvidence } from '../src/load/evidence.js';
import { parseIndicators } from '../src/load/indicators.js';
import { parseRegister } from '../src/load/register.js';
import type { Problem } from '../src/model/problem.js';

/** Evidence and register reading: every bad cell located, every cell accounted for. */

const fixtures = join(import.meta.dirname, 'fixtures', 'eval');
const display = (p: string) =>
  p
    .slice(fixtures.length + 1)
    .split('\\')
    .join('/');
const bad = await loadEvaluation({ dir: join(fixtures, 'bad'), display });
const small = await loadEvaluation({ dir: join(fixtures, 'small'), display });
const where = (ps: { code: string; file: string; line: number; column: number }[]) =>
  ps.map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).sort();

describe('a folder with every kind of bad evidence', () => {
  const e = bad;

  it('reports every problem at its file, line and column, in one run', () => {
    expect(where([...e.errors, ...e.evidence!.cellErrors, ...e.warnings])).toEqual([
      'bad/evidence/1-long.csv:10:13 evidence-conflict',
      'bad/evidence/1-long.csv:11:21 csv-too-many-fields',
      'bad/evidence/1-long.csv:12:13 evidence-bad-value',
      'bad/evidence/1-long.csv:3:1 evidence-unknown-county',
      'bad/evidence/1-long.csv:4:8 evidence-unknown-id',
      'bad/evidence/1-long.csv:5:13 evidence-bad-value',
      'bad/evidence/1-long.csv:6:13 evidence-fraction-over',
      'bad/evidence/1-long.csv:7:13 evidence-bad-value',
      'bad/evidence/1-long.csv:8:13 evidence-out-of-range',
      // a CRLF inside quotes counts as one line: the stray quote is on line 3
      'bad/evidence/2-crlf-bad.csv:3:4 csv-stray-quote',
      'bad/evidence/3-wide.csv:1:23 evidence-unknown-id',
      'bad/evidence/3-wide.csv:2:8 evidence-name-mismatch',
      'bad/evidence/4-nocol.csv:1:1 csv-missing-column',
    ]);
    expect(e.warnings.map((w) => w.code)).toEqual(['evidence-name-mismatch']);
  });

  it('accounts for every cell: used + duplicates + skipped + rejected = rows', () => {
    for (const i of e.inputs) expect(i.used + i.duplicates + i.skipped + i.rejected, i.path).toBe(i.rows);
    expect(e.inputs.find((i) => i.path.endsWith('1-long.csv'))).toMatchObject({ rows: 11, used: 2, rejected: 9 });
  });
});

describe('the small evaluation', () => {
  const e = small;

  it('reads long and wide form, keeps the first of identical duplicates with a warning', () => {
    expect(e.errors).toEqual([]);
    expect(e.warnings.map((w) => [w.code, w.line])).toEqual([['evidence-duplicate', 13]]);
    expect(e.inputs.map((i) => [i.path, i.rows, i.used, i.duplicates])).toEqual([
      ['small/counties.csv', 5, 5, 0],
      ['small/evidence/a-long.csv', 12, 11, 1],
      ['small/evidence/b-wide.csv', 17, 17, 0],
    ]);
    const cell = e.evidence!.table.get('532624')!.get('S2.2')!;
    expect(cell).toMatchObject({
      value: { kind: 'number', value: 0.92 },
      file: 'small/evidence/b-wide.csv',
      line: 3,
      column: 25,
    });
  });

  it('hashes every input', () => {
    for (const i of e.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

const system = parseIndicators(readFileSync(join(fixtures, 'small', 'indicators.yaml'), 'utf8'), 'i.yaml').system!;
const register = parseRegister('county_id,county,prefecture\na,甲,P\nb,乙,P\n', 'c.csv').register!;

describe('rounds', () => {
  const text = 'county_id,indicator_id,value,round\na,S1.1,是,baseline\na,S1.1,否,midterm\nb,S1.1,是,\n';

  it('several rounds and no --round: the run stops and lists them', () => {
    const r = loadEvidence(system, register.counties, [{ file: 'e.csv', text }], undefined);
    expect(r.fatal.map((p) => [p.code, p.args.rounds])).toEqual([['evidence-rounds', 'baseline, midterm']]);
  });

  it('--round keeps that round and rows with no round; other rounds are skipped', () => {
    const r = loadEvidence(system, register.counties, [{ file: 'e.csv', text }], 'midterm');
    expect(r.fatal).toEqual([]);
    expect(r.table.get('a')!.get('S1.1')!.value).toEqual({ kind: 'bool', value: false });
    expect(r.table.get('b')!.get('S1.1')!.value).toEqual({ kind: 'bool', value: true });
    expect(r.counts[0]).toMatchObject({ cells: 3, used: 2, skipped: 1 });
  });

  it('an unknown --round is an error naming the rounds there are', () => {
    const r = loadEvidence(system, register.counties, [{ file: 'e.csv', text }], 'final');
    expect(r.fatal.map((p) => p.code)).toEqual(['evidence-round-unknown']);
  });
});

describe('rows without a round belong to every round', () => {
  const text =
    'county_id,indicator_id,value,round\na,S1.1,是,\na,S1.1,否,midterm\nb,S1.1,是,baseline\nb,S1.1,否,midterm\n';

  it('a round row that contradicts a row of every round is a conflict, with or without --round', () => {
    const oneRound = 'county_id,indicator_id,value,round\na,S1.1,是,\na,S1.1,否,midterm\n';
    for (const [round, data] of [
      [undefined, oneRound],
      ['midterm', text],
    ] as const) {
      const r = loadEvidence(system, register.counties, [{ file: 'e.csv', text: data }], round);
      expect(r.cellErrors.map((p) => [p.code, p.line, p.args.first])).toEqual([['evidence-conflict', 3, 'e.csv:2']]);
    }
  });

  it('validating every round does not compare two named rounds with each other', () => {
    const r = loadEvidence(system, register.counties, [{ file: 'e.csv', text }], undefined);
    expect(r.cellErrors.filter((p) => p.args.county === 'b')).toEqual([]);
  });
});

describe('trailing empty columns, as spreadsheets export them', () => {
  it('are no columns; a value past the header still is an error', () => {
    const ok = loadEvidence(
      system,
      register.counties,
      [{ file: 'e.csv', text: 'county_id,indicator_id,value,,\na,S1.1,是,,\n' }],
      undefined,
    );
    expect([...ok.fatal, ...ok.cellErrors]).toEqual([]);
    const bad = loadEvidence(
      system,
      register.counties,
      [{ file: 'e.csv', text: 'county_id,indicator_id,value,,\na,S1.1,是,,x\n' }],
      undefined,
    );
    expect(bad.cellErrors.map((p) => [p.code, p.line, p.column])).toEqual([['csv-too-many-fields', 2, 11]]);
  });
});

describe('duplicates across files', () => {
  it('conflicting values are an error at the later cell naming the first; equal parsed values a warning', () => {
    const files = [
      { file: 'a.csv', text: 'county_id,indicator_id,value\na,S1.3,90%\na,S2.2,0.9\n' },
      { file: 'b.csv', text: 'county_id,indicator_id,value\na,S1.3,0.9\na,S2.2,0.91\n' },
    ];
    const r = loadEvidence(system, register.counties, files, undefined);
    expect(r.warnings.map((p) => [p.code, p.file, p.line, p.args.first])).toEqual([
      ['evidence-duplicate', 'b.csv', 2, 'a.csv:2'],
    ]);
    expect(r.cellErrors.map((p) => [p.code, p.file, p.line, p.args.first])).toEqual([
      ['evidence-conflict', 'b.csv', 3, 'a.csv:3'],
    ]);
  });

  it('an empty cell gives way to a value elsewhere', () => {
    const files = [
      { file: 'a.csv', text: 'county_id,indicator_id,value\na,S1.1,\n' },
      { file: 'b.csv', text: 'county_id,S1.1\na,是\n' },
    ];
    const r = loadEvidence(system, register.counties, files, undefined);
    expect(r.cellErrors).toEqual([]);
    expect(r.table.get('a')!.get('S1.1')!.value).toEqual({ kind: 'bool', value: true });
    expect(r.counts.map((c) => [c.used, c.duplicates])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('a later empty cell keeps the value already given, with a warning that says so', () => {
    const files = [
      { file: 'a.csv', text: 'county_id,indicator_id,value\na,S1.1,是\n' },
      { file: 'b.csv', text: 'county_id,indicator_id,value\na,S1.1,NA\n' },
    ];
    const r = loadEvidence(system, register.counties, files, undefined);
    expect(r.warnings.map((p) => [p.code, p.file, p.args.first])).toEqual([
      ['evidence-empty-duplicate', 'b.csv', 'a.csv:2'],
    ]);
    expect(r.table.get('a')!.get('S1.1')!.value).toEqual({ kind: 'bool', value: true });
  });
});

describe('register', () => {
  it('Chinese header aliases, NFKC, extra columns kept', () => {
    const r = parseRegister(
      '\u533a\u5212\u4ee3\u7801, 县（市、区） ,州市,batch\n532323,牟定县,楚雄彝族自治州,1\n',
      'c.csv',
    );
    expect(r.problems).toEqual([]);
    expect(r.register!.counties).toEqual([
      { id: '532323', name: '牟定县', prefecture: '楚雄彝族自治州', extra: { batch: '1' } },
    ]);
  });

  it('missing columns, empty and duplicate ids are located', () => {
    expect(parseRegister('county_id,county\n1,a\n', 'c.csv').problems.map((p) => [p.code, p.args.column])).toEqual([
      ['csv-missing-column', 'prefecture'],
    ]);
    const r = parseRegister('county_id,county,prefecture\n1,a,P\n,b,P\n1,c,P\n', 'c.csv');
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['register-empty-id', 3, 1],
      ['register-duplicate-county', 4, 1],
    ]);
  });
});

describe('encodings', () => {
  it('GB18030 with CRLF, as Excel writes it on Chinese Windows, reads like UTF-8', () => {
    // "county_id,indicator_id,value,note\r\na,S1.1,是,县\r\n" with 是 = CA C7 and 县 = CF D8 in GB18030
    const bytes = Buffer.concat([
      Buffer.from('county_id,indicator_id,value,note\r\na,S1.1,'),
      Buffer.from([0xca, 0xc7]),
      Buffer.from(','),
      Buffer.from([0xcf, 0xd8]),
      Buffer.from('\r\n'),
    ]);
    const { text, encoding } = decode(bytes) as Decoded;
    expect(encoding).toBe('gb18030');
    const r = loadEvidence(system, register.counties, [{ file: 'gb.csv', text }], undefined);
    expect(r.table.get('a')!.get('S1.1')).toMatchObject({
      value: { kind: 'bool', value: true },
      note: '县',
      line: 2,
      column: 8,
    });
  });
});

describe('every register, CSV and evidence problem has a case', () => {
  const ev = (text: string, file = 'e.csv') => {
    const r = loadEvidence(system, register.counties, [{ file, text }], undefined);
    return [...r.fatal, ...r.cellErrors, ...r.warnings];
  };
  const inFolder = async (files: Record<string, string>): Promise<Problem[]> => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-eval-'));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const e = await loadEvaluation({
        dir,
        indicators: join(fixtures, 'small', 'indicators.yaml'),
        display: (p) => p.slice(dir.length + 1),
      });
      return [...e.errors, ...e.warnings];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const missingUnderError = async (): Promise<Problem[]> => {
    const dir = join(fixtures, 'small');
    try {
      await loadAndScore(dir, { indicators: join(fixtures, 'missing-error.yaml') });
    } catch (e) {
      if (e instanceof InputError) return [...e.problems];
      throw e;
    }
    return [];
  };

  const CASES: [string, () => Problem[] | Promise<Problem[]>, string, number, number][] = [
    ['an empty file', () => ev(''), 'csv-empty', 0, 0],
    ['an empty header cell', () => ev('county_id,,indicator_id,value\n'), 'csv-empty-header', 1, 11],
    ['a header twice', () => ev('county_id,indicator_id,value,value\n'), 'csv-duplicate-header', 1, 30],
    ['an unclosed quote', () => ev('county_id,indicator_id,value\na,S1.1,"是\n'), 'csv-unclosed-quote', 2, 8],
    [
      'rows of bare separators',
      () => ev('county_id,indicator_id,value\na,S1.1,是\n,,\n , ,\n'),
      'csv-empty-rows',
      3,
      1,
    ],
    [
      'a register cell left empty',
      () => parseRegister('county_id,county,prefecture\n1,,P\n', 'c.csv').problems,
      'register-empty-cell',
      2,
      3,
    ],
    [
      'a register with no county',
      () => parseRegister('county_id,county,prefecture\n', 'c.csv').problems,
      'register-empty',
      0,
      0,
    ],
    ['no register at all', () => inFolder({ 'evidence/a.csv': 'county_id,S1.1\n' }), 'register-not-given', 0, 0],
    ['an .xlsx register that is no workbook', () => inFolder({ 'counties.xlsx': 'PK' }), 'xlsx-unreadable', 0, 0],
    ['missing: error', missingUnderError, 'evidence-missing', 6, 1],
    [
      'a county short of evidence (validate)',
      () => coverageWarnings(small, { dir: join(fixtures, 'small'), where: undefined }, async () => small),
      'evidence-incomplete',
      6,
      1,
    ],
    ['a rate written without %', () => ev('county_id,indicator_id,value\na,S1.3,95\n'), 'evidence-not-rate', 2, 8],
    [
      'a number past ±1e15 (1e999)',
      () => ev('county_id,indicator_id,value\na,S1.3,1e999\n'),
      'evidence-too-large',
      2,
      8,
    ],
    [
      'a value outside the item’s range',
      () => ev('county_id,indicator_id,value\na,S1.2,45\n'),
      'evidence-outside-range',
      2,
      8,
    ],
    [
      'an empty cell after a value',
      () => ev('county_id,indicator_id,value\na,S1.1,是\na,S1.1,NA\n'),
      'evidence-empty-duplicate',
      3,
      8,
    ],
  ];

  it.each(CASES)('%s', async (_, run, code, line, column) => {
    expect((await run()).map((p) => [p.code, p.line, p.column])).toContainEqual([code, line, column]);
  });

  it('covers every code of this group, here or in the fixtures above', async () => {
    // xlsx-no-sheet has its case in xlsx.test.ts, the workbook limits (xlsx-too-…, xlsx-sheet-too-large) theirs in xlsx-limits.test.ts.
    const GROUP = /^(csv|register|evidence|xlsx)-(?!no-sheet|too-|sheet-too-large)/;
    const produced = new Set([
      ...(await Promise.all(CASES.map(([, run]) => run()))).flat().map((p) => p.code),
      ...[...bad.errors, ...bad.evidence!.cellErrors, ...bad.warnings].map((p) => p.code),
      ...small.warnings.map((p) => p.code),
      ...loadEvidence(
        system,
        register.counties,
        [{ file: 'e.csv', text: 'county_id,indicator_id,value,round\na,S1.1,是,x\na,S1.1,是,y\n' }],
        undefined,
      ).fatal.map((p) => p.code),
      ...loadEvidence(
        system,
        register.counties,
        [{ file: 'e.csv', text: 'county_id,indicator_id,value,round\na,S1.1,是,x\n' }],
        'z',
      ).fatal.map((p) => p.code),
      ...parseRegister('county_id,county,prefecture\n1,a,P\n,b,P\n1,c,P\n', 'c.csv').problems.map((p) => p.code),
    ]);
    const group = Object.keys(PROBLEMS).filter((c) => GROUP.test(c));
    expect(group.filter((c) => !produced.has(c as never))).toEqual([]);
  });
});
