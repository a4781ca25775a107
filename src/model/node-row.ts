/**
 * One county's results by node, held in typed arrays: a county has a result for every system,
 * group and item (120 in a national system), some 8 KB as objects in a map. Read as the `ReadonlyMap<string, NodeResult>` everything else takes: a result is
 * made as an object when it is asked for; results are iterated in file order. Pure.
 */
import type { NodeResult, NodeStatus, NoEvidence } from './scoring.js';
import type { IndicatorSystem } from './system.js';

const STATUSES: readonly NodeStatus[] = ['scored', 'missing', 'excluded', 'na', 'report-only'];
const WHY: readonly (NoEvidence | undefined)[] = [undefined, 'none', 'too-few', 'rejected'];
const statusCode = new Map(STATUSES.map((s, i) => [s, i]));
const whyCode = new Map(WHY.map((w, i) => [w, i]));

/** Each node's number in its system (file order), and the ids by number: made once per system. */
interface Numbering {
  readonly index: ReadonlyMap<string, number>;
  readonly ids: readonly string[];
}
const numberings = new WeakMap<IndicatorSystem, Numbering>();
const numberingOf = (system: IndicatorSystem): Numbering => {
  let n = numberings.get(system);
  if (n === undefined) {
    n = { index: new Map(system.nodes.map((node, i) => [node.id, i])), ids: system.nodes.map((node) => node.id) };
    numberings.set(system, n);
  }
  return n;
};

export class NodeRow implements ReadonlyMap<string, NodeResult> {
  private readonly index: ReadonlyMap<string, number>;
  private readonly ids: readonly string[];
  /** Points; NaN for none (`null`). */
  private readonly points: Float64Array;
  /**
   * Per node: the status (a number in STATUSES; 255 for no result), and why there is no
   * evidence (a number in WHY), one after the other.
   */
  private readonly codes: Uint8Array;

  constructor(system: IndicatorSystem) {
    ({ index: this.index, ids: this.ids } = numberingOf(system));
    this.points = new Float64Array(this.ids.length);
    this.codes = new Uint8Array(2 * this.ids.length);
    for (let i = 0; i < this.ids.length; i++) this.codes[2 * i] = 255;
  }

  /** Sets a node's result (a node of the system given). */
  set(id: string, r: NodeResult): this {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`fazhi invariant broken: ${id} is no node of the system`);
    // Every result is finite (see score/finite.ts): a NaN or an infinity is a bug, caught where it is made.
    if (r.points !== null && !Number.isFinite(r.points))
      throw new Error(`fazhi invariant broken: the points of ${id} are ${r.points}, not a finite number`);
    this.points[i] = r.points ?? Number.NaN;
    this.codes[2 * i] = statusCode.get(r.status) ?? 0;
    this.codes[2 * i + 1] = whyCode.get(r.noEvidence) ?? 0;
    return this;
  }

  get size(): number {
    return this.withResult().length;
  }

  /** The numbers of the nodes with a result, in file order (the order of iteration). */
  private withResult(): number[] {
    return this.ids.flatMap((_, i) => (this.codes[2 * i] === 255 ? [] : [i]));
  }

  get(id: string): NodeResult | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  /** A node's points (`null` for none, `undefined` for no result), without making the result. */
  pointsOf(id: string): number | null | undefined {
    const i = this.index.get(id);
    if (i === undefined || this.codes[2 * i] === 255) return undefined;
    const x = this.points[i] ?? Number.NaN;
    return Number.isNaN(x) ? null : x;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, NodeResult]> {
    for (const i of this.withResult()) yield [this.ids[i] ?? '', this.at(i) as NodeResult];
  }

  *keys(): MapIterator<string> {
    for (const i of this.withResult()) yield this.ids[i] ?? '';
  }

  *values(): MapIterator<NodeResult> {
    for (const i of this.withResult()) yield this.at(i) as NodeResult;
  }

  [Symbol.iterator](): MapIterator<[string, NodeResult]> {
    return this.entries();
  }

  forEach(f: (value: NodeResult, key: string, map: ReadonlyMap<string, NodeResult>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }

  private at(i: number): NodeResult | undefined {
    const s = this.codes[2 * i] ?? 255;
    if (s === 255) return undefined;
    const x = this.points[i] ?? Number.NaN;
    const points = Number.isNaN(x) ? null : x;
    const status = STATUSES[s] ?? 'scored';
    const noEvidence = WHY[this.codes[2 * i + 1] ?? 0];
    return noEvidence === undefined ? { points, status } : { points, status, noEvidence };
  }
}

/** A node's points in a county's results (`null` for none or no result): from a NodeRow without making the result. */
export const pointsOf = (nodes: ReadonlyMap<string, NodeResult>, id: string): number | null =>
  (nodes instanceof NodeRow ? nodes.pointsOf(id) : nodes.get(id)?.points) ?? null;
