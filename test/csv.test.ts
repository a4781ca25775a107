import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv } from '../src/load/csv.js';

const rows = (text: string) =>
  [...readCsv(text)].map((r) => [r.line, r.fields.map((f) => `${f.text}@${f.line}:${f.column}`)]);

describe('readCsv', () => {
  it('LF and CRLF, with true lines and columns', () => {
    expect(rows('a,b\n1,22\r\n333,4')).toEqual([
      [1, ['a@1:1', 'b@1:3']],
      [2, ['1@2:1', '22@2:3']],
      [3, ['333@3:1', '4@3:5']],
    ]);
  });

  it('a quoted field over several lines counts its CRLF once', () => {
    expect(rows('id,note\r\n1,"two\r\nlines, ""quoted"""\r\n2,x\r\n')).toEqual([
      [1, ['id@1:1', 'note@1:4']],
      [2, ['1@2:1', 'two\r\nlines, "quoted"@2:3']],
      [4, ['2@4:1', 'x@4:3']],
    ]);
  });

  it('blank lines are passed over; empty fields are kept', () => {
    expect(rows('a,b\n\n,\n\r\n1,\n')).toEqual([
      [1, ['a@1:1', 'b@1:3']],
      [3, ['@3:1', '@3:2']],
      [5, ['1@5:1', '@5:3']],
    ]);
  });

  it('an unclosed quote and a stray quote are located', () => {
    const fault = (text: string) => {
      try {
        [...readCsv(text)];
      } catch (e) {
        return e instanceof CsvSyntaxError ? [e.reason, e.line, e.column] : e;
      }
      return null;
    };
    expect(fault('a,b\n1,"open\n\n')).toEqual(['unclosed-quote', 2, 3]);
    expect(fault('a,b\n1,x"y\n')).toEqual(['stray-quote', 2, 4]);
    expect(fault('a,b\n"q"x,1\n')).toEqual(['stray-quote', 2, 4]);
  });
});
