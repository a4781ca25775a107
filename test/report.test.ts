import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../src/report/csv.js';
import { markdownTable, markdownTextTable } from '../src/report/markdown.js';
import { xlsxBytes } from '../src/report/xlsx.js';

describe('csv', () => {
  it('defuses what a spreadsheet would take for a formula, never a plain number', () => {
    expect(['=1+1', '+86 871 1234', '-x', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1+1",
      "'+86 871 1234",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(['-3', '+2.5', '-1e-5', 3, -3].map(csvCell)).toEqual(['-3', '+2.5', '-1e-5', '3', '-3']);
  });

  it('quotes commas, quotes and line breaks; BOM and CRLF for Excel', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(
      csvText([
        ['a', 1],
        [null, ''],
      ]),
    ).toBe('\ufeffa,1\r\n,\r\n');
  });
});

describe('xlsx', () => {
  it('writes numbers as numbers and defuses formulas like CSV', async () => {
    const bytes = await xlsxBytes(
      [
        ['县', '总分'],
        ['=HYPERLINK("x")', 87.25],
        ['牟定县', -3],
      ],
      '得分',
    );
    const [sheet] = (await readXlsxFile(Buffer.from(bytes))) as { sheet: string; data: unknown[][] }[];
    expect(sheet).toEqual({
      sheet: '得分',
      data: [
        ['县', '总分'],
        ['\'=HYPERLINK("x")', 87.25],
        ['牟定县', -3],
      ],
    });
  });
});

describe('markdown', () => {
  it('escapes pipes and line breaks in cells', () => {
    expect(markdownTable(['a', 'b'], [['x|y', 'p\nq']], ['left', 'right'])).toBe(
      '| a | b |\n| --- | ---: |\n| x\\|y | p q |\n',
    );
  });

  it('plain-text tables escape HTML and emphasis from user files, so a name renders as written', () => {
    expect(markdownTextTable(['县'], [['<script>*x*_[y]'], ['A&B']], ['left'])).toBe(
      '| 县 |\n| --- |\n| &lt;script&gt;\\*x\\*\\_\\[y\\] |\n| A&amp;B |\n',
    );
  });
});
