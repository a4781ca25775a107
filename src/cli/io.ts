import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/lang.js';
import { fileProblem } from '../load/read.js';
import type { Problem } from '../model/problem.js';
import { evidenceSummary, type Read } from '../report/evidence-summary.js';
import type { Frame } from '../report/frame.js';
import { noticeFooter } from '../report/notice.js';
import { renderDiagnostics } from '../report/problems.js';
import { isWorkbook, sourceDate, stampZip } from '../report/zip-time.js';
import { InputError, UsageError } from './errors.js';

/** Colour only on a terminal (never in a file: `null`), never under NO_COLOR; FORCE_COLOR forces it. */
export function styleFor(stream: NodeJS.WriteStream | null, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  if (stream === null) return new Chalk({ level: 0 });
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const off = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return new Chalk({ level: !off && (forced || stream.isTTY === true) ? 1 : 0 });
}

/** Writes `text` (or bytes) to `--out FILE` atomically (a temporary file beside it, then a rename), or to stdout. */
export function emit(output: string | Uint8Array, out: string | undefined): void {
  // A workbook's entries are dated SOURCE_DATE_EPOCH when it is set (else 1980-01-01, as rendered).
  const epoch = typeof output === 'string' || !isWorkbook(output) ? null : sourceDate(process.env.SOURCE_DATE_EPOCH);
  const text = epoch === null || typeof output === 'string' ? output : stampZip(output, epoch);
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError([
      fileProblem('file-unwritable', displayPath(out), { reason: (e as NodeJS.ErrnoException).code ?? String(e) }),
    ]);
  }
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
