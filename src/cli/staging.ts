import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * fazhi's own half-written things and how a later run recognises them. A file is written as
 * `.NAME.fazhi-PID-RANDOM.tmp` beside its target and renamed over it; a report batch is written
 * into a folder `.NAME.fazhi-PID-RANDOM.staging` (beside OUTDIR, or inside it when it exists) and
 * swapped in. Ctrl+C and SIGTERM remove them (cleanup.ts); a SIGKILL leaves them, and the next
 * run that writes into the same folder removes them once their process is gone. Nothing else is
 * ever removed: only names of exactly this pattern (and, for one target, the `.NAME.XXXXXXXX.tmp`
 * of fazhi versions before it).
 */
const OWN = /^\..*\.fazhi-(\d{1,10})-[0-9a-f]{8}\.(tmp|staging)$/su;

/** A name part is cut to this many bytes, so that the whole name stays within 255 bytes. */
const NAME_BYTES = 200;
/** Left by a process that still runs, yet older than this: a stray all the same. */
const STALE_MS = 24 * 60 * 60 * 1000;

function shortName(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= NAME_BYTES) return name;
  let cut = '';
  for (const ch of name) {
    if (Buffer.byteLength(cut + ch, 'utf8') > NAME_BYTES) break;
    cut += ch;
  }
  return cut;
}

/** A fresh name of fazhi's pattern for a temporary file or staging folder standing for `target`. */
export function ownName(target: string, kind: 'tmp' | 'staging'): string {
  const name = shortName(basename(target));
  return `.${name}.fazhi-${process.pid}-${randomBytes(4).toString('hex')}.${kind}`;
}

/** Whether a process of this id runs (EPERM: it does, as another user). */
function running(pid: number): boolean {
  if (pid === process.pid) return false; // an earlier run under the same id (a container): gone
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `name` in `dir` is one of fazhi's own leftovers whose run is over. */
function stale(dir: string, name: string, legacy: ReadonlySet<string>): 'tmp' | 'staging' | null {
  const m = OWN.exec(name);
  const kind = m ? (m[2] as 'tmp' | 'staging') : legacy.has(name) ? 'tmp' : null;
  if (kind === null) return null;
  const st = lstatSync(join(dir, name), { throwIfNoEntry: false });
  if (!st || (kind === 'tmp' ? !st.isFile() : !st.isDirectory())) return null;
  if (m && running(Number(m[1])) && Date.now() - st.mtimeMs < STALE_MS) return null;
  return kind;
}

/**
 * Removes fazhi's leftovers from `dir` (temporary files and staging folders of runs that are
 * over); `targets` are the names about to be written there, whose temporary files of earlier
 * fazhi versions (`.NAME.XXXXXXXX.tmp`) go too. Never fails: what cannot be removed stays.
 */
export function removeStale(dir: string, targets: readonly string[] = []): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const legacy = new Set<string>();
  const wanted = new Set(targets);
  for (const name of names) {
    const m = /^\.(.+)\.[0-9a-f]{8}\.tmp$/su.exec(name);
    if (m && wanted.has(m[1] ?? '')) legacy.add(name);
  }
  for (const name of names) {
    try {
      const kind = stale(dir, name, legacy);
      if (kind === 'tmp') unlinkSync(join(dir, name));
      if (kind === 'staging') rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // left for a later run
    }
  }
}

/**
 * Makes the folder `path` and every missing parent, one at a time (a bounded walk, never a
 * recursive mkdir): a parent that is a file fails with ENOTDIR, as the user should hear.
 */
export function makeFolders(path: string): void {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    const st = statSync(at, { throwIfNoEntry: false });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
      break;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      // made meanwhile by another process: fine if it is a folder
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(dir).isDirectory()) throw e;
    }
  }
}
