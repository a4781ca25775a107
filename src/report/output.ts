/**
 * Text too long for one string, as pieces written one after another: V8 refuses strings past
 * about 512 MB (`gaps --format json` for 100,000 counties is larger), so big outputs never join.
 */
export interface Pieces {
  readonly pieces: Iterable<string>;
}

/** What a renderer produces: text, text in pieces, or the bytes of a binary format (xlsx), possibly later. */
export type Output = string | Pieces | Uint8Array | Promise<Uint8Array>;

/** The whole text of an output given as text or pieces (for tests and small outputs). */
export const textOf = (o: string | Pieces): string => (typeof o === 'string' ? o : [...o.pieces].join(''));

/**
 * Exactly `JSON.stringify({ ...fields, [key]: items }, null, 2)` and a newline, in pieces of one
 * item each: the array under `key` comes last.
 */
export function* jsonPieces(fields: object, key: string, items: readonly unknown[]): Generator<string> {
  const shell = JSON.stringify({ ...fields, [key]: [] }, null, 2);
  if (items.length === 0) {
    yield `${shell}\n`;
    return;
  }
  const cut = shell.lastIndexOf('[]');
  yield `${shell.slice(0, cut)}[\n`;
  for (let i = 0; i < items.length; i++) {
    const text = JSON.stringify(items[i] ?? null, null, 2).replace(/\n/g, '\n    ');
    yield `    ${text}${i < items.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${shell.slice(cut + 2)}\n`;
}
