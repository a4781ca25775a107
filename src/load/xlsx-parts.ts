import { scanXml } from './xml-scan.js';

/** The parts of an .xlsx around its sheets: the workbook, its relationships, shared strings and styles. Pure. */

export interface WorkbookInfo {
  readonly sheets: readonly { readonly name: string; readonly rid: string }[];
  readonly date1904: boolean;
}

export function parseWorkbook(bytes: Uint8Array): WorkbookInfo {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  scanXml(bytes, {
    open(name, a) {
      if (name === 'sheet') sheets.push({ name: a.name ?? '', rid: a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
  });
  return { sheets, date1904 };
}

export interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** A .rels part: id → type (its last path segment, e.g. `worksheet`) and target resolved against `base`. */
export function parseRels(bytes: Uint8Array, base: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXml(bytes, {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External') return;
      rels.set(a.Id ?? '', { type: (a.Type ?? '').split('/').at(-1) ?? '', target: resolvePart(base, a.Target ?? '') });
    },
    close() {},
  });
  return rels;
}

/** A relationship target as a zip entry name: `worksheets/sheet1.xml` from `xl/` is `xl/worksheets/sheet1.xml`. */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `_x000D_` and the like, as Excel escapes characters XML cannot hold. */
export const unescapeOoxml = (s: string): string =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : s;

/**
 * The text of `<si>` (shared strings) or `<is>` (inline strings): its `<t>` elements, rich-text
 * runs joined, phonetic guides (`<rPh>`) left out.
 */
export class StringCollector {
  private inT = false;
  private inPhonetic = false;
  private parts: string[] = [];

  open(name: string): void {
    if (name === 't') this.inT = !this.inPhonetic;
    else if (name === 'rPh') this.inPhonetic = true;
  }
  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = false;
  }
  text(read: () => string): void {
    if (this.inT) this.parts.push(read());
  }
  take(): string {
    const s = unescapeOoxml(this.parts.join(''));
    this.parts = [];
    return s;
  }
}

export function parseSharedStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const s = new StringCollector();
  let inSi = false;
  scanXml(bytes, {
    open(name) {
      if (name === 'si') inSi = true;
      else if (inSi) s.open(name);
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        strings.push(s.take());
      } else if (inSi) s.close(name);
    },
    text(read) {
      if (inSi) s.text(read);
    },
  });
  return strings;
}

/** Built-in number formats that are dates or times, including those of Chinese, Japanese and Korean Excel. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/** Whether a format code shows a date or time: d, m, y, h or s outside quotes, escapes and `[…]` (but `[h]` counts). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare ?? '');
}

/** For each cell style index (`<c s>`), whether its number format is a date. */
export function parseDateStyles(bytes: Uint8Array): boolean[] {
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  const ids: number[] = [];
  scanXml(bytes, {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = formats.get(id);
    styles.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
  }
  return styles;
}
