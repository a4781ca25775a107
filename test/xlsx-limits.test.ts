import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadEvaluation } from '../src/load/evaluation.js';
import { readXlsx, XLSX_LIMITS } from '../src/load/xlsx.js';
import { where } from '../src/report/problems.js';
import { dosTime, stampZip } from '../src/report/zip-time.js';

/**
 * Hostile and large workbooks (docs/limits.md, Excel workbooks): limits are checked on the zip's
 * directory and the sheet's declared area before anything grows, only the chosen sheet is read,
 * Excel error cells are errors at their cell, and every workbook fazhi writes is the same bytes
 * on every run. The workbooks are made here, part by part, so that they can lie.
 */

// Several tests run the command line a few times; the machine may be busy.
vi.setConfig({ testTimeout: 60_000 });

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fazhi.js');
const small = join(root, 'test', 'fixtures', 'eval', 'small');
const tmp = mkdtempSync(join(tmpdir(), 'fazhi-xlsx-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface SheetSpec {
  readonly name: string;
  readonly xml: string;
  readonly hidden?: boolean;
}

const NS = 'http://schemas.openxmlformats.org';
function book(sheets: readonly SheetSpec[], extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="${NS}/package/2006/content-types"/>`),
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="${NS}/package/2006/relationships">${sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ),
    ...Object.fromEntries(sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, strToU8(s.xml)])),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  };
  return zipSync(files);
}

const ws = (rows: string, dimension?: string) =>
  `<?xml version="1.0"?><worksheet xmlns="${NS}/spreadsheetml/2006/main">${
    dimension ? `<dimension ref="${dimension}"/>` : ''
  }<sheetData>${rows}</sheetData></worksheet>`;
const str = (r: string, t: string) => `<c r="${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
const num = (r: string, v: string | number) => `<c r="${r}"><v>${v}</v></c>`;
const HEAD = `<row r="1">${str('A1', 'county_id')}${str('B1', 'indicator_id')}${str('C1', 'value')}</row>`;
const row = (r: number, county: string, id: string, value: string) =>
  `<row r="${r}">${num(`A${r}`, county)}${str(`B${r}`, id)}${value}</row>`;

/** An evaluation folder (the small fixture's indicators and register) with `evidence/e.xlsx`. */
function folder(name: string, workbook: Uint8Array): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  copyFileSync(join(small, 'indicators.yaml'), join(dir, 'indicators.yaml'));
  copyFileSync(join(small, 'counties.csv'), join(dir, 'counties.csv'));
  writeFileSync(join(dir, 'evidence', 'e.xlsx'), workbook);
  return dir;
}

const display = (dir: string) => (p: string) => p.slice(dir.length + 1);
async function problems(dir: string): Promise<[string, string][]> {
  const e = await loadEvaluation({ dir, display: display(dir) });
  return [...e.errors, ...(e.evidence?.cellErrors ?? [])].map((p) => [p.code, where(p)]);
}

const fazhi = (args: readonly string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env },
  });

const ERRORS = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'];

