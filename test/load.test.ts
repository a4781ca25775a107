import { describe, expect, it } from 'vitest';
import { detectLang } from '../src/i18n/lang.js';
import { decode } from '../src/load/decode.js';
import { parseYaml } from '../src/load/yaml.js';

describe('decode', () => {
  const text = '区划代码,县\n532323,牟定县\n';

  it('UTF-8 with and without BOM; the BOM is dropped', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decode(bytes)).toEqual({ text, encoding: 'utf8' });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text, encoding: 'utf8' });
  });

  it('GB18030 (as Excel writes it on Chinese Windows) when the bytes are not UTF-8', () => {
    // 牟定县 in GB18030
    const gb = new Uint8Array([0xc4, 0xb2, 0xb6, 0xa8, 0xcf, 0xd8]);
    expect(decode(gb)).toEqual({ text: '牟定县', encoding: 'gb18030' });
  });

  it('an explicit encoding overrides the guess', () => {
    const bytes = new TextEncoder().encode('牟定县');
    expect(decode(bytes, 'gb18030').encoding).toBe('gb18030');
    expect(decode(bytes, 'gb18030').text).not.toBe('牟定县');
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
