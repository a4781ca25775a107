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

/** An item of a top-level array as `JSON.stringify(…, null, 2)` writes it there, indented four spaces. */
function indented(item: unknown): string {
  const text = JSON.stringify([[item ?? null]], null, 2);
  // `[\n  [\n    ITEM\n  ]\n]`: the item without its first four spaces and the two closing lines.
  return text.slice(10, text.length - 6);
}

/**
 * Exactly `JSON.stringify({ ...fields, [key]: items }, null, 2)` and a newline, in pieces of one
 * item each: the array under `key` comes last.
 */
export const jsonPieces = (fields: object, key: string, items: Iterable<unknown>): Generator<string> =>
  jsonPiecesOf({ ...fields, [key]: [] }, key, items);

/**
 * Exactly `JSON.stringify(object, null, 2)` and a newline, with `items` standing in the array
 * under the top-level `key`, in pieces of one item each: the items are made as they are written
 * (`object[key]` itself is not read, so a getter that would make them all is never called).
 */
export function* jsonPiecesOf(object: object, key: string, items: Iterable<unknown>): Generator<string> {
  let marker = '\u0000items';
  const fields = () =>
    Object.fromEntries(Object.keys(object).map((k) => [k, k === key ? marker : Reflect.get(object, k)]));
  let shell = JSON.stringify(fields(), null, 2);
  while (shell.indexOf(JSON.stringify(marker)) !== shell.lastIndexOf(JSON.stringify(marker))) {
    marker += '\u0000';
    shell = JSON.stringify(fields(), null, 2);
  }
  const quoted = JSON.stringify(marker);
  const cut = shell.indexOf(quoted);
  const after = shell.slice(cut + quoted.length);
  let previous: string | null = null;
  for (const item of items) {
    yield previous === null ? `${shell.slice(0, cut)}[\n` : `    ${previous},\n`;
    previous = indented(item);
  }
  yield previous === null ? `${shell.slice(0, cut)}[]${after}\n` : `    ${previous}\n  ]${after}\n`;
}
