import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../src/analyze/reconcile.js';
import type { CellValue } from '../src/model/evaluation.js';
import type { IndicatorFileData, NodeInput, RuleData, VetoData } from '../src/model/indicator-data.js';
import { round } from '../src/score/round.js';
import { asTable, caseArb, scoreCase } from './random-evaluations.js';

/**
 * The engine against a second, plain implementation of FORMATS.md §2 and §6 written from the
 * text alone (straight recursion, no shared code but rounding), on random evaluations that use
 * every 0.2 key: per-node missing, few, components, graded vetoes, bonus, self-assessment and
 * false reports. Totals must agree to float noise, grades, ranks and lists exactly.
 */

// ── A plain reading of the rules ──────────────────────────────────────────────

type Cells = ReadonlyMap<string, CellValue>;

interface Out {
  points: number | null;
  status: 'scored' | 'missing' | 'excluded' | 'na' | 'report-only';
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function attainment(rule: RuleData, x: number | boolean, max: number): number {
  switch (rule.type) {
    case 'check':
      return x === true ? 1 : 0;
    case 'linear':
      return clamp(((x as number) - rule.zero) / (rule.full - rule.zero));
    case 'fraction':
      return x as number;
    case 'assessed':
      return (x as number) / max;
    default:
      throw new Error(`the reference knows no ${rule.type}`);
  }
}

/** too few cases: a/b with b < min_n, or a/0, on a rate rule. */
const tooFew = (rule: RuleData, v: CellValue): boolean =>
  v.kind === 'number' &&
  v.cases !== undefined &&
  (rule.type === 'linear' || rule.type === 'fraction') &&
  (v.cases === 0 || (rule.min_n !== undefined && v.cases < rule.min_n));

interface Lists {
  missing: string[];
  na: string[];
  few: string[];
}

function scoreItem(
  id: string,
  rule: RuleData,
  max: number,
  policy: 'zero' | 'exclude' | 'error',
  cells: Cells,
  lists: Lists | null,
): Out {
  const v = cells.get(id) ?? { kind: 'none' };
  const few = tooFew(rule, v);
  const fewPolicy = 'few' in rule && rule.few === 'missing' ? 'missing' : 'na';
  if (v.kind === 'na' || (few && fewPolicy === 'na')) {
    lists?.na.push(id);
    if (few) lists?.few.push(id);
    return { points: null, status: 'na' };
  }
  if (max <= 0) return { points: null, status: 'report-only' };
  if (v.kind === 'none' || few) {
    lists?.missing.push(id);
    return policy === 'zero' ? { points: 0, status: 'missing' } : { points: null, status: 'excluded' };
  }
  return { points: clamp(attainment(rule, v.value, max)) * max, status: 'scored' };
}

function weighted(parts: readonly { weight: number; max: number; out: Out }[]): number | null {
  let num = 0;
  let den = 0;
  for (const p of parts) {
    if (p.weight <= 0 || p.max <= 0 || p.out.points === null) continue;
    num += p.weight * (p.out.points / p.max);
    den += p.weight;
  }
  return den > 0 ? num / den : null;
}

interface RefCounty {
  id: string;
  total: number;
  base: number;
  grade: string | null;
  disqualified: boolean;
  vetoes: string[];
  deducted: number;
  components: Record<string, number | null> | null;
  missing: string[];
  notApplicable: string[];
  fewCases: string[];
  overclaimed: string[];
  points: Map<string, number | null>;
}

function reference(
  file: IndicatorFileData,
  ids: readonly string[],
  cells: ReadonlyMap<string, Cells>,
  self: ReadonlyMap<string, Cells>,
): RefCounty[] {
  const p = file.precision;
  const items: { id: string; rule: RuleData; max: number; weight: number }[] = [];
  return ids.map((id) => {
    const own = cells.get(id) ?? new Map<string, CellValue>();
    const lists: Lists = { missing: [], na: [], few: [] };
    const points = new Map<string, number | null>();
    items.length = 0;
    const node = (n: NodeInput, max: number, policy: 'zero' | 'exclude' | 'error'): Out => {
      const here = n.missing ?? policy;
      if (n.rule) {
        items.push({ id: n.id, rule: n.rule, max, weight: n.weight });
        const out = scoreItem(n.id, n.rule, max, here, own, lists);
        points.set(n.id, out.points);
        return out;
      }
      const children = (n.items ?? []).map((c) => ({ weight: c.weight, max: c.weight, out: node(c, c.weight, here) }));
      let out: Out;
      if (max <= 0) out = { points: null, status: 'report-only' };
      else {
        const share = weighted(children);
        out =
          share === null
            ? {
                points: null,
                status: children.every((c) => c.weight <= 0 || c.out.status === 'na') ? 'na' : 'excluded',
              }
            : { points: max * share, status: 'scored' };
      }
      points.set(n.id, out.points);
      return out;
    };
    const systems = file.systems.map((s) => ({
      weight: s.weight,
      max: s.weight,
      out: node(s, s.weight, file.missing),
    }));
    const base = file.scale * (weighted(systems) ?? 0);

    let components: Record<string, number | null> | null = null;
    let composite: number | null = null;
    if (file.components) {
      const sum = file.components.reduce((a, c) => a + c.weight, 0);
      const parts = file.components.map((c) => {
        const max = (file.scale * c.weight) / sum;
        const out = c.rule
          ? scoreItem(c.id, c.rule, max, file.missing, own, null)
          : { points: (base / file.scale) * max, status: 'scored' as const };
        return { weight: c.weight, max, out, id: c.id };
      });
      components = Object.fromEntries(parts.map((x) => [x.id, x.out.points]));
      composite = file.scale * (weighted(parts) ?? 0);
    }

    const yes = (v: string) => {
      const c = own.get(v);
      return c?.kind === 'bool' && c.value;
    };
    let bonus = 0;
    for (const b of file.bonus?.items ?? []) if (b.rule.type === 'check' && yes(b.id)) bonus += b.rule.points ?? 0;
    bonus = Math.min(bonus, file.bonus?.cap ?? 0);

    // Overclaimed: a usable own value whose points, rounded, exceed the scored points rounded.
    const mine = self.get(id);
    const overclaimed: string[] = [];
    if (file.assessors?.self !== undefined && mine) {
      for (const item of items) {
        if (item.weight <= 0) continue;
        const v = mine.get(item.id);
        if (!v || v.kind === 'none' || v.kind === 'na' || tooFew(item.rule, v)) continue;
        const claimed = clamp(attainment(item.rule, v.value, item.max)) * item.max;
        if (round(claimed, p) > round(points.get(item.id) ?? 0, p)) overclaimed.push(item.id);
      }
    }
    const fr = file.assessors?.false_report;
    const falseReport =
      fr && file.assessors?.self !== undefined ? Math.min(fr.per * overclaimed.length, fr.limit ?? Infinity) : 0;

    const triggered = (file.vetoes ?? []).filter((v) => yes(v.id));
    const effect = <K extends string>(v: VetoData, key: K): unknown =>
      typeof v.effect === 'object' && key in v.effect ? (v.effect as Record<string, unknown>)[key] : undefined;
    const deducted =
      triggered.reduce((a, v) => a + ((effect(v, 'deduct') as number | undefined) ?? 0), 0) + falseReport;
    let total = Math.max(0, (composite ?? base) + bonus - deducted);
    for (const v of triggered) {
      const cap = effect(v, 'cap') as number | undefined;
      if (cap !== undefined) total = Math.min(total, cap);
    }
    const grades = [...(file.grades ?? [])].sort((a, b) => b.min - a.min);
    const rounded = round(total, p);
    let grade = grades.find((g) => g.min <= rounded)?.label ?? null;
    for (const v of triggered) {
      const limit = effect(v, 'max_grade') as string | undefined;
      const at = grades.findIndex((g) => g.label === limit);
      if (limit !== undefined && grade !== null && grades.findIndex((g) => g.label === grade) < at) grade = limit;
    }
    const fixed = triggered.find((v) => effect(v, 'grade') !== undefined);
    if (fixed) grade = effect(fixed, 'grade') as string;
    const out = triggered.find((v) => v.effect === 'disqualify');
    if (out) grade = out.label ?? '否决';
    return {
      id,
      total,
      base,
      grade,
      disqualified: out !== undefined,
      vetoes: triggered.map((v) => v.id),
      deducted,
      components,
      missing: lists.missing,
      notApplicable: lists.na,
      fewCases: lists.few,
      overclaimed,
      points,
    };
  });
}

describe('the engine against a plain implementation of the rules', () => {
  it('agrees on every county of random evaluations using every 0.2 key', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { file, cells, self } = c;
        const scoring = scoreCase(c);
        const expected = reference(file, [...cells.keys()], cells, self);
        for (const e of expected) {
          const got = scoring.counties.find((c) => c.county.id === e.id);
          if (!got) throw new Error(`no ${e.id}`);
          expect(got.total).toBeCloseTo(e.total, 9);
          expect(got.base).toBeCloseTo(e.base, 9);
          expect({ grade: got.grade, out: got.disqualified, vetoes: got.vetoes, deducted: got.deducted }).toEqual({
            grade: e.grade,
            out: e.disqualified,
            vetoes: e.vetoes,
            deducted: e.deducted,
          });
          expect([got.missing, got.notApplicable, got.fewCases, got.overclaimed]).toEqual([
            e.missing,
            e.notApplicable,
            e.fewCases,
            e.overclaimed,
          ]);
          for (const [id, x] of e.points) {
            const y = got.nodes.get(id)?.points ?? null;
            if (x === null) expect(y, id).toBeNull();
            else expect(y, id).toBeCloseTo(x, 9);
          }
          if (e.components)
            for (const [id, x] of Object.entries(e.components)) {
              const y = got.components?.get(id)?.points ?? null;
              if (x === null) expect(y, id).toBeNull();
              else expect(y, id).toBeCloseTo(x, 9);
            }
        }
        // Competition ranks on rounded totals, the disqualified unranked.
        const ranked = expected.filter((e) => !e.disqualified);
        for (const e of ranked) {
          const rank = 1 + ranked.filter((o) => round(o.total, file.precision) > round(e.total, file.precision)).length;
          expect(scoring.counties.find((c) => c.county.id === e.id)?.rank).toBe(rank);
        }
        // The self total: the county's own rows in place, no false-report deduction.
        const rec = reconcile(scoring, asTable(cells), asTable(self));
        for (const r of rec.counties) {
          const merged = new Map(cells.get(r.id));
          for (const [id, v] of self.get(r.id) ?? []) if (v.kind !== 'none') merged.set(id, v);
          const noFalse = { ...file, assessors: { self: '自评' } };
          const [own] = reference(noFalse, [r.id], new Map([[r.id, merged]]), new Map());
          expect(r.selfTotal).toBe(round(own?.total ?? NaN, file.precision));
        }
      }),
      { numRuns: 300 },
    );
  });
});
