import { compareProblems, located, type Problem } from '../model/problem.js';

/**
 * How many problems the human outputs list (stderr, `validate --format github`): nobody reads ten
 * thousand lines, and a million of them is a flood. `validate --format json` and the JSON of the
 * evaluation commands list every one. Documented in docs/limits.md (输出).
 */

/** Problems listed for one file; the rest of the file is counted in one closing line. */
export const PER_FILE = 100;
/** Problems listed in one run, over all files; the rest are counted in one closing line. */
export const PER_RUN = 1000;

/** A closing line's `file` when it counts problems of the whole run. */
export const RUN = '';

/** The problems a human output lists, in order: each file's (errors before warnings when some must go), then its closing line. */
export interface Listed {
  readonly problems: readonly Problem[];
  /** How many problems there are in all, the ones counted by an indicator file's own closing line too. */
  readonly total: number;
}

const truncated = (p: Problem): boolean => p.code === 'problems-truncated';
/** How many problems one stands for: an indicator file's closing line (src/load/indicators.ts) counts those it left out. */
const weight = (p: Problem): number => (truncated(p) ? Number(p.args.more) || 0 : 1);
const note = (file: string, more: number, total: number, run = false): Problem =>
  located('problems-truncated', file, { line: 0, column: 0 }, { more, total, ...(run ? { all: 1 } : {}) }, 'warning');

/** The first `n` of `list`, errors before warnings, kept in reading order. */
function pick(list: readonly Problem[], n: number): Set<Problem> {
  if (list.length <= n) return new Set(list);
  const errors = list.filter((p) => p.severity === 'error');
  const warnings = list.filter((p) => p.severity !== 'error');
  return new Set([...errors, ...warnings].slice(0, n));
}

/**
 * The problems to list: at most `perFile` of each file and `perRun` in all, errors first; each
 * file cut short ends with a `problems-truncated` line saying how many of its problems are not
 * listed, and a run cut short with one more (file `RUN`) for the files and problems left out.
 */
export function listProblems(problems: readonly Problem[], perFile = PER_FILE, perRun = PER_RUN): Listed {
  const byFile = new Map<string, Problem[]>();
  for (const p of [...problems].sort(compareProblems)) {
    const list = byFile.get(p.file) ?? [];
    list.push(p);
    byFile.set(p.file, list);
  }
  const total = problems.reduce((acc, p) => acc + weight(p), 0);
  const files = [...byFile].map(([file, all]) => {
    const real = all.filter((p) => !truncated(p));
    const kept = pick(real, perFile);
    const more = all.reduce((acc, p) => acc + weight(p), 0) - kept.size;
    return { file, kept: real.filter((p) => kept.has(p)), more, total: all.reduce((acc, p) => acc + weight(p), 0) };
  });
  const chosen = pick(
    files.flatMap((f) => f.kept),
    perRun,
  );
  const out: Problem[] = [];
  let listedOrCounted = 0;
  for (const f of files) {
    const kept = f.kept.filter((p) => chosen.has(p));
    if (kept.length === 0) continue;
    out.push(...kept);
    listedOrCounted += kept.length;
    // A file the run cut short counts, in its own line, only what the file's cap left out.
    if (f.more > 0) {
      out.push(note(f.file, f.more, f.total));
      listedOrCounted += f.more;
    }
  }
  if (listedOrCounted < total) out.push(note(RUN, total - listedOrCounted, total, true));
  return { problems: out, total };
}