describe('Excel error cells', () => {
  it('an error value, computed (t="e") or cached as a formula’s text, is an error at its own cell', async () => {
    const rows = ERRORS.flatMap((e, k) => [
      row(2 + 2 * k, '532323', 'S1.2', `<c r="C${2 + 2 * k}" t="e"><f>X()</f><v>${e}</v></c>`),
      row(3 + 2 * k, '532324', 'S1.2', `<c r="C${3 + 2 * k}" t="str"><f>X()</f><v>${e}</v></c>`),
    ]);
    const dir = folder('errors', book([{ name: 'S', xml: ws(HEAD + rows.join('')) }]));
    const found = await problems(dir);
    expect(found).toEqual(
      ERRORS.flatMap((_, k) => [
        ['evidence-bad-value', `evidence/e.xlsx!S!C${2 + 2 * k}`],
        ['evidence-bad-value', `evidence/e.xlsx!S!C${3 + 2 * k}`],
      ]),
    );
    const r = fazhi(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('evidence/e.xlsx!S!C2: error:');
    expect(r.stderr).toContain('#DIV/0!');
  });

  it('explain names the value’s cell, also when the row stops before it', async () => {
    const dir = folder(
      'explain',
      book([
        {
          name: 'S',
          xml: ws(
            HEAD +
              row(2, '532323', 'S1.2', '') +
              row(3, '532324', 'S1.2', '<c r="C3" t="e"><v>#DIV/0!</v></c>') +
              row(4, '532326', 'S1.2', num('C4', 1)),
          ),
        },
      ]),
    );
    const shown = (county: string) =>
      fazhi(['explain', dir, '--county', county, '--item', 'S1.2', '--keep-going']).stdout.match(/e\.xlsx!S!\w+/)?.[0];
    expect(shown('532323')).toBe('e.xlsx!S!C2');
    expect(shown('532324')).toBe('e.xlsx!S!C3');
    expect(shown('532326')).toBe('e.xlsx!S!C4');
  });
});

describe('workbooks that explode', () => {
  it('a sheet declaring a far cell (XFD1048576) is refused at once, named by file and sheet', async () => {
    const far = ws(`${HEAD}${row(2, '532323', 'S1.2', num('C2', 1))}<row r="1048576">${num('XFD1048576', 1)}</row>`);
    const dir = folder('far', book([{ name: 'S', xml: far }]));
    const declared = book([{ name: 'S', xml: ws(HEAD + row(2, '532323', 'S1.2', num('C2', 1)), 'A1:XFD1048576') }]);
    writeFileSync(join(dir, 'evidence', 'd.xlsx'), declared);
    expect(await problems(dir)).toEqual([
      ['xlsx-sheet-too-large', 'evidence/d.xlsx!S'],
      ['xlsx-sheet-too-large', 'evidence/e.xlsx!S!XFD1048576'],
    ]);
    const r = fazhi(['score', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/evidence\/d\.xlsx!S: error: .*A1:XFD1048576.*\[xlsx-sheet-too-large\]/);
  });

  it('Excel’s last row is read; one past it (or past the column limit) is refused', () => {
    const last = readXlsx(book([{ name: 'S', xml: ws(`${HEAD}<row r="1048576">${num('C1048576', 7)}</row>`) }]));
    expect(last).toMatchObject({ sheet: 'S' });
    if (!('records' in last)) throw new Error('not read');
    expect(last.records.at(-1)).toEqual({
      line: 1048576,
      fields: [
        { text: '', line: 1048576, column: 1 },
        { text: '', line: 1048576, column: 2 },
        { text: '7', line: 1048576, column: 3 },
      ],
    });
    const past = readXlsx(book([{ name: 'S', xml: ws(`${HEAD}<row r="1048577">${num('A1048577', 7)}</row>`) }]));
    expect(past).toMatchObject({ error: 'limit', code: 'xlsx-sheet-too-large', line: 1048577, column: 1 });
    const wide = readXlsx(book([{ name: 'S', xml: ws(`${HEAD}<row r="2">${num('ALM2', 7)}</row>`) }]));
    expect(wide).toMatchObject({ error: 'limit', code: 'xlsx-sheet-too-large', line: 2, column: 1001 });
    expect(readXlsx(book([{ name: 'S', xml: ws(HEAD, 'A1:ALL1048576') }]))).toMatchObject({ sheet: 'S' });
  });

  it('only the sheet fazhi reads is inflated: a hidden sheet past every limit is never looked at', () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `<row r="${i * 500 + 1}">${num(`E${i * 500 + 1}`, i)}</row>`);
    const limits = { ...XLSX_LIMITS, cells: 100, part: 64 * 1024 };
    const bytes = book([
      { name: 'S', xml: ws(HEAD + row(2, '532323', 'S1.2', num('C2', 1))) },
      { name: 'H', hidden: true, xml: ws(huge.join(''), 'A1:XFD1048576') },
    ]);
    expect(readXlsx(bytes, undefined, limits)).toMatchObject({ sheet: 'S' });
    expect(readXlsx(bytes, 'H', limits)).toMatchObject({
      error: 'limit',
      code: 'xlsx-too-large',
      sheet: 'H',
      args: { part: 'xl/worksheets/sheet2.xml' },
    });
    expect(readXlsx(bytes, 'H', { ...limits, part: XLSX_LIMITS.part })).toMatchObject({
      code: 'xlsx-sheet-too-large',
      sheet: 'H',
    });
  });

  it('cells past the limit, parts too large, too many parts: refused with the limit', () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(i + 2, '532323', 'S1.2', num(`C${i + 2}`, 1))).join('');
    const bytes = book([{ name: 'S', xml: ws(HEAD + rows) }]);
    expect(readXlsx(bytes, undefined, { ...XLSX_LIMITS, cells: 100 })).toMatchObject({
      error: 'limit',
      code: 'xlsx-too-many-cells',
      sheet: 'S',
      line: 34,
      column: 2,
      args: { limit: 100 },
    });
    // A gap counts: the cells run from column A to the last non-empty one.
    const gap = book([{ name: 'S', xml: ws(`${HEAD}<row r="2">${num('CV2', 1)}</row>`) }]);
    expect(readXlsx(gap, undefined, { ...XLSX_LIMITS, cells: 50 })).toMatchObject({ code: 'xlsx-too-many-cells' });
    expect(readXlsx(bytes, undefined, { ...XLSX_LIMITS, part: 1000 })).toMatchObject({
      code: 'xlsx-too-large',
      sheet: 'S',
      args: { part: 'xl/worksheets/sheet1.xml', limit: 1000 },
    });
    expect(readXlsx(bytes, undefined, { ...XLSX_LIMITS, total: 2000 })).toMatchObject({
      code: 'xlsx-too-large',
      args: { part: '', limit: 2000 },
    });
    expect(readXlsx(bytes, undefined, { ...XLSX_LIMITS, parts: 4 })).toMatchObject({
      code: 'xlsx-too-many-parts',
      args: { count: 5, limit: 4 },
    });
  });

  it('a part that inflates past the size its header declares is damaged, and is not inflated further', () => {
    const bytes = book([{ name: 'S', xml: ws(HEAD) + ' '.repeat(5_000_000) }]);
    // Make the sheet's entry declare 100 bytes, in the local header and the central directory.
    const lie = Uint8Array.from(bytes);
    const name = strToU8('xl/worksheets/sheet1.xml');
    const u32 = (b: Uint8Array, at: number) =>
      (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24);
    for (let at = 0; at < lie.length - 4; at++) {
      const sig = u32(lie, at) >>> 0;
      const [sizeAt, nameAt] = sig === 0x04034b50 ? [22, 30] : sig === 0x02014b50 ? [24, 46] : [-1, -1];
      if (sizeAt < 0 || !name.every((b, i) => lie[at + nameAt + i] === b)) continue;
      lie.set([100, 0, 0, 0], at + sizeAt);
    }
    const r = readXlsx(lie);
    expect(r).toMatchObject({ error: 'unreadable' });
    expect((r as { reason: string }).reason).toContain('larger than declared');
  });

  it('the limit codes come out through loadEvaluation with the file, the sheet and the cell', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i + 2, '532323', 'S1.2', num(`C${i + 2}`, 1))).join('');
    const dir = folder('limits', book([{ name: 'S', xml: ws(HEAD + rows) }]));
    const e = await loadEvaluation({ dir, display: display(dir) });
    expect(e.errors).toEqual([]);
    const many = Array.from({ length: 10_001 }, (_, i) => [`x/${i}.xml`, '']);
    writeFileSync(join(dir, 'evidence', 'e.xlsx'), book([{ name: 'S', xml: ws(HEAD) }], Object.fromEntries(many)));
    expect(await problems(dir)).toEqual([['xlsx-too-many-parts', 'evidence/e.xlsx']]);
  });
});

