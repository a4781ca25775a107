/**
 * Which round a report compares with when `--baseline` is not given (docs/reports.md, 基线).
 * Rounds are named in the evidence as clerks name them: `baseline`, or in Chinese 基线 or
 * 基线评估; evaluation.yaml may also name a round 基线… whatever its id. Pure.
 */

const BASELINE_IDS = ['baseline', '基线', '基线评估'];

const isBaselineName = (name: string): boolean => /^(基线|baseline)/i.test(name.normalize('NFKC').trim());

/**
 * The baseline round among `rounds` (the evidence's, in file order) for a run of `current`:
 * a round whose id is `baseline`, 基线 or 基线评估 (in that order of preference), else the first
 * whose display name in evaluation.yaml begins with 基线. `null` when no round is scored
 * (`current` null), when the current round is itself the baseline, or when none qualifies.
 */
export function automaticBaseline(
  rounds: readonly string[],
  current: string | null,
  names: Readonly<Record<string, string>> = {},
): string | null {
  if (current === null) return null;
  const candidates = [
    ...BASELINE_IDS.flatMap((id) => rounds.filter((r) => r.normalize('NFKC').trim().toLowerCase() === id)),
    ...rounds.filter((r) => names[r] !== undefined && isBaselineName(names[r])),
  ];
  if (candidates.includes(current)) return null;
  return candidates[0] ?? null;
}
