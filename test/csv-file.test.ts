// CSV files read in chunks (issue 15): the records, encodings and located problems are those of
// the whole file decoded at once (`decode`) and read as one text (`readCsv`), wherever the chunks
// end: inside a character, between CR and LF, inside quotes, inside a BOM.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/load/csv.js';
import { openCsvFile } from '../src/load/csv-file.js';
import { decode, type Encoding } from '../src/load/decode.js';
import { decodeProblem } from '../src/load/read.js';
import { openTable } from '../src/load/table.js';
import type { Problem } from '../src/model/problem.js';

const tmp = mkdtempSync(join(tmpdir(), 'fazhi-csv-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What a whole-file reading gives: the encoding and records, or the first problem. */
function whole(bytes: Buffer, forced?: Encoding): unknown {
  const d = decode(bytes, forced);
  if ('fault' in d) return { problem: decodeProblem(d.fault, 'f.csv') };
  return { encoding: d.encoding, records: records(() => readCsv(d.text)) };
}

function records(read: () => Iterable<unknown>): unknown {
  try {
    return [...read()];
  } catch (e) {
    return { fault: e };
  }
}

let n = 0;
function streamed(bytes: Buffer, chunk: number, forced?: Encoding): unknown {
  const path = join(tmp, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const f = openCsvFile(path, 'f.csv', forced, chunk);
  if ('problem' in f) return f;
  expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  return { encoding: f.encoding, records: records(() => f.records) };
}

// Pieces that matter to chunk ends: multi-byte characters in both encodings, bad bytes, all
// three line breaks, quotes, and a BOM that may come first.
const PIECES = [
  Buffer.from('a'),
  Buffer.from(','),
  Buffer.from('"'),
  Buffer.from('""'),
  Buffer.from('\n'),
  Buffer.from('\r'),
  Buffer.from('\r\n'),
  Buffer.from(' '),
  Buffer.from('县'),
  Buffer.from('😀'),
  Buffer.from([0xca, 0xc7]), // 是 in GB18030
  Buffer.from([0x81, 0x30, 0x81, 0x30]), // a four-byte GB18030 character
  Buffer.from([0xff]),
  Buffer.from([0xe5, 0x8e]), // a truncated UTF-8 character
  Buffer.from([0x00]),
];
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const files = fc
  .tuple(fc.boolean(), fc.array(fc.integer({ min: 0, max: PIECES.length - 1 }), { maxLength: 40 }))
  .map(([bom, picks]) => Buffer.concat([...(bom ? [BOM] : []), ...picks.map((i) => PIECES[i] as Buffer)]));

describe('a CSV file read in chunks reads as the whole file', () => {
  it.each([1, 2, 3, 7])('chunks of %i bytes, guessed encoding', (chunk) => {
    fc.assert(
      fc.property(files, (bytes) => {
        expect(streamed(bytes, chunk)).toEqual(whole(bytes));
      }),
      { numRuns: 400, seed: 15 + chunk },
    );
  });

  it.each(['utf8', 'gb18030'] as const)('--encoding %s', (encoding) => {
    fc.assert(
      fc.property(files, fc.integer({ min: 1, max: 5 }), (bytes, chunk) => {
        expect(streamed(bytes, chunk, encoding)).toEqual(whole(bytes, encoding));
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('GB18030 text is read as GB18030, in small chunks too', () => {
    // 是,县 over CRLF lines: the second line has a quoted field across a line break.
    const gb = Buffer.from([
      ...Buffer.from('a,b\r\n'),
      ...[0xca, 0xc7],
      ...Buffer.from(',"'),
      ...[0xcf, 0xd8, 0x0d, 0x0a, 0xcf, 0xd8],
      ...Buffer.from('"\r\n'),
    ]);
    for (const chunk of [1, 2, 3, 1 << 20]) {
      const f = streamed(gb, chunk) as { encoding: string; records: unknown };
      expect(f.encoding).toBe('gb18030');
      expect(f.records).toEqual([
        {
          line: 1,
          fields: [
            { text: 'a', line: 1, column: 1 },
            { text: 'b', line: 1, column: 3 },
          ],
        },
        {
          line: 2,
          fields: [
            { text: '是', line: 2, column: 1 },
            { text: '县\r\n县', line: 2, column: 3 },
          ],
        },
      ]);
    }
  });

  it('a file larger than any chunk is never read whole: the records come as they are iterated', () => {
    const line = '532323,S1.1,是\n';
    const bytes = Buffer.from(`county_id,indicator_id,value\n${line.repeat(5000)}`);
    const path = join(tmp, 'many.csv');
    writeFileSync(path, bytes);
    const f = openCsvFile(path, 'many.csv', undefined, 4096);
    if ('problem' in f) throw new Error('unexpected problem');
    let count = 0;
    for (const r of f.records) {
      count++;
      if (count === 5001) expect(r).toEqual({ line: 5001, fields: expect.any(Array) });
    }
    expect(count).toBe(5001);
  });

  it('a file removed between the two readings: its records end in a problem of that file', () => {
    const path = join(tmp, 'gone.csv');
    writeFileSync(path, 'county_id,county,prefecture\n1,甲,P\n');
    const f = openCsvFile(path, 'gone.csv');
    if ('problem' in f) throw new Error('unexpected problem');
    rmSync(path);
    const problems: Problem[] = [];
    expect(openTable(f.records, 'gone.csv', problems)).toBeNull();
    expect(problems.map((p) => [p.file, p.code])).toEqual([
      ['gone.csv', 'file-not-found'],
      ['gone.csv', 'csv-empty'],
    ]);
  });
});
