import { Option } from 'commander';
import type { Ui } from '../i18n/ui.js';
import type { Encoding } from '../load/decode.js';
import { normaliseHeader } from '../load/table.js';
import type { Where } from '../model/scope.js';
import { visible } from '../model/visible.js';
import { COLLECT_FROM, collectGarbage } from './collect.js';
import { UsageError } from './errors.js';
import { displayPath } from './io.js';
import { progress } from './progress.js';

/** The evaluation flags every evaluation command takes (CLI.md). */
export interface EvaluationFlags {
  indicators?: string;
  counties?: string;
  evidence?: string[];
  round?: string;
  encoding?: Encoding;
  sheet?: string;
  keepGoing?: boolean;
  /** `--where COLUMN=VALUE`, as given. */
  where?: string[];
  all?: boolean;
}

/** The evaluation flags, declared once, in the order `--help` lists them. */
export function evaluationOptions(t: Ui) {
  const e = t.evaluation;
  return {
    indicators: new Option('--indicators <file>', e.indicators),
    counties: new Option('--counties <file>', e.counties),
    evidence: new Option('--evidence <path>', e.evidence).argParser((v: string, prev: string[] = []) => [...prev, v]),
    round: new Option('--round <name>', e.round),
    encoding: new Option('--encoding <encoding>', e.encoding).choices(['utf8', 'gb18030']),
    sheet: new Option('--sheet <name>', e.sheet),
    keepGoing: new Option('--keep-going', e.keepGoing),
    where: new Option('--where <column=value>', e.where).argParser((v: string, prev: string[] = []) => [...prev, v]),
    all: new Option('--all', e.all),
  };
}

/**
 * The scope the flags ask for (FORMATS.md §6): `--where COLUMN=VALUE`, values of one column ORed,
 * columns ANDed, both normalised as the register is; `--all` is the whole register (`null`);
 * neither is `undefined`: evaluation.yaml's default scope, if any.
 */
export function scopeOf(flags: EvaluationFlags, t: Ui): Where | null | undefined {
  if (flags.all) return null;
  if (flags.where === undefined || flags.where.length === 0) return undefined;
  const where: Record<string, string[]> = {};
  for (const given of flags.where) {
    const at = given.indexOf('=');
    const column = normaliseHeader(given.slice(0, Math.max(0, at)));
    if (at < 0 || column === '') throw new UsageError(t.usage.badWhere(given));
    const value = given
      .slice(at + 1)
      .normalize('NFKC')
      .trim();
    where[column] = [...(where[column] ?? []), value];
  }
  return where;
}

/**
 * What loading and scoring an evaluation takes from the flags: the flags, the scope, paths as
 * shown, a progress bar for reading the evidence (on a terminal, after a second), and on large
 * evaluations a garbage collection after reading and after scoring (collect.ts).
 */
export const evaluationOf = (flags: EvaluationFlags, t: Ui) => ({
  ...flags,
  where: scopeOf(flags, t),
  display: displayPath,
  onFile: reading(t.evaluation.reading),
  onStep: (_step: 'read' | 'scored', cells: number) => {
    if (cells >= COLLECT_FROM) collectGarbage();
  },
});

/** A progress bar's steps as the evidence files are read, erased once all are read. */
function reading(label: string): (done: number, total: number, file: string) => void {
  const bar = progress(label);
  return (done, total, file) => (done >= total ? bar.end() : bar.step(done, total, visible(file)));
}
