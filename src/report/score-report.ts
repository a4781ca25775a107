import type { Lang } from '../i18n/lang.js';
import type { InputFile } from '../load/evaluation.js';
import type { RangeData, RuleData, UnitData } from '../model/indicator-data.js';
import { pointsOf } from '../model/node-row.js';
import type { Problem } from '../model/problem.js';
import type { Where } from '../model/scope.js';
import type { CountyResult, Scoring, VetoBasis } from '../model/scoring.js';
import { round } from '../score/round.js';
import { messageOf } from './problems.js';

/** `fazhi score --format json` (CLI.md): the scoring itself, every number rounded to `precision`. */
export interface ScoreReport {
  readonly system: {
    readonly id: string;
    readonly name: string;
    readonly version: string | null;
    /** sha256 of the indicator file, so a published result names exactly the system it used. */
    readonly sha256: string | null;
    readonly scale: number;
    readonly pass: number | null;
    readonly precision: number;
    readonly weighting: string;
    readonly missing: string;
    readonly nodes: readonly {
      id: string;
      name: string;
      parent: string | null;
      max: number;
      rule: RuleData | null;
      /** An item's value checks, when set. */
      unit?: UnitData;
      range?: RangeData;
    }[];
    /** The assessments of the composite, when the file declares them. */
    readonly components?: readonly { id: string; name: string; weight: number; max: number; rule: RuleData | null }[];
  };
  readonly round: string | null;
  /** The scope in force (`--where`), register column → values, or `null` for the whole register. */
  readonly scope: Where | null;
  /** The evaluation's notice (evaluation.yaml), shown on every human output; `null` for none. */
  readonly notice: string | null;
  readonly counties: readonly CountyReport[];
  readonly warnings: readonly JsonProblem[];
  readonly rejected: readonly JsonProblem[];
  readonly inputs: readonly InputFile[];
}

export interface CountyReport {
  readonly id: string;
  readonly name: string;
  readonly prefecture: string;
  readonly total: number;
  readonly base: number;
  readonly bonus: number;
  readonly grade: string | null;
  readonly vetoed: boolean;
  readonly disqualified: boolean;
  readonly vetoes: readonly string[];
  readonly rank: number | null;
  readonly prefectureRank: number | null;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly missing: readonly string[];
  readonly notApplicable: readonly string[];
  /** Items scored as too few cases (合理缺项 under `few: na`, so also in notApplicable). */
  readonly fewCases: readonly string[];
  /** Each component's points, when the file declares components; `null` for one left out. */
  readonly components?: Readonly<Record<string, number | null>>;
  /** The weighted composite of the components (total = composite + bonus − deducted), when declared. */
  readonly composite?: number;
  /** Points taken by deduct vetoes and false reports. */
  readonly deducted: number;
  /** What each triggered veto rests on, in the order of `vetoes`. */
  readonly vetoBasis: readonly VetoBasis[];
  /** Overclaimed items, when the file declares self-assessment. */
  readonly overclaimed?: readonly string[];
  /** Each combined `assessed` cell's assessors and values, when the file declares assessors. */
  readonly assessors?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The register's further columns (e.g. batch). */
  readonly columns: Readonly<Record<string, string>>;
}

export interface JsonProblem {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly code: string;
  readonly message: string;
}

export const jsonProblem = (p: Problem, lang: Lang): JsonProblem => ({
  file: p.file,
  line: p.line > 0 ? p.line : null,
  column: p.line > 0 ? p.column : null,
  code: p.code,
  message: messageOf(p, lang),
});

/** A maximum as people write it: exact to 12 significant digits (relative weights give thirds). */
const exact = (x: number): number => Number(x.toPrecision(12));

export function scoreReport(
  scoring: Scoring,
  extra: {
    round: string | null;
    sha256: string | null;
    warnings: readonly Problem[];
    rejected: readonly Problem[];
    inputs: readonly InputFile[];
    lang: Lang;
    scope?: Where | null;
    notice?: string | null;
  },
): ScoreReport {
  const s = scoring.system;
  const p = s.precision;
  const report: ScoreReport = {
    system: {
      id: s.id,
      name: s.name,
      version: s.version,
      sha256: extra.sha256,
      scale: s.scale,
      pass: s.pass,
      precision: p,
      weighting: s.weighting,
      missing: s.missing,
      nodes: s.nodes.map((n) => ({
        id: n.id,
        name: n.name,
        parent: n.parent,
        max: exact(n.max),
        rule: n.rule,
        ...(n.rule !== null && n.unit !== null ? { unit: n.unit } : {}),
        ...(n.rule !== null && n.range !== null ? { range: n.range } : {}),
      })),
      ...(s.components.length > 0
        ? {
            components: s.components.map((c) => ({
              id: c.id,
              name: c.name,
              weight: c.weight,
              max: exact(c.max),
              rule: c.scorable?.rule ?? null,
            })),
          }
        : {}),
    },
    round: extra.round,
    scope: extra.scope ?? null,
    notice: extra.notice ?? null,
    counties: [],
    warnings: extra.warnings.map((w) => jsonProblem(w, extra.lang)),
    rejected: extra.rejected.map((r) => jsonProblem(r, extra.lang)),
    inputs: extra.inputs,
  };
  /**
   * Every node's points, rounded, in file order: assigned one by one (a county has a hundred or
   * more), into an object without a prototype, so that an id such as `__proto__` is a key too.
   */
  const scoresOf = (c: CountyResult): Record<string, number | null> => {
    const scores: Record<string, number | null> = Object.create(null);
    for (const n of s.nodes) {
      const points = pointsOf(c.nodes, n.id);
      scores[n.id] = points === null ? null : round(points, p);
    }
    return scores;
  };
  const county = (c: CountyResult): CountyReport => ({
    id: c.county.id,
    name: c.county.name,
    prefecture: c.county.prefecture,
    total: round(c.total, p),
    base: round(c.base, p),
    bonus: round(c.bonus, p),
    grade: c.grade,
    vetoed: c.vetoes.length > 0,
    disqualified: c.disqualified,
    vetoes: c.vetoes,
    rank: c.rank,
    prefectureRank: c.prefectureRank,
    scores: scoresOf(c),
    missing: c.missing,
    notApplicable: c.notApplicable,
    fewCases: c.fewCases,
    ...(c.components
      ? {
          components: Object.fromEntries(
            [...c.components].map(([id, r]) => [id, r.points === null ? null : round(r.points, p)]),
          ),
          composite: round(c.composite ?? 0, p),
        }
      : {}),
    deducted: round(c.deducted, p),
    vetoBasis: c.vetoBasis,
    ...(c.overclaimed !== null ? { overclaimed: c.overclaimed } : {}),
    ...(s.assessors !== null ? { assessors: c.assessors } : {}),
    columns: c.county.extra,
  });
  // The counties are made when first asked for: a JSON writer takes them one at a time instead.
  let made: CountyReport[] | undefined;
  Object.defineProperty(report, 'counties', { enumerable: true, get: () => (made ??= scoring.counties.map(county)) });
  unmade.set(
    report,
    () =>
      made ??
      (function* () {
        for (const c of scoring.counties) yield county(c);
      })(),
  );
  return report;
}

/** The counties of reports not yet asked for them, to be made one at a time. */
const unmade = new WeakMap<ScoreReport, () => Iterable<CountyReport>>();

/**
 * A report's counties one at a time: made as they are taken, unless the report has made them
 * (100,000 counties' reports held at once take hundreds of megabytes).
 */
export function* countyReports(r: ScoreReport): Generator<CountyReport> {
  yield* unmade.get(r)?.() ?? r.counties;
}
