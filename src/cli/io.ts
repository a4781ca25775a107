import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { fileProblem } from '../load/read.js';
import type { Frame } from '../report/frame.js';
import { noticeFooter } from '../report/notice.js';
import type { Pieces } from '../report/output.js';
import { InputError, UsageError } from './errors.js';

/** Colour only on a terminal (never in a file: `null`), never under NO_COLOR; FORCE_COLOR forces it. */
export function styleFor(stream: NodeJS.WriteStream | null, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (stream === null) return new Chalk({ level: 0 });
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const off = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return new Chalk({ level: !off && (forced || stream.isTTY === true) ? 1 : 0 });
}

/** Writes `text` (or bytes) to `--out FILE` atomically (a temporary file beside it, then a rename), or to stdout. */
export function emit(text: string | Uint8Array | Pieces, out: string | undefined): void {
  if (out === undefined) {
    if (typeof text === 'string' || text instanceof Uint8Array) process.stdout.write(text);
    else for (const chunk of batches(text)) process.stdout.write(chunk);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof text === 'string' || text instanceof Uint8Array) writeFileSync(tmp, text);
    else {
      const fd = openSync(tmp, 'w');
      try {
        for (const chunk of batches(text)) writeSync(fd, chunk);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError([
      fileProblem('file-unwritable', displayPath(out), { reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
    ]);
  }
}

/** Pieces gathered into writes of about a megabyte: few system calls, never one huge string. */
function* batches(text: Pieces): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of text.pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

/** A path as it is shown in messages: relative to the working folder when inside it, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  const shown = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split('\\').join('/');
}

/** A workbook is no text for a terminal: with xlsx, --out is needed unless stdout is redirected. */
export function binaryNeedsOut(format: string, out: string | undefined, message: string): void {
  if (format === 'xlsx' && out === undefined && process.stdout.isTTY) throw new UsageError(message);
}

/** A file that exists is never replaced unless the user says so (`--force`): it may hold filled-in data. */
export function refuseOverwrite(path: string): void {
  if (existsSync(path)) throw new InputError([fileProblem('file-exists', displayPath(path))]);
}

/** A CSV file has no room for the evaluation's notice: it goes to stderr instead, where the user sees it. */
export function noticeOnStderr(format: string, frame: Frame): void {
  if (format === 'csv') process.stderr.write(noticeFooter(frame, styleFor(process.stderr)));
}
