import { lstatSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ReportFile } from '../report/report-files.js';
import { onInterrupt, quietly } from './cleanup.js';
import { InputError } from './errors.js';
import { errnoOf, unwritable, writeAll } from './io.js';
import { makeFolders, ownName, removeStale } from './staging.js';

/**
 * A batch of report files written so that it is never half there: every file is rendered into a
 * staging folder first — beside OUTDIR when OUTDIR does not exist yet (then the whole folder is
 * renamed into place), inside OUTDIR when it does (then each file is renamed over its old version,
 * and files of other names are left alone). A run stopped while rendering (an error, Ctrl+C,
 * even SIGKILL) leaves every earlier file as it was; the staging folder goes at once, or, after a
 * SIGKILL, at the next run (staging.ts).
 */

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** Runs a file-system step; its failure is the user's `file-unwritable` at `path` (exit 1). */
function step<T>(path: string, action: () => T): T {
  try {
    return action();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw unwritable(path, errnoOf(e));
  }
}

/** An existing folder of OUTDIR, as a real path; never one that leads outside (a link). */
function existingFolder(root: string, name: string, outside: string): string | null {
  const dir = join(root, name);
  if (!isInside(root, dir)) throw unwritable(dir, outside);
  return step(dir, () => {
    if (!lstatSync(dir, { throwIfNoEntry: false })) return null;
    const real = realpathSync(dir);
    if (!isInside(root, real) || !statSync(real).isDirectory()) throw unwritable(dir, outside);
    return real;
  });
}

export interface BatchOptions {
  /** The reason given for a folder that leads out of OUTDIR. */
  readonly outside: string;
  /** Told before each file is rendered (for a progress line). */
  readonly progress?: (done: number, total: number, path: string) => void;
}

/** Writes `files` into OUTDIR (made with its parents when missing), all or nothing; see above. */
export async function writeBatch(out: string, files: readonly ReportFile[], o: BatchOptions): Promise<void> {
  const target = resolve(out);
  step(out, () => makeFolders(dirname(target)));
  removeStale(dirname(target));
  const found = step(out, () => statSync(target, { throwIfNoEntry: false }));
  if (found && !found.isDirectory()) throw unwritable(out, 'ENOTDIR');
  const folders = [...new Set(files.flatMap((f) => (f.folder === null ? [] : [f.folder])))];

  // Everything that could refuse the swap is checked before the first file is rendered.
  let root = found ? step(out, () => realpathSync(target)) : null;
  if (root !== null) {
    const at = root;
    const names = new Map<string | null, string[]>();
    for (const f of files) {
      const list = names.get(f.folder);
      if (list) list.push(f.name);
      else names.set(f.folder, [f.name]);
    }
    const inFolder = (folder: string | null) => names.get(folder) ?? [];
    removeStale(at, inFolder(null));
    for (const folder of folders) {
      const real = existingFolder(at, folder, o.outside);
      if (real !== null) removeStale(real, inFolder(folder));
    }
    for (const f of files) {
      const path = join(at, ...(f.folder === null ? [] : [f.folder]), f.name);
      if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) throw unwritable(path, 'EISDIR');
    }
  }

  const stage = join(root ?? dirname(target), ownName(target, 'staging'));
  const forget = onInterrupt(() => rmSync(stage, { recursive: true, force: true }));
  try {
    step(out, () => mkdirSync(stage));
    for (const folder of folders) step(join(out, folder), () => mkdirSync(join(stage, folder)));
    for (const [i, f] of files.entries()) {
      const path = f.folder === null ? [f.name] : [f.folder, f.name];
      o.progress?.(i + 1, files.length, path.join('/'));
      const bytes = await f.render();
      step(join(out, ...path), () => writeAll(join(stage, ...path), bytes, 'wx'));
      // Back to the event loop between files, so that Ctrl+C is heard (and cleans up) at once.
      await new Promise((next) => setImmediate(next));
    }
    if (root === null && step(out, () => moveWhole(stage, target))) return;
    root ??= step(out, () => realpathSync(target));
    swapIn(stage, root, files, folders, o.outside);
  } finally {
    quietly(() => rmSync(stage, { recursive: true, force: true }));
    forget();
  }
}

/** OUTDIR did not exist: the staging folder becomes OUTDIR; false if OUTDIR appeared meanwhile. */
function moveWhole(stage: string, target: string): boolean {
  try {
    renameSync(stage, target);
    return true;
  } catch (e) {
    if (['EEXIST', 'ENOTEMPTY', 'EISDIR', 'EPERM'].includes(errnoOf(e)) && statSync(target).isDirectory()) return false;
    throw e;
  }
}

/** Renames each staged file over its old version (a folder new to OUTDIR moves whole). */
function swapIn(
  stage: string,
  root: string,
  files: readonly ReportFile[],
  folders: readonly string[],
  outside: string,
): void {
  const into = new Map<string | null, string>([[null, root]]);
  for (const folder of folders) {
    const real = existingFolder(root, folder, outside);
    if (real !== null) into.set(folder, real);
    else step(join(root, folder), () => renameSync(join(stage, folder), join(root, folder)));
  }
  for (const f of files) {
    const dir = into.get(f.folder);
    if (dir === undefined) continue; // moved with its folder
    const from = join(stage, ...(f.folder === null ? [] : [f.folder]), f.name);
    step(join(dir, f.name), () => renameSync(from, join(dir, f.name)));
  }
}
