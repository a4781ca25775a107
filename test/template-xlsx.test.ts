import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAndScore } from '../src/evaluate.js';
import { readXlsx } from '../src/load/xlsx.js';
import { fazhi, root } from './run-cli.js';

/**
 * The Excel template (`fazhi template --format xlsx`): what Excel will check, and the round trip
 * — a template filled in (here by code, cell by cell) scores exactly as the same values in CSV.
 * And nothing filled is ever overwritten without --force.
 */

const work = mkdtempSync(join(tmpdir(), 'fazhi-template-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const small = join(root, 'test', 'fixtures', 'eval', 'small');
const xml = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/** Writes `value` into column F of every row whose county (A) and id (C) have one, as Excel would store typed text. */
function fill(bytes: Uint8Array, values: ReadonlyMap<string, string>): Uint8Array {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>(?:<t[^>]*>([\s\S]*?)<\/t>)<\/si>/g)].map(
        (m) => m[1] ?? '',
      )
    : [];
  const text = (row: string, col: string): string => {
    const c = new RegExp(`<c r="${col}\\d+"([^>]*)>(?:<v>([^<]*)</v>|<is><t[^>]*>([^<]*)</t></is>)</c>`).exec(row);
    if (!c) return '';
    if (/t="s"/.test(c[1] ?? '')) return shared[Number(c[2])] ?? '';
    return c[2] ?? c[3] ?? '';
  };
  const filled = sheet.replace(
    /<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g,
    (whole, r: string, attrs: string, body: string) => {
      const value = values.get(`${text(body, 'A')}|${text(body, 'C')}`);
      if (value === undefined || value === '') return whole;
      // Cells stay in column order: F goes after E.
      const cell = `<c r="F${r}" t="inlineStr"><is><t>${xml(value)}</t></is></c>`;
      const at = body.search(/<c r="[G-Z]\d+"/);
      return `<row r="${r}"${attrs}>${at < 0 ? body + cell : body.slice(0, at) + cell + body.slice(at)}</row>`;
    },
  );
  files['xl/worksheets/sheet1.xml'] = strToU8(filled);
  return zipSync(files);
}

describe('the xlsx template', () => {
  const path = join(work, 'template.xlsx');
  const made = fazhi(['template', small, '--out', path]);

  it('is written for an --out ending in .xlsx, with a sheet to fill and a sheet of hints', async () => {
    expect(made.code, made.stderr).toBe(0);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const first = await readXlsx(bytes);
    if ('error' in first) throw new Error(first.error);
    expect(first.sheet).toBe('佐证');
    expect(first.records[0]?.fields.map((f) => f.text)).toEqual([
      'county_id',
      '县（市、区）',
      'indicator_id',
      '指标名称',
      '填写说明',
      'value',
      'source',
      'note',
    ]);
    // Five counties × 7 ids (5 items, 1 bonus, 1 veto).
    expect(first.records).toHaveLength(1 + 5 * 7);
    const hints = await readXlsx(bytes, '填写说明');
    if ('error' in hints) throw new Error(hints.error);
    expect(hints.records.map((r) => r.fields[0]?.text)).toEqual([
      'indicator_id',
      'S1.1',
      'S1.2',
      'S1.3',
      'S2.1',
      'S2.2',
      'B1',
      'V1',
    ]);
  });

  it('lets Excel check the cells: a drop-down for yes/no, whole numbers for counts, shares within 0–1; the header frozen', () => {
    const sheet = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml'] as Uint8Array);
    const rules = [...sheet.matchAll(/<dataValidation ([^>]*)><formula1>([^<]*)<\/formula1>/g)].map((m) => ({
      type: /type="(\w+)"/.exec(m[1] ?? '')?.[1],
      first: /sqref="([A-Z]+\d+)/.exec(m[1] ?? '')?.[1],
      formula: m[2],
    }));
    // S1.1 check: 是/否/不适用; S2.1 deduct: a whole number ≥ 0 (or text such as 不适用); S2.2 fraction: 0–1.
    expect(rules).toContainEqual({ type: 'list', first: 'F2', formula: '"是,否,不适用"' });
    expect(rules).toContainEqual({
      type: 'custom',
      first: 'F5',
      formula: 'OR(ISTEXT(F5),AND(ISNUMBER(F5),F5=INT(F5),F5&gt;=0))',
    });
    expect(rules).toContainEqual({
      type: 'custom',
      first: 'F6',
      formula: 'OR(ISTEXT(F6),AND(ISNUMBER(F6),F6&gt;=0,F6&lt;=1))',
    });
    // The veto takes 是 or 否 only.
    expect(rules).toContainEqual({ type: 'list', first: 'F8', formula: '"是,否"' });
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    // Chinese names need wide columns.
    expect(sheet).toMatch(/<col [^>]*min="4" max="4" width="(\d+)/);
  });

  it('filled in, reads back as evidence and scores exactly as the same values in CSV', async () => {
    const csv = await loadAndScore(small);
    const values = new Map<string, string>();
    for (const [county, cells] of csv.evidence) for (const [id, cell] of cells) values.set(`${county}|${id}`, cell.raw);
    const folder = join(work, 'filled');
    mkdirSync(join(folder, 'evidence'), { recursive: true });
    copyFileSync(join(small, 'indicators.yaml'), join(folder, 'indicators.yaml'));
    copyFileSync(join(small, 'counties.csv'), join(folder, 'counties.csv'));
    writeFileSync(join(folder, 'evidence', '佐证.xlsx'), fill(readFileSync(path), values));
    const xlsx = await loadAndScore(folder);
    const totals = (s: typeof csv) => s.scoring.counties.map((c) => [c.county.id, c.total, c.grade, c.rank]);
    expect(totals(xlsx)).toEqual(totals(csv));
    expect(xlsx.warnings).toEqual([]);
  });
});

describe('nothing filled is overwritten', () => {
  it('template refuses an existing --out without --force, and writes it with --force', () => {
    const path = join(work, 'filled.csv');
    writeFileSync(path, 'county_id,indicator_id,value\n532323,S1.1,是\n');
    const refused = fazhi(['template', small, '--out', path]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[file-exists]');
    expect(readFileSync(path, 'utf8')).toContain('532323,S1.1,是');
    const forced = fazhi(['template', small, '--out', path, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain('填写说明');
  });

  it('--format csv with an .xlsx name is a command-line mistake, nothing written', () => {
    const path = join(work, 'wrong.xlsx');
    const run = fazhi(['template', small, '--format', 'csv', '--out', path]);
    expect(run.code).toBe(2);
    expect(existsSync(path)).toBe(false);
  });

  it('init refuses a folder that is not empty, and writes into it with --force', () => {
    const dir = join(work, 'init');
    mkdirSync(dir);
    writeFileSync(join(dir, 'mine.txt'), 'keep');
    expect(fazhi(['init', dir]).code).toBe(1);
    const forced = fazhi(['init', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('keep');
    expect(existsSync(join(dir, 'indicators.yaml'))).toBe(true);
  });
});
