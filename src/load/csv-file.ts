import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, readSync } from 'node:fs';
import type { Problem } from '../model/problem.js';
import { CsvReader, type CsvRecord } from './csv.js';
import { countSequences, type DecodeFault, type Encoding, hasUtf8Bom, locateFault } from './decode.js';
import { decodeProblem, openRegularFile, readProblem } from './read.js';

/**
 * A register or evidence CSV file, read in chunks: never held whole, so its size has no limit.
 * The encoding is settled first, in one pass over the bytes (with the sha256), by the rules of
 * `decode`: clean UTF-8; else clean GB18030, unless a BOM or the bytes say damaged UTF-8; else
 * the first bad byte. The records are read in a second pass, as they are iterated.
 */

/** Bytes read at a time: a chunk's records are in memory together (1 MiB's lived long enough to be promoted). */
const CHUNK = 1 << 16;

export interface CsvFile {
  readonly display: string;
  readonly sha256: string;
  readonly encoding: Encoding;
  /** True when the bytes were read as GB18030 without being told to. */
  readonly guessed: boolean;
  /** The records, read from the file as they are iterated (each iteration reads it again). */
  readonly records: Iterable<CsvRecord>;
  /** How the records are read, as plain data: another thread reads them with `csvRecords`. */
  readonly origin: CsvOrigin;
}

/** A CSV file whose encoding is settled: enough to read its records anywhere. */
export interface CsvOrigin {
  readonly path: string;
  readonly display: string;
  readonly encoding: Encoding;
  /** Whether the bytes hold a quote (when not, a record is one line and needs no raw text). */
  readonly quotes: boolean;
  /** The file's size in bytes, when it was read. */
  readonly bytes: number;
}

/** The records of a file opened before (see `CsvFile.origin`), read chunk by chunk. */
export const csvRecords = (o: CsvOrigin, chunk = CHUNK): Generator<CsvRecord> =>
  records(o.path, o.display, o.encoding, o.quotes, chunk);

/** A problem met while the records are read (the file vanished or failed between the passes). */
export class CsvReadError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/**
 * Opens a CSV file: its encoding, sha256 and records, or the located problem of its bytes.
 * `chunk` is the size of each read (tests make it small to put chunk ends everywhere).
 */
export function openCsvFile(
  path: string,
  display: string,
  forced?: Encoding,
  chunk = CHUNK,
): CsvFile | { problem: Problem } {
  const opened = openRegularFile(path, display, Number.POSITIVE_INFINITY);
  if ('problem' in opened) return opened;
  const { fd } = opened;
  try {
    const hash = createHash('sha256');
    const seen = { quote: false };
    const clean = isText(fd, forced ?? 'utf8', chunk, { hash, seen });
    const sha256 = hash.digest('hex');
    const bytes = fstatSync(fd).size;
    const file = (encoding: Encoding, guessed: boolean): CsvFile => ({
      display,
      sha256,
      encoding,
      guessed,
      records: { [Symbol.iterator]: () => records(path, display, encoding, seen.quote, chunk) },
      origin: { path, display, encoding, quotes: seen.quote, bytes },
    });
    if (forced !== undefined) return clean ? file(forced, false) : faulty(fd, forced, true, display, chunk);
    if (clean) return file('utf8', false);
    if (!startsWithBom(fd) && !looksLikeUtf8(fd, chunk) && isText(fd, 'gb18030', chunk)) return file('gb18030', true);
    return faulty(fd, 'utf8', false, display, chunk);
  } catch (e) {
    return { problem: readProblem(e, display) };
  } finally {
    closeSync(fd);
  }
}

/** The file's chunks from its start, in one reused buffer (a chunk is valid until the next). */
function* chunks(fd: number, size: number): Generator<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  for (let at = 0; ; ) {
    const n = readSync(fd, buffer, 0, buffer.length, at);
    if (n === 0) return;
    at += n;
    yield buffer.subarray(0, n);
  }
}

const decoder = (encoding: Encoding, fatal: boolean) =>
  new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal, ignoreBOM: false });

/**
 * Whether the whole file is text in `encoding`. With `all`, every chunk is read either way: into
 * the hash, and looked at for a quote (0x22 is a quote in UTF-8 and GB18030 alike, never a part
 * of another character).
 */
