import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { loadEvaluation } from '../src/load/evaluation.js';
import { where } from '../src/report/problems.js';

/** .xlsx registers and evidence read like CSV files of the same layout (FORMATS.md §5). */

const fixtures = join(import.meta.dirname, 'fixtures', 'eval', 'small');
const dir = mkdtempSync(join(tmpdir(), 'fazhi-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = { value: string | number | boolean; format?: string } | null;
const sheet = (rows: (string | number | boolean | null | { value: number; format: string })[][]): Cell[][] =>
  rows.map((r) => r.map((v) => (v === null ? null : typeof v === 'object' ? v : { value: v })));

async function xlsx(path: string, rows: Parameters<typeof sheet>[0], name = 'Sheet1'): Promise<void> {
  writeFileSync(path, await writeXlsxFile(sheet(rows) as never, { sheet: name }).toBuffer());
}

mkdirSync(join(dir, 'evidence'));
copyFileSync(join(fixtures, 'indicators.yaml'), join(dir, 'indicators.yaml'));
await xlsx(join(dir, 'counties.xlsx'), [
  ['区划代码', '县(市、区)', '州(市)'],
  [532323, '牟定县', '楚雄彝族自治州'],
  ['532324', '南华县', '楚雄彝族自治州'],
]);
await xlsx(
  join(dir, 'evidence', '楚雄州.xlsx'),
  [
    ['county_id', 'indicator_id', 'value'],
    [532323, 'S1.3', { value: 0.9, format: '0%' }],
    [532323, 'S1.1', '是'],
    [532324, 'S2.1', 1.5],
    [532324, 'S1.2', 1],
  ],
  '佐证',
);
const display = (p: string) => p.slice(dir.length + 1);

describe('xlsx', () => {
  it('numeric cells are numbers: a cell shown as 90% holds 0.9; codes typed as numbers match', async () => {
    const e = await loadEvaluation({ dir, display });
    expect(e.register!.counties.map((c) => c.id)).toEqual(['532323', '532324']);
    expect(e.evidence!.table.get('532323')!.get('S1.3')!.value).toEqual({ kind: 'number', value: 0.9 });
    expect(e.evidence!.table.get('532324')!.get('S1.2')!.value).toEqual({ kind: 'number', value: 1 });
  });

  it('problems name the file, sheet and cell', async () => {
    const e = await loadEvaluation({ dir, display });
    expect(e.evidence!.cellErrors.map((p) => [p.code, where(p)])).toEqual([
      ['evidence-bad-value', 'evidence/楚雄州.xlsx!佐证!C4'],
    ]);
    expect(e.inputs.find((i) => i.path.endsWith('.xlsx') && i.path.startsWith('evidence'))).toMatchObject({
      rows: 4,
      used: 3,
      rejected: 1,
    });
  });

  it('validate groups a workbook’s problems under the file', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = join(import.meta.dirname, '..', 'bin', 'fazhi.js');
    const r = spawnSync(process.execPath, [bin, 'validate', dir], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.includes('.xlsx'))).toHaveLength(2);
    expect(r.stdout).toMatch(/✗ .*evidence\/楚雄州\.xlsx — evidence: 4 cells — 1 error/);
    expect(r.stderr).toContain('evidence/楚雄州.xlsx!佐证!C4: error:');
  });

  it('--sheet picks a sheet by name; an unknown one lists the sheets', async () => {
    const e = await loadEvaluation({ dir, sheet: '第二页', display });
    expect(e.errors.map((p) => [p.code, p.args.sheets])).toContainEqual(['xlsx-no-sheet', 'Sheet1']);
  });
});
