/**
 * One county's results by node, held in typed arrays: a county has a result for every system,
 * group and item (120 in a national system), and 28,000 counties' results as objects in maps
 * took 400 MB. Read as the `ReadonlyMap<string, NodeResult>` everything else takes: a result is
 * made as an object when it is asked for. Pure.
 */
import type { NodeResult, NodeStatus, NoEvidence } from './scoring.js';
import type { IndicatorSystem } from './system.js';

const STATUSES: readonly NodeStatus[] = ['scored', 'missing', 'excluded', 'na', 'report-only'];
const WHY: readonly (NoEvidence | undefined)[] = [undefined, 'none', 'too-few', 'rejected'];
const statusCode = new Map(STATUSES.map((s, i) => [s, i]));
const whyCode = new Map(WHY.map((w, i) => [w, i]));

/** Each node's number in its system (file order), made once per system. */
const indices = new WeakMap<IndicatorSystem, ReadonlyMap<string, number>>();
const indexOf = (system: IndicatorSystem): ReadonlyMap<string, number> => {
  let index = indices.get(system);
  if (index === undefined) {
    index = new Map(system.nodes.map((n, i) => [n.id, i]));
    indices.set(system, index);
  }
  return index;
};

export class NodeRow implements ReadonlyMap<string, NodeResult> {
  private readonly index: ReadonlyMap<string, number>;
  private readonly ids: readonly string[];
  /** Points; NaN for none (`null`). */
  private readonly points: Float64Array;
  /** Status and why there is no evidence, as numbers in STATUSES and WHY; 255 for no result. */
  private readonly status: Uint8Array;
  private readonly why: Uint8Array;
  /** Node numbers in the order their results were set. */
  private readonly order: number[] = [];

  constructor(system: IndicatorSystem) {
    this.index = indexOf(system);
    this.ids = [...this.index.keys()];
    this.points = new Float64Array(this.ids.length);
    this.status = new Uint8Array(this.ids.length).fill(255);
    this.why = new Uint8Array(this.ids.length);
  }

  /** Sets a node's result (a node of the system given). */
  set(id: string, r: NodeResult): this {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`fazhi invariant broken: ${id} is no node of the system`);
    // NaN stands for no points here: a NaN result is a bug (finiteScore's), caught where it is made.
    if (r.points !== null && Number.isNaN(r.points))
      throw new Error(`fazhi invariant broken: the points of ${id} are NaN`);
    if (this.status[i] === 255) this.order.push(i);
    this.points[i] = r.points ?? Number.NaN;
    this.status[i] = statusCode.get(r.status) ?? 0;
    this.why[i] = whyCode.get(r.noEvidence) ?? 0;
    return this;
  }

  get size(): number {
    return this.order.length;
  }

  get(id: string): NodeResult | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, NodeResult]> {
    for (const i of this.order) yield [this.ids[i] ?? '', this.at(i) as NodeResult];
  }

  *keys(): MapIterator<string> {
    for (const i of this.order) yield this.ids[i] ?? '';
  }

  *values(): MapIterator<NodeResult> {
    for (const i of this.order) yield this.at(i) as NodeResult;
  }

  [Symbol.iterator](): MapIterator<[string, NodeResult]> {
    return this.entries();
  }

  forEach(f: (value: NodeResult, key: string, map: ReadonlyMap<string, NodeResult>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }

  private at(i: number): NodeResult | undefined {
    const s = this.status[i] ?? 255;
    if (s === 255) return undefined;
    const x = this.points[i] ?? Number.NaN;
    const points = Number.isNaN(x) ? null : x;
    const status = STATUSES[s] ?? 'scored';
    const noEvidence = WHY[this.why[i] ?? 0];
    return noEvidence === undefined ? { points, status } : { points, status, noEvidence };
  }
}