function isText(fd: number, encoding: Encoding, size: number, all?: { hash: Hash; seen: { quote: boolean } }): boolean {
  const d = decoder(encoding, true);
  let clean = true;
  for (const chunk of chunks(fd, size)) {
    if (all) {
      all.hash.update(chunk);
      if (!all.seen.quote && chunk.includes(0x22)) all.seen.quote = true;
    }
    if (clean)
      try {
        d.decode(chunk, { stream: true });
      } catch {
        clean = false;
        if (!all) return false;
      }
  }
  if (!clean) return false;
  try {
    d.decode();
    return true;
  } catch {
    return false;
  }
}

function startsWithBom(fd: number): boolean {
  const head = Buffer.alloc(3);
  return readSync(fd, head, 0, 3, 0) === 3 && hasUtf8Bom(head);
}

/** `looksLikeUtf8` (see decode.ts) over the file, part by part. */
function looksLikeUtf8(fd: number, size: number): boolean {
  const census = { sequences: 0, strays: 0 };
  let carry: Buffer = Buffer.alloc(0);
  for (const chunk of chunks(fd, size)) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    carry = Buffer.from(bytes.subarray(countSequences(bytes, census, false)));
  }
  countSequences(carry, census, true);
  return census.sequences >= census.strays;
}

function faulty(fd: number, encoding: Encoding, forced: boolean, display: string, size: number): { problem: Problem } {
  return { problem: decodeProblem(locate(fd, encoding, forced, size), display) };
}

/**
 * The first bad byte, found chunk by chunk: the chunk where a streaming decoder fails holds it
 * (or ends it), and the line that chunk begins in starts before it, so the fault is located in
 * the bytes from that line's start to the chunk's end, read again.
 */
function locate(fd: number, encoding: Encoding, forced: boolean, size: number): DecodeFault {
  const d = decoder(encoding, true);
  let line = 1;
  let lineStart = 0;
  let at = 0;
  let cr = false;
  const inPart = (from: number, to: number, firstLine: number): DecodeFault => {
    const part = Buffer.allocUnsafe(to - from);
    const n = readSync(fd, part, 0, part.length, from);
    return locateFault(part.subarray(0, n), encoding, forced, firstLine, from === 0);
  };
  for (const chunk of chunks(fd, size)) {
    try {
      d.decode(chunk, { stream: true });
    } catch {
      return inPart(lineStart, at + chunk.length, line);
    }
    // Lines as locateFault counts them: LF, and CR not followed by LF (that may be in the next chunk).
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (cr && c !== 0x0a) {
        line++;
        lineStart = at + i;
      }
      cr = c === 0x0d;
      if (c === 0x0a) {
        line++;
        lineStart = at + i + 1;
      }
    }
    at += chunk.length;
  }
  if (cr) {
    line++;
    lineStart = at;
  }
  return inPart(lineStart, at, line);
}

/** The records of a file whose encoding is settled, read chunk by chunk. */
function* records(
  path: string,
  display: string,
  encoding: Encoding,
  quotes: boolean,
  size: number,
): Generator<CsvRecord> {
  const opened = openRegularFile(path, display, Number.POSITIVE_INFINITY);
  if ('problem' in opened) throw new CsvReadError(opened.problem);
  const { fd } = opened;
  const reader = new CsvReader(quotes);
  const text = encoding === 'gb18030' ? decoder(encoding, false) : null;
  try {
    // A UTF-8 BOM is not text (the GB18030 decoder has no BOM to drop).
    let at = text === null && hasUtf8Bom(buffer3(fd, display)) ? 3 : 0;
    for (;;) {
      // csv-parse keeps the unfinished end of a chunk: each chunk has its own buffer.
      const buffer = Buffer.allocUnsafe(size);
      const n = readAt(fd, buffer, at, display);
      if (n === 0) break;
      at += n;
      const chunk = buffer.subarray(0, n);
      yield* reader.push(text === null ? chunk : Buffer.from(text.decode(chunk, { stream: true }), 'utf8'));
    }
    if (text !== null) yield* reader.push(Buffer.from(text.decode(), 'utf8'));
    yield* reader.end();
  } finally {
    closeSync(fd);
  }
}

/** The first three bytes (fewer in a shorter file). */
function buffer3(fd: number, display: string): Buffer {
  const head = Buffer.alloc(3);
  return head.subarray(0, readAt(fd, head, 0, display));
}

function readAt(fd: number, buffer: Buffer, at: number, display: string): number {
  try {
    return readSync(fd, buffer, 0, buffer.length, at);
  } catch (e) {
    throw new CsvReadError(readProblem(e, display));
  }
}
