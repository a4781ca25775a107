import type { CountyResult, Scoring, VetoBasis } from '../model/scoring.js';
import { round } from '../score/round.js';

export interface Change {
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
}

/** A county's totals: it is in both rounds, so it has both. */
export interface CountyChange extends Change {
  readonly before: number;
  readonly after: number;
  readonly delta: number;
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  readonly rankBefore: number | null;
  readonly rankAfter: number | null;
  readonly disqualifiedBefore: boolean;
  readonly disqualifiedAfter: boolean;
  /** Vetoes triggered in each round. */
  readonly vetoesBefore: readonly string[];
  readonly vetoesAfter: readonly string[];
  /** The vetoes of this round that were not triggered before, with their basis: a fall they explain. */
  readonly newVetoes: readonly VetoBasis[];
  /** Each system present in both rounds. */
  readonly systems: Readonly<Record<string, Change>>;
  /** Each component present in both rounds (when the files declare components). */
  readonly components?: Readonly<Record<string, Change>>;
  /** Items present in both rounds whose points rose / fell by at least one unit of the last reported decimal. */
  readonly improved: readonly string[];
  readonly regressed: readonly string[];
}

export interface Comparison {
  readonly precision: number;
  readonly pass: number | null;
  /** Counties in both rounds, in the current round's ranking order. */
  readonly counties: readonly CountyChange[];
  readonly summary: {
    readonly meanBefore: number | null;
    readonly meanAfter: number | null;
    readonly meanDelta: number | null;
    /** Below the pass line before, at or above it now; and the other way. */
    readonly nowPassing: readonly string[];
    readonly nowFailing: readonly string[];
    /** The five largest rises and falls, by delta then id. */
    readonly risers: readonly string[];
    readonly fallers: readonly string[];
    /** Systems, groups and items of only one round's indicator system: listed, never compared. */
    readonly onlyBefore: readonly string[];
    readonly onlyAfter: readonly string[];
    readonly countiesOnlyBefore: readonly string[];
    readonly countiesOnlyAfter: readonly string[];
  };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Progress between two rounds (中期评估 against the baseline). Pure. Totals and points are
 * compared rounded, each round at its own system's precision; changes are rounded at the
 * current round's precision, and an item counts as improved or regressed when it moved by at
 * least one unit of that last decimal.
 */
export function compare(before: Scoring, after: Scoring): Comparison {
  const pb = before.system.precision;
  const pa = after.system.precision;
  const unit = 10 ** -pa;
  const d = (x: number | null, y: number | null) => (x === null || y === null ? null : round(y - x, pa));
  const beforeNodes = new Map(before.system.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.system.nodes.map((n) => [n.id, n]));
  const shared = after.system.nodes.filter((n) => beforeNodes.has(n.id));
  const sharedSystems = after.system.systems.filter((s) => beforeNodes.has(s.id));
  const sharedItems = shared.filter((n) => n.rule !== null && beforeNodes.get(n.id)?.rule != null);
  const beforeById = new Map(before.counties.map((c) => [c.county.id, c]));
  const afterIds = new Set(after.counties.map((c) => c.county.id));
  const points = (c: CountyResult, id: string, p: number) => {
    const x = c.nodes.get(id)?.points ?? null;
    return x === null ? null : round(x, p);
  };

  const counties = after.counties.flatMap((a): CountyChange[] => {
    const b = beforeById.get(a.county.id);
    if (!b) return [];
    const [x, y] = [round(b.total, pb), round(a.total, pa)];
    const moved = sharedItems.map((n) => ({ id: n.id, delta: d(points(b, n.id, pb), points(a, n.id, pa)) }));
    return [
      {
        id: a.county.id,
        name: a.county.name,
        prefecture: a.county.prefecture,
        before: x,
        after: y,
        delta: round(y - x, pa),
        rankBefore: b.rank,
        rankAfter: a.rank,
        disqualifiedBefore: b.disqualified,
        disqualifiedAfter: a.disqualified,
        vetoesBefore: b.vetoes,
        vetoesAfter: a.vetoes,
        newVetoes: a.vetoBasis.filter((v) => !b.vetoes.includes(v.id)),
        systems: Object.fromEntries(
          sharedSystems.map((s) => {
            const x = points(b, s.id, pb);
            const y = points(a, s.id, pa);
            return [s.id, { before: x, after: y, delta: d(x, y) }];
          }),
        ),
        ...(a.components && b.components
          ? {
              components: Object.fromEntries(
                [...a.components.keys()]
                  .filter((id) => b.components?.has(id))
                  .map((id) => {
                    const x = b.components?.get(id)?.points ?? null;
                    const y = a.components?.get(id)?.points ?? null;
                    const [rx, ry] = [x === null ? null : round(x, pb), y === null ? null : round(y, pa)];
                    return [id, { before: rx, after: ry, delta: d(rx, ry) }];
                  }),
              ),
            }
          : {}),
        improved: moved.filter((m) => m.delta !== null && m.delta >= unit - 1e-12).map((m) => m.id),
        regressed: moved.filter((m) => m.delta !== null && m.delta <= -unit + 1e-12).map((m) => m.id),
      },
    ];
  });

  const mean = (xs: number[]) => (xs.length > 0 ? round(xs.reduce((s, x) => s + x, 0) / xs.length, pa) : null);
  const pass = after.system.pass;
  // A disqualified county reaches no pass line, whatever its total.
  const passes = (x: number | null, disqualified: boolean) => pass !== null && x !== null && !disqualified && x >= pass;
  const sorted = [...counties].sort((x, y) => y.delta - x.delta || byId(x.id, y.id));
  return {
    precision: pa,
    pass,
    counties,
    summary: {
      meanBefore: mean(counties.map((c) => c.before)),
      meanAfter: mean(counties.map((c) => c.after)),
      meanDelta: mean(counties.map((c) => c.delta)),
      nowPassing: counties
        .filter((c) => !passes(c.before, c.disqualifiedBefore) && passes(c.after, c.disqualifiedAfter))
        .map((c) => c.id),
      nowFailing: counties
        .filter((c) => passes(c.before, c.disqualifiedBefore) && !passes(c.after, c.disqualifiedAfter))
        .map((c) => c.id),
      risers: sorted
        .filter((c) => c.delta > 0)
        .slice(0, 5)
        .map((c) => c.id),
      fallers: [...counties]
        .sort((x, y) => x.delta - y.delta || byId(x.id, y.id))
        .filter((c) => c.delta < 0)
        .slice(0, 5)
        .map((c) => c.id),
      onlyBefore: before.system.nodes.filter((n) => !afterNodes.has(n.id)).map((n) => n.id),
      onlyAfter: after.system.nodes.filter((n) => !beforeNodes.has(n.id)).map((n) => n.id),
      countiesOnlyBefore: before.counties
        .filter((c) => !afterIds.has(c.county.id))
        .map((c) => c.county.id)
        .sort(byId),
      countiesOnlyAfter: after.counties
        .filter((c) => !beforeById.has(c.county.id))
        .map((c) => c.county.id)
        .sort(byId),
    },
  };
}
