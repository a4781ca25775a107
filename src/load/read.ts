import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';
import { located, type Problem } from '../model/problem.js';
import { type Decoded, type DecodeFault, decode, type Encoding } from './decode.js';

/**
 * The largest YAML file read (indicators.yaml, evaluation.yaml): an indicator system is a few
 * hundred lines, tens of kilobytes; past this parsing takes seconds and gigabytes for nothing.
 */
export const MAX_YAML_BYTES = 5 * 1024 * 1024;

/**
 * The largest register or evidence workbook (.xlsx) read: the zip is read whole. CSV files have
 * no limit: they are read in chunks and never held whole.
 */
export const MAX_XLSX_BYTES = 500 * 1024 * 1024;

/** A file-system failure as a problem of the whole file (line 0). */
export function readProblem(e: unknown, file: string): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileProblem('file-not-found', file);
  if (code === 'EISDIR') return fileProblem('file-is-directory', file);
  return fileProblem('file-unreadable', file, { reason: code ?? String(e) });
}

export function fileProblem(code: Problem['code'], file: string, args: Record<string, string> = {}): Problem {
  return { code, severity: 'error', file, line: 0, column: 0, path: [], args };
}

/** What a path is when it is not a regular file or a folder. */
function kindOf(s: Stats): string {
  if (s.isFIFO()) return 'fifo';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  if (s.isSocket()) return 'socket';
  return 'other';
}

/** Why a path (links followed) is not a regular file to read, or `null` when it is one within `limit`. */
function notReadable(s: Stats, file: string, limit: number): Problem | null {
  if (s.isDirectory()) return fileProblem('file-is-directory', file);
  if (!s.isFile()) return fileProblem('file-not-regular', file, { kind: kindOf(s) });
  if (s.size > limit) return fileProblem('file-too-large', file, { size: megabytes(s.size), limit: megabytes(limit) });
  return null;
}

/** Megabytes to one decimal, rounded up: a file just past a limit never shows as the limit itself. */
const megabytes = (bytes: number): string => String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);

/**
 * A regular file (links followed) of at most `limit` bytes, opened for reading; the caller closes
 * it. A FIFO, device, socket or folder is a problem, never opened for a read that could block: the
 * path is examined before it is opened, and opened without blocking, then examined again (it may
 * have been replaced in between).
 */
export function openRegularFile(path: string, file: string, limit: number): { fd: number } | { problem: Problem } {
  try {
    const before = notReadable(statSync(path), file, limit);
    if (before) return { problem: before };
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    let now: Problem | null;
    try {
      now = notReadable(fstatSync(fd), file, limit);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
    if (now === null) return { fd };
    closeSync(fd);
    return { problem: now };
  } catch (e) {
    return { problem: readProblem(e, file) };
  }
}

/** The bytes of a regular file (see `openRegularFile`) of at most `limit` bytes. */
export function readRegularFile(path: string, file: string, limit: number): { bytes: Buffer } | { problem: Problem } {
  const opened = openRegularFile(path, file, limit);
  if ('problem' in opened) return opened;
  try {
    const bytes = readFileSync(opened.fd);
    if (bytes.length > limit)
      return {
        problem: fileProblem('file-too-large', file, { size: megabytes(bytes.length), limit: megabytes(limit) }),
      };
    return { bytes };
  } catch (e) {
    return { problem: readProblem(e, file) };
  } finally {
    closeSync(opened.fd);
  }
}

/** The problem of bytes that are not text in the encoding read (or guessed). */
export function decodeProblem(fault: DecodeFault, file: string): Problem {
  const encoding = fault.encoding === 'utf8' ? 'UTF-8' : 'GB18030';
  const args = { encoding, byte: fault.byte, forced: fault.forced ? 'yes' : 'no' };
  return located('file-encoding', file, { line: fault.line, column: fault.column }, args);
}

/** Bytes as text (see `decode`), or the located problem of the first byte that is not. */
export function decodeFile(bytes: Uint8Array, file: string, encoding?: Encoding): Decoded | { problem: Problem } {
  const d = decode(bytes, encoding);
  return 'fault' in d ? { problem: decodeProblem(d.fault, file) } : d;
}

/**
 * A YAML file's text: a regular file of at most MAX_YAML_BYTES, in UTF-8 (a BOM allowed) or, when
 * it is clean GB18030 and not damaged UTF-8, GB18030 (as Windows editors save it).
 */
export function readYamlFile(path: string, file: string): (Decoded & { bytes: Buffer }) | { problem: Problem } {
  const read = readRegularFile(path, file, MAX_YAML_BYTES);
  if ('problem' in read) return read;
  const d = decodeFile(read.bytes, file);
  return 'problem' in d ? d : { ...d, bytes: read.bytes };
}

/** A file read, as shown in messages, with its sha256. */
export interface Read {
  readonly display: string;
  readonly sha256: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A register or evidence workbook's bytes: a regular file (links followed) of at most MAX_XLSX_BYTES. */
export function readAll(path: string, display: string, errors: Problem[]): (Read & { bytes: Uint8Array }) | null {
  const read = readRegularFile(path, display, MAX_XLSX_BYTES);
  if ('problem' in read) {
    errors.push(read.problem);
    return null;
  }
  return { display, bytes: read.bytes, sha256: sha256(read.bytes) };
}

/** A YAML file's text (see `readYamlFile`), noting a GB18030 reading in `gb18030`. */
export function readYaml(
  path: string,
  display: string,
  errors: Problem[],
  gb18030: string[],
): (Read & { bytes: Uint8Array; text: string }) | null {
  const read = readYamlFile(path, display);
  if ('problem' in read) {
    errors.push(read.problem);
    return null;
  }
  if (read.encoding === 'gb18030') gb18030.push(display);
  return { display, bytes: read.bytes, sha256: sha256(read.bytes), text: read.text };
}
