import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * The last touches to the package docx writes, so that the same Doc always gives the same bytes
 * (reports are rerun and diffed) and the file says what it is:
 * - relationship ids that docx makes at random (charts, their workbooks) numbered in order, and
 *   the ids of drawings and bookmarks, which docx counts over all the documents a process makes,
 *   numbered from 1 in each;
 * - the created and modified times of docProps/core.xml set to the report's date, or to a fixed
 *   time without one, and the document's language added;
 * - word/fontTable.xml replaced by one that names the fonts and their stand-ins, and the table
 *   style added to word/styles.xml;
 * - charts' language set to the document's;
 * - every entry of the zip, and of the workbooks embedded in it, dated 1980-01-01 00:00 (the
 *   earliest time a zip can hold), in a fixed order.
 */

export interface Finish {
  /** The document's language, as `w:lang` has it (`zh-CN`, `en-US`). */
  readonly lang: string;
  /** YYYY-MM-DD, or `null`. */
  readonly date: string | null;
  readonly fontTable: string;
  /** Styles to add to word/styles.xml (`w:style` elements). */
  readonly styles: string;
}

/** Local time on purpose: a zip stores local date and time fields, which this makes the same everywhere. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);
const NO_DATE = '1980-01-01T00:00:00Z';
/** The parts a reader looks at first come first. */
const FIRST = ['[Content_Types].xml', '_rels/.rels'];

export function finish(bytes: Uint8Array, o: Finish): Uint8Array {
  const files = unzipSync(bytes);
  const text = new Map<string, string>();
  for (const [path, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(path)) text.set(path, strFromU8(data));

  renumberRelationships(text);
  renumberIds(text);
  const core = text.get('docProps/core.xml');
  if (core !== undefined) text.set('docProps/core.xml', dated(core, o));
  text.set('word/fontTable.xml', o.fontTable);
  const styles = text.get('word/styles.xml');
  if (styles !== undefined) text.set('word/styles.xml', styles.replace('</w:styles>', `${o.styles}</w:styles>`));
  for (const [path, xml] of text)
    if (path.startsWith('word/charts/') && path.endsWith('.xml'))
      text.set(
        path,
        xml
          .replaceAll('<c:lang val="en-US"/>', `<c:lang val="${o.lang}"/>`)
          .replaceAll('lang="en-US"', `lang="${o.lang}"`),
      );

  const out: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(files)) {
    const xml = text.get(path);
    out[path] = xml !== undefined ? strToU8(xml) : path.endsWith('.xlsx') ? rezip(unzipSync(data)) : data;
  }
  return rezip(out);
}

function rezip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const paths = Object.keys(files);
  const ordered = [...FIRST.filter((p) => paths.includes(p)), ...paths.filter((p) => !FIRST.includes(p))];
  const zippable: Zippable = {};
  for (const p of ordered) zippable[p] = [files[p] ?? new Uint8Array(), { mtime: ZIP_TIME, level: 6 }];
  return zipSync(zippable);
}

/**
 * Relationship ids that are not `rIdN` (docx makes those of charts and workbooks at random) become
 * the next free `rIdN` of their .rels part, in the order they appear; every quoted use of the old
 * id in the package is replaced (a random id of 21 characters cannot stand for anything else).
 */
function renumberRelationships(text: Map<string, string>): void {
  const renamed = new Map<string, string>();
  for (const [path, xml] of [...text].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!path.endsWith('.rels')) continue;
    const ids = [...xml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1] ?? '');
    let next = Math.max(
      0,
      ...ids.map((id) => /^rId(\d+)$/.exec(id)?.[1]).map((n) => (n === undefined ? 0 : Number(n))),
    );
    for (const id of ids) if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rId${++next}`);
  }
  if (renamed.size === 0) return;
  const pattern = new RegExp(`"(${[...renamed.keys()].map((id) => id.replace(/[^\w]/g, '\\$&')).join('|')})"`, 'g');
  for (const [path, xml] of text)
    text.set(
      path,
      xml.replace(pattern, (_, id: string) => `"${renamed.get(id)}"`),
    );
}

/** Drawing (`wp:docPr`) and bookmark ids numbered from 1 in the order they appear in the package. */
function renumberIds(text: Map<string, string>): void {
  let drawing = 0;
  const bookmarks = new Map<string, number>();
  for (const [path, xml] of text) {
    if (!path.startsWith('word/') || !path.endsWith('.xml')) continue;
    text.set(
      path,
      xml
        .replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_, start: string) => `${start}${++drawing}"`)
        .replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_, start: string, id: string) => {
          if (!bookmarks.has(id)) bookmarks.set(id, bookmarks.size + 1);
          return `${start}${bookmarks.get(id)}"`;
        }),
    );
  }
}

/** docProps/core.xml with the report's date (or none: a fixed time) and its language. */
function dated(xml: string, o: Finish): string {
  const when = o.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(o.date) ? `${o.date}T00:00:00Z` : NO_DATE;
  return xml
    .replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`)
    .replace('</cp:coreProperties>', `<dc:language>${o.lang}</dc:language></cp:coreProperties>`);
}