describe('reading what Excel writes', () => {
  it('shared strings with rich text and escapes, booleans, dates in the 1904 system, a DOCTYPE left alone', () => {
    const strings = `<!DOCTYPE sst [<!ENTITY x "EXPANDED">]><sst xmlns="${NS}/spreadsheetml/2006/main"><si><t>county_id</t></si><si><r><t>南</t></r><r><rPr/><t xml:space="preserve">华 </t></r><rPh><t>なん</t></rPh></si><si><t>a_x000D_b &amp;x; &#x4E2D;</t></si></sst>`;
    const styles = `<styleSheet xmlns="${NS}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/></cellXfs></styleSheet>`;
    const sheet = ws(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" s="1"><v>0</v></c><c r="C2" s="2"><v>0.9</v></c></row>`,
    );
    const bytes = book([{ name: 'S', xml: sheet }], {
      'xl/sharedStrings.xml': strings,
      'xl/styles.xml': styles,
    });
    const withRels = unzipSync(bytes);
    withRels['xl/workbook.xml'] = strToU8(
      new TextDecoder().decode(withRels['xl/workbook.xml']).replace('<sheets>', '<workbookPr date1904="1"/><sheets>'),
    );
    const r = readXlsx(zipSync(withRels));
    if (!('records' in r)) throw new Error(JSON.stringify(r));
    expect(r.records.map((x) => x.fields.map((f) => f.text))).toEqual([
      ['county_id', '南华', 'a\rb &x; 中'],
      ['true', '1904-01-01', '0.9'],
    ]);
  });
});

