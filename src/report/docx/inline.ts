import { InternalHyperlink, type IRunOptions, type ParagraphChild, TextRun } from 'docx';
import { stripped } from '../../model/visible.js';
import type { Block, Inline } from '../doc.js';
import { INK, type Look } from './look.js';

/** What rendering a block needs to know besides the block. */
export interface Ctx {
  readonly look: Look;
  readonly lang: 'zh' | 'en';
  /** Bookmark names of the anchors in this document (headings' and counties' ids): links to them work. */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** The provenance at the end: small type. */
  readonly small: boolean;
  /** Numbered lists so far: each starts at 1 again, as a numbering instance of its own. */
  readonly lists: { count: number };
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates): dropped, so that a stray one cannot spoil the file. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text for a Word run: control and bidi characters (`stripped`) and anything else XML cannot hold dropped. */
export const clean = (text: string): string => stripped(text).replace(NOT_XML, '');

export const plain = (x: Inline): string => (typeof x === 'string' ? x : x.text);

/**
 * Inline content as runs. Links to other files of the batch become plain text (Word has no other
 * files); a link to an anchor of this document becomes an internal hyperlink to its bookmark.
 */
export function runs(content: readonly Inline[], ctx: Ctx, base: IRunOptions = {}): ParagraphChild[] {
  return content.map((x) => {
    if (typeof x === 'string') return new TextRun({ ...base, text: clean(x) });
    const color = x.tone === 'pos' ? INK.pos : x.tone === 'neg' ? INK.neg : undefined;
    const run = new TextRun({ ...base, ...(color ? { color } : {}), text: clean(x.text) });
    const target = x.link && x.link.file === undefined && x.link.anchor ? ctx.bookmarks.get(x.link.anchor) : undefined;
    return target === undefined ? run : new InternalHyperlink({ anchor: target, children: [run] });
  });
}

/**
 * A Word bookmark name for each anchor of the document: letters, digits and `_`, starting with a
 * letter, at most 40 characters (Word's rules), and distinct.
 */
export function bookmarksOf(blocks: readonly Block[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const visit = (list: readonly Block[]) => {
    for (const b of list) {
      const id = b.kind === 'h' ? b.id : b.kind === 'county' ? b.id : undefined;
      if (id !== undefined && !names.has(id)) {
        const base = `a_${id.replace(/[^\p{L}\p{N}_]/gu, '_')}`.slice(0, 36);
        let name = base;
        for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
        taken.add(name);
        names.set(id, name);
      }
      if (b.kind === 'county' || b.kind === 'profile') visit(b.blocks);
    }
  };
  visit(blocks);
  return names;
}
