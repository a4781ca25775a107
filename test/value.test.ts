import { describe, expect, it } from 'vitest';
import { parseValue } from '../src/load/value.js';

/** The evidence value grammar of FORMATS.md §4. */

describe('parseValue', () => {
  it('NFKC first: full-width digits, percent and letters', () => {
    expect(parseValue('９０％', 'rate')).toEqual({ kind: 'number', value: 0.9 });
    expect(parseValue(' ＹＥＳ ', 'yesno')).toEqual({ kind: 'bool', value: true });
    expect(parseValue('１７／２０', 'rate')).toEqual({ kind: 'number', value: 0.85, cases: 20 });
  });

  it('numbers: decimals, exponents, signs; 90% is exactly 0.9; 12.34% exactly 0.1234', () => {
    expect(parseValue('0.9', 'rate')).toEqual({ kind: 'number', value: 0.9 });
    expect(parseValue('9.8e-05', 'rate')).toEqual({ kind: 'number', value: 9.8e-5 });
    expect(parseValue('-3', 'rate')).toEqual({ kind: 'number', value: -3 });
    expect(parseValue('90%', 'rate')).toEqual({ kind: 'number', value: 0.9 });
    expect(parseValue('12.34%', 'rate')).toEqual({ kind: 'number', value: 0.1234 });
    expect(parseValue('.5', 'rate')).toEqual({ kind: 'number', value: 0.5 });
  });

  it('thousands separators, units and words are errors', () => {
    for (const bad of ['1,000', '3天', '90 %%', 'abc', '1.2.3', '0x10', 'Infinity']) {
      expect(parseValue(bad, 'rate')).toEqual({ error: 'not-number' });
    }
  });

  it('yes/no words in any case', () => {
    for (const y of ['是', '有', 'yes', 'Y', 'TRUE', '1', '√', '✓'])
      expect(parseValue(y, 'yesno')).toEqual({ kind: 'bool', value: true });
    for (const n of ['否', '无', 'No', 'n', 'False', '0', '×', '✗'])
      expect(parseValue(n, 'yesno')).toEqual({ kind: 'bool', value: false });
    expect(parseValue('可能', 'yesno')).toEqual({ error: 'not-yesno' });
  });

  it('missing markers and 不适用', () => {
    for (const m of ['', '  ', 'NA', 'n/a', 'N/A', '-', '—']) expect(parseValue(m, 'rate')).toEqual({ kind: 'none' });
    expect(parseValue('不适用', 'yesno')).toEqual({ kind: 'na' });
    expect(parseValue('Not Applicable', 'count')).toEqual({ kind: 'na' });
  });

  it('a clerk’s / (or full-width ／) alone in a cell is 不适用, for every kind; n/a and a/b are not', () => {
    for (const kind of ['yesno', 'count', 'points', 'rate', 'share'] as const)
      for (const slash of ['/', '／', ' / ']) expect(parseValue(slash, kind)).toEqual({ kind: 'na' });
    expect(parseValue('n/a', 'rate')).toEqual({ kind: 'none' });
    expect(parseValue('3/4', 'rate')).toEqual({ kind: 'number', value: 0.75, cases: 4 });
    expect(parseValue('３／４', 'rate')).toEqual({ kind: 'number', value: 0.75, cases: 4 });
  });

  it('counts: whole numbers ≥ 0; 无 and 否 are 0; no percent', () => {
    expect(parseValue('3', 'count')).toEqual({ kind: 'number', value: 3 });
    expect(parseValue('无', 'count')).toEqual({ kind: 'number', value: 0 });
    expect(parseValue('否', 'count')).toEqual({ kind: 'number', value: 0 });
    expect(parseValue('1.5', 'count')).toEqual({ error: 'not-count' });
    expect(parseValue('-1', 'count')).toEqual({ error: 'not-count' });
    expect(parseValue('50%', 'count')).toEqual({ error: 'percent-not-allowed' });
    expect(parseValue('1/2', 'count')).toEqual({ error: 'fraction-not-allowed' });
  });

  it('assessed points within 0…max; shares within 0…1', () => {
    expect(parseValue('4', 'points', 4)).toEqual({ kind: 'number', value: 4 });
    expect(parseValue('4.01', 'points', 4)).toEqual({ error: 'out-of-range', min: 0, max: 4 });
    expect(parseValue('-0.5', 'points', 4)).toEqual({ error: 'out-of-range', min: 0, max: 4 });
    expect(parseValue('80%', 'points', 4)).toEqual({ error: 'percent-not-allowed' });
    expect(parseValue('1', 'share')).toEqual({ kind: 'number', value: 1 });
    expect(parseValue('101%', 'share')).toEqual({ error: 'out-of-range', min: 0, max: 1 });
  });

  it('count fractions a/b keep their number of cases; a > b is an error', () => {
    expect(parseValue('3/4', 'rate')).toEqual({ kind: 'number', value: 0.75, cases: 4 });
    expect(parseValue('0/0', 'rate')).toEqual({ kind: 'number', value: 0, cases: 0 });
    expect(parseValue('5/4', 'rate')).toEqual({ error: 'fraction-over' });
  });

  it('every number is finite and within ±1e15: 1e999, ±1e308, huge a/b and percentages are errors', () => {
    const TOO_LARGE = { error: 'too-large', limit: 1e15 };
    for (const kind of ['rate', 'share', 'count', 'points'] as const)
      for (const huge of ['1e999', '-1e999', '1e308', '-1e308', '1000000000000001', '1e16'])
        expect(parseValue(huge, kind, 1e18), `${kind} ${huge}`).toEqual(TOO_LARGE);
    expect(parseValue('1e999%', 'rate')).toEqual(TOO_LARGE);
    expect(parseValue('1e18%', 'rate')).toEqual(TOO_LARGE);
    expect(parseValue('1e17%', 'rate')).toEqual({ kind: 'number', value: 1e15 });
    expect(parseValue(`${'9'.repeat(400)}/${'9'.repeat(400)}`, 'rate')).toEqual(TOO_LARGE);
    expect(parseValue('1/10000000000000000', 'rate')).toEqual(TOO_LARGE);
    // The bound itself, and the smallest numbers, are read.
    expect(parseValue('1e15', 'rate')).toEqual({ kind: 'number', value: 1e15 });
    expect(parseValue('-1000000000000000', 'rate')).toEqual({ kind: 'number', value: -1e15 });
    expect(parseValue('1e-999', 'rate')).toEqual({ kind: 'number', value: 0 });
    expect(parseValue('1e-99999999999999999999999%', 'rate')).toEqual({ kind: 'number', value: 0 });
    expect(parseValue('999999999999999/1000000000000000', 'rate')).toMatchObject({ cases: 1e15 });
  });
});
