export type Encoding = 'utf8' | 'gb18030';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const gb18030 = new TextDecoder('gb18030', { fatal: false });

/**
 * Bytes to text as spreadsheets and editors on Chinese machines write them:
 * a UTF-8 BOM or valid UTF-8 is UTF-8, anything else is read as GB18030 (a superset of GBK).
 * `encoding` overrides the guess. The BOM is dropped.
 */
export function decode(bytes: Uint8Array, encoding?: Encoding): Decoded {
  if (encoding === 'gb18030') return { text: gb18030.decode(bytes), encoding };
  if (encoding === 'utf8') return { text: new TextDecoder('utf-8').decode(bytes), encoding };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
}
