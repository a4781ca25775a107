import { pointsOf } from '../model/node-row.js';
import type { CountyScore } from '../model/scoring.js';
import type { IndicatorSystem } from '../model/system.js';

/**
 * Totals again with other weights (`fazhi sensitivity`): every county keeps what it scored (its
 * items' points, too-few-cases and 不适用 items, the components scored from evidence, its bonus,
 * deductions, caps and disqualification); only the weights of the systems, groups, items and
 * components change, and every weight is used as a share among its siblings (FORMATS.md §2
 * weighs groups that way under both weightings). With the weights as written, the totals are the
 * engine's to the bit: the same sums, in the same order, as score.ts. Pure.
 */
export class Reweighing {
  /** What each weight belongs to: `system.nodes` in file order, then the components. */
  readonly weighted: readonly { readonly id: string; readonly name: string }[];
  /** The weights as written, in `weighted`'s order. */
  readonly written: Float64Array;
  /** Indexes into `weighted` of the top-level systems. */
  readonly systems: Int32Array;

  private readonly nodeCount: number;
  private readonly max: Float64Array;
  private readonly isGroup: Uint8Array;
  /** Children of node i: childList[childStart[i] … childStart[i + 1]). */
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;
  /** Per county, its items' points as scored (NaN where left out, 不适用 or report-only); groups unset. */
  private readonly points: Float64Array;
  /** Per county and component, the component's points as scored (NaN where left out); the systems' one unset. */
  private readonly componentPoints: Float64Array;
  private readonly fromSystems: number;
  private readonly extra: { readonly bonus: number; readonly deducted: number; readonly cap: number }[];
  private readonly scratch: Float64Array;

  constructor(
    private readonly system: IndicatorSystem,
    counties: readonly CountyScore[],
  ) {
    const nodes = system.nodes;
    const m = nodes.length;
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    this.nodeCount = m;
    this.weighted = [...nodes, ...system.components].map((n) => ({ id: n.id, name: n.name }));
    this.written = Float64Array.from([...nodes, ...system.components], (n) => n.weight);
    this.systems = Int32Array.from(system.systems, (s) => index.get(s.id) ?? -1);
    this.max = Float64Array.from(nodes, (n) => n.max);
    this.isGroup = Uint8Array.from(nodes, (n) => (n.rule === null ? 1 : 0));
    this.childStart = new Int32Array(m + 1);
    const children: number[] = [];
    nodes.forEach((n, i) => {
      this.childStart[i] = children.length;
      for (const c of n.children) children.push(index.get(c.id) ?? -1);
    });
    this.childStart[m] = children.length;
    this.childList = Int32Array.from(children);

    const k = system.components.length;
    this.fromSystems = system.components.findIndex((c) => c.scorable === null);
    this.points = new Float64Array(counties.length * m).fill(Number.NaN);
    this.componentPoints = new Float64Array(counties.length * k).fill(Number.NaN);
    const caps = new Map(
      system.vetoes.flatMap((v) => (typeof v.effect === 'object' && 'cap' in v.effect ? [[v.id, v.effect.cap]] : [])),
    );
    this.extra = counties.map((c, j) => {
      nodes.forEach((n, i) => {
        if (n.rule !== null) this.points[j * m + i] = pointsOf(c.nodes, n.id) ?? Number.NaN;
      });
      system.components.forEach((comp, i) => {
        this.componentPoints[j * k + i] = c.components?.get(comp.id)?.points ?? Number.NaN;
      });
      const cap = c.vetoes.reduce((t, id) => Math.min(t, caps.get(id) ?? Infinity), Infinity);
      return { bonus: c.bonus, deducted: c.deducted, cap };
    });
    this.scratch = new Float64Array(m);
  }

  /** Each county's total with `weights` (in `weighted`'s order), unrounded, in the order given. */
  totals(weights: Float64Array, out: Float64Array = new Float64Array(this.extra.length)): Float64Array {
    const { system, nodeCount: m, max, isGroup, childStart, childList, scratch: val } = this;
    const k = system.components.length;
    for (let j = 0; j < this.extra.length; j++) {
      val.set(this.points.subarray(j * m, (j + 1) * m));
      // Children come after their parent in file order: from the last node back, a group's
      // children are done before it.
      for (let i = m - 1; i >= 0; i--) {
        if (isGroup[i] === 0) continue;
        const share = this.share(weights, childList, childStart[i] as number, childStart[i + 1] as number);
        const g = max[i] as number;
        val[i] = g > 0 && share !== null ? g * share : Number.NaN;
      }
      const baseShare = this.share(weights, this.systems, 0, this.systems.length);
      const base = baseShare === null ? 0 : system.scale * baseShare;
      let composite: number | null = null;
      if (k > 0) {
        let num = 0;
        let den = 0;
        for (let c = 0; c < k; c++) {
          const comp = system.components[c];
          const w = weights[m + c] as number;
          const cmax = comp?.max ?? 0;
          const p =
            c === this.fromSystems
              ? (system.scale > 0 ? base / system.scale : 0) * cmax
              : (this.componentPoints[j * k + c] as number);
          if (!(w > 0) || Number.isNaN(p) || !(cmax > 0)) continue;
          num += w * (p / cmax);
          den += w;
        }
        composite = system.scale * (den > 0 ? num / den : 0);
      }
      const e = this.extra[j] as { bonus: number; deducted: number; cap: number };
      out[j] = Math.min(e.cap, Math.max(0, (composite ?? base) + e.bonus - e.deducted));
    }
    return out;
  }

  /** Σ wᵢ·aᵢ ÷ Σ wᵢ over the listed nodes of positive weight not left out (score.ts's weightedShare). */
  private share(weights: Float64Array, list: Int32Array, from: number, to: number): number | null {
    let num = 0;
    let den = 0;
    for (let x = from; x < to; x++) {
      const c = list[x] as number;
      const w = weights[c] as number;
      const p = this.scratch[c] as number;
      const cmax = this.max[c] as number;
      if (!(w > 0) || Number.isNaN(p) || !(cmax > 0)) continue;
      num += w * (p / cmax);
      den += w;
    }
    return den > 0 ? num / den : null;
  }
}
