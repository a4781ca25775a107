import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLang } from '../src/i18n/lang.js';
import { type Decoded, decode, looksLikeUtf8, utf8Census } from '../src/load/decode.js';
import { parseYaml } from '../src/load/yaml.js';

describe('decode', () => {
  const text = '区划代码,县\n532323,牟定县\n';
  const utf8 = (t: string) => new TextEncoder().encode(t);
  const gb = (t: string) => {
    // The few characters these tests need, in GB18030.
    const table: Record<string, number[]> = { 牟: [0xc4, 0xb2], 定: [0xb6, 0xa8], 县: [0xcf, 0xd8], 区: [0xc7, 0xf8] };
    return new Uint8Array([...t].flatMap((c) => table[c] ?? [...utf8(c)]));
  };

  it('UTF-8 with and without BOM; the BOM is dropped', () => {
    const bytes = utf8(text);
    expect(decode(bytes)).toEqual({ text, encoding: 'utf8', guessed: false });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text, encoding: 'utf8', guessed: false });
  });

  it('clean GB18030 (as Excel writes it on Chinese Windows) when the bytes are not UTF-8: a guess, said so', () => {
    expect(decode(gb('牟定县'))).toEqual({ text: '牟定县', encoding: 'gb18030', guessed: true });
  });

  it('an explicit encoding overrides the guess', () => {
    const d = decode(utf8('牟定'), 'gb18030') as Decoded;
    expect(d.encoding).toBe('gb18030');
    expect(d.text).not.toBe('牟定');
  });

  it('UTF-8 with one bad byte is a fault at that byte, not GB18030 mojibake', () => {
    // A register of names with one byte flipped on line 3: 0xFF is never UTF-8.
    const good = utf8('county_id,county,prefecture\n532323,牟定县,楚雄州\n532324,南华县,楚雄州\n');
    const bad = new Uint8Array(good);
    const at = good.indexOf(0xe5, good.indexOf(0x0a, good.indexOf(0x0a) + 1)); // 南
    bad[at] = 0xff;
    expect(decode(bad)).toEqual({ fault: { encoding: 'utf8', line: 3, column: 8, byte: 'FF', forced: false } });
    // A truncated character at the end of a line, after a CRLF line end.
    const cut = new Uint8Array([...utf8('a,b\r\n牟定'), 0xe5, 0x8e, ...utf8(',x\r\n')]);
    expect(decode(cut)).toEqual({ fault: { encoding: 'utf8', line: 2, column: 3, byte: 'E5', forced: false } });
  });

  it('a UTF-8 BOM rules out GB18030', () => {
    // 牟 (C4 B2) happens to be a two-byte UTF-8 sequence; 定's first byte is not.
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...gb('牟定县')]))).toMatchObject({
      fault: { line: 1, column: 2, byte: 'B6' },
    });
  });

  it('bytes neither UTF-8 nor GB18030 (a UTF-16 BOM, 0xFF) are a fault at the first bad byte', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toEqual({
      fault: { encoding: 'utf8', line: 1, column: 1, byte: 'FF', forced: false },
    });
    // The fault is named as UTF-8 reads the file: 定's first byte, though GB18030 fails only at the 0xFF.
    expect(decode(new Uint8Array([...gb('牟定\n区'), 0xff]))).toMatchObject({
      fault: { line: 1, column: 2, byte: 'B6' },
    });
  });

  it('a forced encoding reports its own faults', () => {
    expect(decode(new Uint8Array([...utf8('a\nbc'), 0xff]), 'gb18030')).toEqual({
      fault: { encoding: 'gb18030', line: 2, column: 3, byte: 'FF', forced: true },
    });
    expect(decode(gb('定'), 'utf8')).toMatchObject({ fault: { encoding: 'utf8', line: 1, column: 1, forced: true } });
  });

  // The heuristic measured on real text: GB18030 Chinese forms UTF-8 sequences only by accident.
  it('looksLikeUtf8: real GB18030 text does not, UTF-8 text with a few bad bytes does', () => {
    const sample = readFileSync('samples/yunnan-2022/evidence/532600-文山州.csv');
    const census = utf8Census(sample);
    expect(census.strays).toBeGreaterThan(census.sequences * 5);
    expect(looksLikeUtf8(sample)).toBe(false);
    const good = readFileSync('samples/yunnan-2022/counties.csv');
    const damaged = new Uint8Array(good);
    for (let i = 100; i < damaged.length; i += Math.floor(damaged.length / 5)) damaged[i] = 0xff;
    expect(looksLikeUtf8(damaged)).toBe(true);
    expect(decode(damaged)).toHaveProperty('fault');
  });
});

describe('parseYaml locate', () => {
  const y = parseYaml('a:\n  b: [1, 2]\n  c: { d: x }\n', 'f.yaml');

  it('finds values, keys, and the parent of a missing key', () => {
    expect(y.locate(['a', 'b', 1])).toEqual({ line: 2, column: 10 });
    expect(y.locate(['a', 'c'], true)).toEqual({ line: 3, column: 3 });
    expect(y.locate(['a', 'c', 'd'])).toEqual({ line: 3, column: 11 });
    expect(y.locate(['a', 'c', 'missing'])).toEqual({ line: 3, column: 6 });
    expect(y.locate([])).toEqual({ line: 1, column: 1 });
  });

  it('reads YAML 1.2 core: no and yes stay text, 1e2 is a number', () => {
    expect(parseYaml('a: no\nb: yes\nc: on\nd: 1e2\n', 'f').value).toEqual({ a: 'no', b: 'yes', c: 'on', d: 100 });
  });

  it('never puts a __proto__ key on a prototype', () => {
    const y2 = parseYaml('__proto__: { polluted: 1 }\n', 'f');
    expect(y2.problems.map((p) => p.code)).toEqual(['yaml-forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(y2.value)).toBe(Object.prototype);
  });
});

describe('detectLang', () => {
  it('--lang wins, then LC_ALL, LC_MESSAGES, LANG; Chinese when unsure', () => {
    expect(detectLang(['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang(['--lang=zh'], { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang([], { LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN' })).toBe('en');
    expect(detectLang([], { LANG: 'en' })).toBe('en');
    expect(detectLang([], { LANG: 'C.UTF-8' })).toBe('zh');
    expect(detectLang([], {})).toBe('zh');
    expect(detectLang(['--', '--lang', 'en'], {})).toBe('zh');
  });
});