describe('workbooks fazhi writes are the same bytes on every run', () => {
  const runs: [string, string[]][] = [
    ['score', ['score', 'test/fixtures/eval/small']],
    ['rank', ['rank', 'test/fixtures/eval/small']],
    ['gaps', ['gaps', 'test/fixtures/eval/small']],
    ['coverage', ['coverage', 'test/fixtures/eval/incomplete']],
    ['scorecard', ['scorecard', 'test/fixtures/eval/small']],
    ['reconcile', ['reconcile', 'test/fixtures/eval/v02']],
    ['compare', ['compare', 'test/fixtures/eval/rounds', '--rounds', 'baseline,midterm']],
    ['template', ['template', 'test/fixtures/eval/small', '--force']],
  ];
  /** Every entry's [time, date] fields, from the central directory. */
  const stamps = (zip: Uint8Array): [number, number][] => {
    const out: [number, number][] = [];
    const u16 = (at: number) => (zip[at] ?? 0) | ((zip[at + 1] ?? 0) << 8);
    for (let at = 0; at < zip.length - 4; at++)
      if (u16(at) === 0x4b50 && u16(at + 2) === 0x0201) out.push([u16(at + 12), u16(at + 14)]);
    return out;
  };

  it.each(runs)('%s --format xlsx: identical across runs and time zones, entries dated 1980-01-01', (name, args) => {
    const write = (tag: string, env: Record<string, string>) => {
      const out = join(tmp, `${name}-${tag}.xlsx`);
      const r = fazhi([...args, '--format', 'xlsx', '--out', out], env);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(out);
    };
    const a = write('utc', { TZ: 'UTC' });
    const b = write('east', { TZ: 'Asia/Shanghai' });
    expect(b.equals(a)).toBe(true);
    const fixed = dosTime(new Date(Date.UTC(1980, 0, 1)));
    expect(stamps(a).length).toBeGreaterThan(3);
    expect(new Set(stamps(a).map(([t, d]) => `${t}/${d}`))).toEqual(new Set([`${fixed.time}/${fixed.date}`]));
    // SOURCE_DATE_EPOCH dates the entries instead, in UTC whatever the zone; nothing else changes.
    const d1 = write('epoch-west', { TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: '1700000000' });
    const when = dosTime(new Date(1700000000 * 1000));
    expect(new Set(stamps(d1).map(([t, d]) => `${t}/${d}`))).toEqual(new Set([`${when.time}/${when.date}`]));
    expect(Buffer.from(stampZip(d1)).equals(a)).toBe(true);
  });
});

describe('damaged workbooks', () => {
  it('byte flips and truncations end in a result or xlsx-unreadable, never a thrown error', () => {
    const valid = book([
      {
        name: 'S',
        xml: ws(
          HEAD + Array.from({ length: 30 }, (_, i) => row(i + 2, '532323', 'S1.2', num(`C${i + 2}`, i))).join(''),
        ),
      },
    ]);
    let seed = 14;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 400; k++) {
      const bytes = Uint8Array.from(valid);
      if (k % 4 === 0) {
        const cut = bytes.subarray(0, random(bytes.length));
        expect(() => readXlsx(cut)).not.toThrow();
        continue;
      }
      for (let n = 0; n <= random(6); n++) bytes[random(bytes.length)] = random(256);
      const r = readXlsx(bytes);
      expect('records' in r || 'error' in r).toBe(true);
    }
  });

  it('a tag of a million characters is read in one pass', () => {
    const long = `<row r="2"><c r="A2" ${'a'.repeat(1_000_000)} t="inlineStr"><is><t>x</t></is></c></row>`;
    const r = readXlsx(book([{ name: 'S', xml: ws(HEAD + long) }]));
    if (!('records' in r)) throw new Error(JSON.stringify(r));
    expect(r.records.at(-1)?.fields.map((f) => f.text)).toEqual(['x']);
  });
});

describe('names from inside a workbook in messages', () => {
  it('are cut at 60 characters, with control and direction characters escaped as everywhere', () => {
    const name = `xl/worksheets/\u001b]0;owned\u0007\u202e${'x'.repeat(100)}.xml`;
    const files = unzipSync(book([{ name: 'S', xml: ws(HEAD) + ' '.repeat(100_000) }]));
    const sheet = files['xl/worksheets/sheet1.xml'] ?? new Uint8Array();
    delete files['xl/worksheets/sheet1.xml'];
    files[name] = sheet;
    const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']);
    files['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('worksheets/sheet1.xml', name.slice(3)));
    const r = readXlsx(zipSync(files), undefined, { ...XLSX_LIMITS, part: 50_000 });
    expect(r).toMatchObject({ code: 'xlsx-too-large' });
    const part = 'args' in r ? String(r.args.part) : '';
    expect(part).toBe(`xl/worksheets/\\x1b]0;owned\\x07\\u202e${'x'.repeat(34)}…`);
  });
});
