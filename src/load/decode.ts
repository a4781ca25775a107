export type Encoding = 'utf8' | 'gb18030';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  /** True when the bytes were read as GB18030 without being told to: the guess is reported. */
  readonly guessed: boolean;
}

/** Where the bytes stop being text in `encoding`: the first bad byte, as that encoding reads the text before it. */
export interface DecodeFault {
  readonly encoding: Encoding;
  readonly line: number;
  readonly column: number;
  /** The first bad byte, as two hexadecimal digits. */
  readonly byte: string;
  /** Whether the encoding was given (`--encoding`) rather than guessed. */
  readonly forced: boolean;
}

const fatal = (encoding: Encoding) =>
  new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: false });

/**
 * Bytes to text as spreadsheets and editors on Chinese machines write them. Valid UTF-8 (with
 * or without a BOM, which is dropped) is UTF-8. Bytes that are not UTF-8 are GB18030 (a
 * superset of GBK) only when they are valid GB18030 and do not look like UTF-8 with a few bad
 * bytes (see `looksLikeUtf8`); anything else is a fault at the first byte that is not UTF-8.
 * `encoding` forces the reading: then a byte invalid in it is the fault. Pure.
 */
export function decode(bytes: Uint8Array, encoding?: Encoding): Decoded | { readonly fault: DecodeFault } {
  if (encoding !== undefined) {
    const text = tryDecode(bytes, encoding);
    return text === null ? { fault: locateFault(bytes, encoding, true) } : { text, encoding, guessed: false };
  }
  const utf8 = tryDecode(bytes, 'utf8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf8', guessed: false };
  // A UTF-8 BOM says what the file is; a GB18030 reading of it would only be mojibake.
  if (!hasUtf8Bom(bytes) && !looksLikeUtf8(bytes)) {
    const gb = tryDecode(bytes, 'gb18030');
    if (gb !== null) return { text: gb, encoding: 'gb18030', guessed: true };
  }
  return { fault: locateFault(bytes, 'utf8', false) };
}

export const hasUtf8Bom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | null {
  try {
    return fatal(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/** The length of the well-formed UTF-8 sequence of two or more bytes at `i`, or 0 (WHATWG's byte ranges). */
export function utf8SequenceAt(b: Uint8Array, i: number): number {
  const c = b[i] ?? 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[i + k];
    return x !== undefined && x >= lo && x <= hi;
  };
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const [lo, hi] = c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 text with a few bad bytes (a flipped
 * bit, a truncated character, one pasted name) rather than GB18030. GB18030 Chinese forms a
 * well-formed UTF-8 sequence only by accident (牟 is C4 B2, a valid two-byte sequence), far less
 * often than it breaks one: in GB18030 text the bytes outside any UTF-8 sequence outnumber the
 * sequences many times. In UTF-8 text with a fault, the sequences outnumber the bad bytes, or
 * (a short text with a truncated character) match them. `test/load.test.ts` measures both.
 */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  const { sequences, strays } = utf8Census(bytes);
  return sequences >= strays;
}

/** Well-formed UTF-8 sequences of two or more bytes, and bytes ≥ 0x80 outside any. */
export function utf8Census(bytes: Uint8Array): { sequences: number; strays: number } {
  const census = { sequences: 0, strays: 0 };
  countSequences(bytes, census, true);
  return census;
}

/**
 * Adds the sequences and strays of `bytes` to `census`; returns where it stopped. A part of a
 * file (not `final`) stops short of the last three bytes, which may begin a sequence the next
 * part ends: the caller carries them over.
 */
export function countSequences(
  bytes: Uint8Array,
  census: { sequences: number; strays: number },
  final: boolean,
): number {
  const end = final ? bytes.length : bytes.length - 3;
  let { sequences, strays } = census;
  let i = 0;
  for (; i < end; ) {
    if ((bytes[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n > 0) {
      sequences++;
      i += n;
    } else {
      strays++;
      i++;
    }
  }
  census.sequences = sequences;
  census.strays = strays;
  return i;
}

/**
 * The first byte `encoding` cannot read, with its line and column as that encoding reads the
 * text before it (columns count UTF-16 code units, as the CSV reader does; CR, LF and CRLF each
 * end a line, and neither occurs inside a UTF-8 or GB18030 character). Linear in the bytes.
 * `bytes` may be a part of a file that starts a line: its first line is then `firstLine`, and
 * a UTF-8 BOM is the file's own only when `fileStart`.
 */
export function locateFault(
  bytes: Uint8Array,
  encoding: Encoding,
  forced: boolean,
  firstLine = 1,
  fileStart = true,
): DecodeFault {
  const bom = encoding === 'utf8' && fileStart && hasUtf8Bom(bytes) ? 3 : 0;
  const bad = encoding === 'utf8' ? firstBadUtf8(bytes, bom) : bom + firstBadOffset(bytes.subarray(bom), encoding);
  let line = firstLine;
  let start = bom;
  for (let i = bom; i < bad; i++) {
    const c = bytes[i];
    if (c === 0x0a || (c === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  const column = (tryDecode(bytes.subarray(start, bad), encoding) ?? '').length + 1;
  const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return { encoding, line, column, byte, forced };
}

/** Where the first byte outside any well-formed UTF-8 sequence is (the length when there is none). */
function firstBadUtf8(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; ) {
    if ((bytes[i] ?? 0) < 0x80) i++;
    else {
      const n = utf8SequenceAt(bytes, i);
      if (n === 0) return i;
      i += n;
    }
  }
  return bytes.length;
}

/** The offset where the first character that cannot be read begins, in bytes that do not decode. */
function firstBadOffset(segment: Uint8Array, encoding: Encoding): number {
  // The shortest prefix a streaming decoder rejects ends at the byte that shows the fault...
  let lo = 1;
  let hi = segment.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (streamFails(segment.subarray(0, mid), encoding)) hi = mid;
    else lo = mid + 1;
  }
  // ...and the fault begins where the last whole character before that byte ends.
  for (let k = lo - 1; k > 0; k--) if (tryDecode(segment.subarray(0, k), encoding) !== null) return k;
  return 0;
}

function streamFails(prefix: Uint8Array, encoding: Encoding): boolean {
  try {
    fatal(encoding).decode(prefix, { stream: true });
    return false;
  } catch {
    return true;
  }
}
