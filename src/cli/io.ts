import {
  closeSync,
  existsSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { fileProblem } from '../load/read.js';
import type { Problem } from '../model/problem.js';
import { evidenceSummary, type Read } from '../report/evidence-summary.js';
import type { Frame } from '../report/frame.js';
import { noticeFooter } from '../report/notice.js';
import type { Pieces } from '../report/output.js';
import { renderDiagnostics } from '../report/problems.js';
import { isWorkbook, sourceDate, stampZip } from '../report/zip-time.js';
import { onInterrupt, quietly } from './cleanup.js';
import { InputError, UsageError } from './errors.js';
import { makeFolders, ownName, removeStale } from './staging.js';

/** Colour only on a terminal (never in a file: `null`), never under NO_COLOR; FORCE_COLOR forces it. */
export function styleFor(stream: NodeJS.WriteStream | null, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (stream === null) return new Chalk({ level: 0 });
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const off = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return new Chalk({ level: !off && (forced || stream.isTTY === true) ? 1 : 0 });
}

/** A failed write as the located problem the user sees (exit 1). */
export const unwritable = (path: string, reason: string): InputError =>
  new InputError([fileProblem('file-unwritable', displayPath(path), { reason })]);

/** The errno code of a file-system failure (e.g. ENOTDIR), else the message. */
export const errnoOf = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String(e);

/**
 * Writes `text` (or bytes) to `--out FILE`, or to stdout. The file's folder and its parents are
 * made when missing; the file is written atomically (a temporary file beside it, then a rename),
 * so an existing file is either left whole or replaced whole, even under SIGKILL; temporary files
 * of earlier, killed runs beside it are removed first (staging.ts). A device or a pipe is written
 * into as it is; a link to a file has the file replaced. A workbook's zip entries are dated
 * SOURCE_DATE_EPOCH when it is set.
 */
export function emit(output: string | Uint8Array | Pieces, out: string | undefined): void {
  // A workbook's entries are dated SOURCE_DATE_EPOCH when it is set (else 1980-01-01, as rendered).
  const epoch =
    !(output instanceof Uint8Array) || !isWorkbook(output) ? null : sourceDate(process.env.SOURCE_DATE_EPOCH);
  const text = epoch === null || !(output instanceof Uint8Array) ? output : stampZip(output, epoch);
  if (out === undefined) {
    if (typeof text === 'string' || text instanceof Uint8Array) process.stdout.write(text);
    else for (const chunk of batches(text)) process.stdout.write(chunk);
    return;
  }
  let target = resolve(out);
  let tmp: string | null = null;
  const forget = onInterrupt(() => tmp !== null && rmSync(tmp, { force: true }));
  try {
    const found = statSync(target, { throwIfNoEntry: false });
    // A folder, or a name ending in a slash (meant as one), is no file to write.
    if (/[/\\]$/.test(out) || found?.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written into, never replaced.
    if (found && !found.isFile()) {
      writeAll(target, text, 'w');
      return;
    }
    // Through a link to a file: the file is replaced, the link kept.
    if (found) target = realpathSync(target);
    const dir = dirname(target);
    makeFolders(dir);
    removeStale(dir, [basename(target)]);
    tmp = join(dir, ownName(target, 'tmp'));
    writeAll(tmp, text, 'wx');
    renameSync(tmp, target);
    tmp = null;
  } catch (e) {
    const left = tmp;
    if (left !== null) quietly(() => rmSync(left, { force: true }));
    throw unwritable(out, errnoOf(e));
  } finally {
    forget();
  }
}

/** Writes text, bytes or pieces (in batches) to `path`, opened with `flag`. */
export function writeAll(path: string, text: string | Uint8Array | Pieces, flag: 'w' | 'wx'): void {
  if (typeof text === 'string' || text instanceof Uint8Array) {
    writeFileSync(path, text, { flag });
    return;
  }
  const fd = openSync(path, flag);
  try {
    for (const chunk of batches(text)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/**
 * Pieces gathered into writes of about 64 K characters: few system calls, never one huge string,
 * and each write's bytes small enough to be reused (1 MB writes left 150 MB more resident at 10×).
 */
function* batches(text: Pieces): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of text.pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 16) {
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

/**
 * What an evaluation command says on stderr once it has read its input: the problems (capped,
 * see `listProblems`), then for each evaluation read a line counting where its evidence went.
 */
export function writeDiagnostics(problems: readonly Problem[], lang: Lang, read: readonly Read[]): void {
  const summary = read.map((r) => evidenceSummary(r, lang)).join('');
  process.stderr.write(`${renderDiagnostics(problems, lang, styleFor(process.stderr))}${summary}`);
}
