import type { ReportModel } from '../analyze/report-model.js';
import type { Align } from './markdown.js';

/**
 * The reports as documents: headings, paragraphs, tables and charts, built once from the model
 * and rendered as HTML (html/render.ts) or Markdown (below), so that both say the same.
 */

/** A link to another file of the batch (path segments, the last without extension) and/or an anchor in it. */
export interface Link {
  readonly file?: readonly string[];
  readonly anchor?: string;
}

export type Inline = string | { readonly text: string; readonly link?: Link; readonly tone?: 'pos' | 'neg' };

export interface Row {
  readonly cells: readonly Inline[];
  readonly muted?: boolean;
  /** A heading row inside the table (a score sheet's system): set apart. */
  readonly strong?: boolean;
}

/** One bar of a ranking chart: a county's (or a prefecture's) total. */
export interface Bar {
  readonly label: string;
  /** The total; `null` draws no bar (e.g. no score). */
  readonly value: number | null;
  /** 达标 (at or above the pass line), 未达标, or out of the ranking (disqualified). */
  readonly tone: 'pass' | 'fail' | 'out';
  /** A creation county (创建县), where the register says so: drawn with a mark. */
  readonly marked: boolean;
}

/** One county of a chart of rank intervals. */
export interface IntervalRow {
  readonly label: string;
  /** The rank with the weights as written. */
  readonly rank: number;
  readonly median: number;
  /** The best end of the interval (5th percentile) and the worst (95th). */
  readonly low: number;
  readonly high: number;
}

/** A reference line across a ranking chart: the pass line, or a mean. */
export interface RefLine {
  readonly label: string;
  readonly value: number;
  readonly kind: 'pass' | 'mean' | 'mean2';
}

export type Block =
  | {
      readonly kind: 'h';
      readonly level: 2 | 3 | 4;
      readonly text: string;
      readonly id?: string;
      readonly link?: { readonly text: string; readonly link: Link };
    }
  | { readonly kind: 'p'; readonly content: readonly Inline[]; readonly note?: boolean }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[]; readonly ordered: boolean }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly align: readonly Align[];
      readonly rows: readonly Row[];
    }
  /** A system profile: attainments 0–1 on each axis, a county's against the mean (or the mean alone). */
  | {
      readonly kind: 'radar';
      readonly title: string;
      readonly axes: readonly { readonly id: string; readonly name: string }[];
      readonly county: { readonly label: string; readonly values: readonly (number | null)[] } | null;
      readonly mean: { readonly label: string; readonly values: readonly (number | null)[] };
    }
  /** A ranking: horizontal bars of totals, best first, with the pass line and means across. */
  | {
      readonly kind: 'bars';
      readonly title: string;
      /** The axis runs from 0 to this (the scale, or more with bonus points). */
      readonly max: number;
      readonly precision: number;
      readonly bars: readonly Bar[];
      readonly lines: readonly RefLine[];
      /** The legend's words for what the chart shows (only those present are drawn). */
      readonly keys: {
        readonly pass: string;
        readonly fail: string;
        readonly out: string;
        readonly marked: string;
      };
    }
  /**
   * Rank intervals (`--sensitivity`): a row per county in rank order, its median rank a dot, its
   * 5–95% interval a bar, its rank with the weights as written marked, on an axis of ranks 1…`ranks`.
   */
  | {
      readonly kind: 'intervals';
      readonly title: string;
      /** The axis runs from rank 1 to this (how many are ranked), the same in every part of a long chart. */
      readonly ranks: number;
      readonly rows: readonly IntervalRow[];
      readonly keys: {
        readonly median: string;
        readonly interval: string;
        readonly rank: string;
        readonly axis: string;
      };
      /** Where a chart cannot be drawn (Markdown, Word) it is a compact table: rank, county, median, interval. */
      readonly head: readonly string[];
    }
  /** A county's profile: the chart beside its table (side by side on screen). */
  | { readonly kind: 'profile'; readonly blocks: readonly Block[] }
  /** One county of a prefecture report: a new page when printed. */
  | { readonly kind: 'county'; readonly id: string; readonly blocks: readonly Block[] };

/** One of the opening lines under the title: 评估机构、评估时间、评估方式、指标体系、评估范围 … */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface Doc {
  readonly lang: ReportModel['lang'];
  readonly title: string;
  /** What was evaluated, by whom, how and with what: the lines under the title. */
  readonly facts: readonly Fact[];
  /** The evaluation's notice (e.g. that the data are synthetic): a banner at the top. */
  readonly notice: string | null;
  readonly date: string | null;
  readonly back: { readonly text: string; readonly link: Link } | null;
  readonly blocks: readonly Block[];
  readonly footer: readonly Block[];
}

export const h = (level: 2 | 3 | 4, text: string, id?: string): Block =>
  id === undefined ? { kind: 'h', level, text } : { kind: 'h', level, text, id };
export const p = (...content: Inline[]): Block => ({ kind: 'p', content });
export const note = (...content: Inline[]): Block => ({ kind: 'p', content, note: true });
export const table = (head: readonly string[], align: readonly Align[], rows: readonly Row[]): Block => ({
  kind: 'table',
  head,
  align,
  rows,
});
export const tone = (x: number | null, text: string): Inline =>
  x === null || x === 0 ? text : { text, tone: x > 0 ? 'pos' : 'neg' };

/** Where a link goes, relative to the page: `../文山州.html#c-532624`. */
/** A path segment percent-encoded, brackets too: a `)` in a name cannot end a Markdown link. */
const uri = (s: string): string =>
  encodeURIComponent(s).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function linkTarget(l: Link, ext: string): string {
  const file = l.file ?? [];
  const path = file.map((s, i) => (s === '..' ? s : uri(i === file.length - 1 ? `${s}${ext}` : s)));
  return `${path.join('/')}${l.anchor ? `#${uri(l.anchor)}` : ''}`;
}

/** The anchor of a county in its prefecture's report. */
export const countyAnchor = (id: string): string => `c-${id}`;
