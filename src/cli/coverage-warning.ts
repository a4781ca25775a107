import type { Coverage } from '../analyze/coverage.js';
import { coverageOf } from '../evaluate-coverage.js';
import type { Evaluation } from '../load/evaluation.js';
import { located, type Problem } from '../model/problem.js';
import type { Where } from '../model/scope.js';
import { displayPath } from './io.js';

/** What `fazhi coverage` needs to see the same evaluation as `validate`. */
export interface CoverageCommand {
  readonly dir: string | undefined;
  readonly indicators?: string | undefined;
  readonly counties?: string | undefined;
  readonly round?: string | undefined;
  readonly where: Where | null | undefined;
}

/** A word as a shell reads it: quoted when it holds anything but plain path characters. */
const word = (w: string): string => (/^[\p{L}\p{N}_./:=@%+,-]+$/u.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/** The `fazhi coverage` command line that lists what the warning sums up. */
export function coverageCommand(c: CoverageCommand): string {
  const parts = ['fazhi', 'coverage'];
  if (c.dir !== undefined) parts.push(word(displayPath(c.dir)));
  if (c.indicators !== undefined) parts.push('--indicators', word(displayPath(c.indicators)));
  if (c.counties !== undefined) parts.push('--counties', word(displayPath(c.counties)));
  if (c.round !== undefined) parts.push('--round', word(c.round));
  if (c.where === null) parts.push('--all');
  for (const [column, values] of Object.entries(c.where ?? {}))
    for (const v of values) parts.push('--where', word(`${column}=${v}`));
  return parts.join(' ');
}

/**
 * One warning (`evidence-incomplete`) when any county in scope has a scored item with no usable
 * evidence: how many counties and items, the county missing the most (at its register line), and
 * the command that lists them all. `round` names the round when validate checks several.
 */
export function incompleteWarning(
  e: Evaluation,
  measured: Coverage,
  command: string,
  round: string | null,
): Problem | null {
  const incomplete = measured.counties.filter((c) => c.missing.length > 0);
  const worst = incomplete[0];
  const file = e.inputs[0]?.path;
  if (worst === undefined || file === undefined) return null;
  return located(
    'evidence-incomplete',
    file,
    { line: e.register?.lines.get(worst.id) ?? 0, column: e.register?.lines.has(worst.id) ? 1 : 0 },
    {
      round: round === null ? '' : (e.meta.rounds[round] ?? round),
      counties: incomplete.length,
      missing: incomplete.reduce((acc, c) => acc + c.missing.length, 0),
      county: worst.id,
      name: worst.name,
      countyMissing: worst.missing.length,
      expected: worst.expected,
      items: worst.missing.join(', '),
      command,
    },
    'warning',
  );
}

/**
 * The coverage warnings of an evaluation validate has read: none when it has errors (they come
 * first); with several rounds and no `--round`, one per round, each round read again on its own.
 */
export async function coverageWarnings(
  e: Evaluation,
  command: CoverageCommand,
  reload: (round: string) => Promise<Evaluation>,
): Promise<Problem[]> {
  const errors = [...e.errors.filter((p) => p.code !== 'evidence-rounds'), ...(e.evidence?.cellErrors ?? [])];
  if (errors.length > 0 || !e.evidence) return [];
  const rounds = command.round === undefined && e.evidence.rounds.length > 1 ? e.evidence.rounds : null;
  if (rounds === null) {
    const measured = coverageOf(e);
    const w = measured && incompleteWarning(e, measured, coverageCommand(command), null);
    return w ? [w] : [];
  }
  const out: Problem[] = [];
  for (const round of rounds) {
    const one = await reload(round);
    const measured = one.errors.length === 0 ? coverageOf(one) : null;
    const w = measured && incompleteWarning(one, measured, coverageCommand({ ...command, round }), round);
    if (w) out.push(w);
  }
  return out;
}
