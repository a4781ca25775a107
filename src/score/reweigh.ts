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

  private readonly n: number;
  private readonly max: Float64Array;
  private readonly isGroup: Uint8Array;
  /** Children of node i: childList[childStart[i] … childStart[i + 1]). */
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;
  /**
   * Node-major points, county j of node i at i·n + j: items as scored (NaN where left out,
   * 不适用 or report-only), then the components as scored (the systems' one worked out each
   * time); group rows are worked out by `totals`.
   */
  private readonly points: Float64Array;
  private readonly fromSystems: number;
  /** 0 … components − 1: the components' places after the nodes. */
  private readonly components: Int32Array;
  private readonly bonus: Float64Array;
  private readonly deducted: Float64Array;
  private readonly cap: Float64Array;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly base: Float64Array;

  constructor(
    private readonly system: IndicatorSystem,
    counties: readonly CountyScore[],
  ) {
    const nodes = system.nodes;
    const m = nodes.length;
    const n = counties.length;
    const index = new Map(nodes.map((x, i) => [x.id, i]));
    this.n = n;
    this.weighted = [...nodes, ...system.components].map((x) => ({ id: x.id, name: x.name }));
    this.written = Float64Array.from([...nodes, ...system.components], (x) => x.weight);
    this.systems = Int32Array.from(system.systems, (x) => index.get(x.id) ?? -1);
    this.max = Float64Array.from([...nodes, ...system.components], (x) => x.max);
    this.isGroup = Uint8Array.from(nodes, (x) => (x.rule === null ? 1 : 0));
    this.childStart = new Int32Array(m + 1);
    const children: number[] = [];
    nodes.forEach((x, i) => {
      this.childStart[i] = children.length;
      for (const c of x.children) children.push(index.get(c.id) ?? -1);
    });
    this.childStart[m] = children.length;
    this.childList = Int32Array.from(children);

    this.fromSystems = m + system.components.findIndex((c) => c.scorable === null);
    this.components = Int32Array.from(system.components, (_, i) => i);
    this.points = new Float64Array((m + system.components.length) * n).fill(Number.NaN);
    const caps = new Map(
      system.vetoes.flatMap((v) => (typeof v.effect === 'object' && 'cap' in v.effect ? [[v.id, v.effect.cap]] : [])),
    );
    counties.forEach((c, j) => {
      nodes.forEach((x, i) => {
        if (x.rule !== null) this.points[i * n + j] = pointsOf(c.nodes, x.id) ?? Number.NaN;
      });
      system.components.forEach((comp, i) => {
        this.points[(m + i) * n + j] = c.components?.get(comp.id)?.points ?? Number.NaN;
      });
    });
    this.bonus = Float64Array.from(counties, (c) => c.bonus);
    this.deducted = Float64Array.from(counties, (c) => c.deducted);
    this.cap = Float64Array.from(counties, (c) =>
      c.vetoes.reduce((t, id) => Math.min(t, caps.get(id) ?? Infinity), Infinity),
    );
    this.num = new Float64Array(n);
    this.den = new Float64Array(n);
    this.base = new Float64Array(n);
  }

  /** Each county's total with `weights` (in `weighted`'s order), unrounded, in the order given. */
  totals(weights: Float64Array, out: Float64Array = new Float64Array(this.n)): Float64Array {
    const { system, n, max, isGroup, childStart, childList, points, num, den, base } = this;
    const m = isGroup.length;
    // Children come after their parent in file order: from the last node back, a group's
    // children are done before it.
    for (let i = m - 1; i >= 0; i--) {
      if (isGroup[i] === 0) continue;
      this.share(weights, childList, childStart[i] as number, childStart[i + 1] as number);
      const g = max[i] as number;
      for (let j = 0; j < n; j++)
        points[i * n + j] =
          g > 0 && (den[j] as number) > 0 ? g * ((num[j] as number) / (den[j] as number)) : Number.NaN;
    }
    this.share(weights, this.systems, 0, this.systems.length);
    for (let j = 0; j < n; j++)
      base[j] = (den[j] as number) > 0 ? system.scale * ((num[j] as number) / (den[j] as number)) : 0;
    const k = system.components.length;
    if (k > 0) {
      // The composite (FORMATS.md §6): the systems' component is base ÷ scale of its maximum.
      const cmax = max[this.fromSystems] as number;
      const from = this.fromSystems * n;
      for (let j = 0; j < n; j++) points[from + j] = (system.scale > 0 ? (base[j] as number) / system.scale : 0) * cmax;
      this.share(weights, this.components, 0, k, m);
      for (let j = 0; j < n; j++)
        base[j] = system.scale * ((den[j] as number) > 0 ? (num[j] as number) / (den[j] as number) : 0);
    }
    for (let j = 0; j < n; j++)
      out[j] = Math.min(
        this.cap[j] as number,
        Math.max(0, (base[j] as number) + (this.bonus[j] as number) - (this.deducted[j] as number)),
      );
    return out;
  }

  /**
   * num/den of every county: Σ wᵢ·aᵢ and Σ wᵢ over the listed nodes of positive weight not left
   * out, in the order listed (score.ts's weightedShare, summed in the same order).
   */
  private share(weights: Float64Array, list: Int32Array, from: number, to: number, offset = 0): void {
    const { n, points, num, den } = this;
    num.fill(0);
    den.fill(0);
    for (let x = from; x < to; x++) {
      const c = (list[x] as number) + offset;
      const w = weights[c] as number;
      const cmax = this.max[c] as number;
      if (!(w > 0) || !(cmax > 0)) continue;
      for (let j = 0, at = c * n; j < n; j++, at++) {
        const p = points[at] as number;
        if (Number.isNaN(p)) continue; // left out
        num[j] = (num[j] as number) + w * (p / cmax);
        den[j] = (den[j] as number) + w;
      }
    }
  }
}
