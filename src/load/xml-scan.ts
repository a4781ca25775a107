/**
 * A small XML scanner over bytes, for the parts of an .xlsx: it calls back for each start tag
 * (with its attributes), end tag and run of text, and never builds a tree or one string of the
 * whole part, so a sheet of a million rows costs only what its cells cost. Element names lose
 * their namespace prefix (`x:row` is `row`). Entities are the five of XML and character
 * references; a DOCTYPE is passed over and its entities are never expanded. Pure.
 */

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags: `read()` decodes it (entities resolved; CDATA as it is) when it is wanted. */
  text?(read: () => string): void;
}

export class XmlError extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Resolves `&lt;`, `&#20013;`, `&#x4E2D;`; an unknown entity is left as it is. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[a-zA-Z]{1,10});/g, (all, e: string) => {
    if (e.startsWith('#')) {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e] ?? all;
  });
}

const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** `name="value"` pairs, read in one pass (no regular expression that could backtrack on a long tag). */
function attributes(s: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    const start = i;
    while (i < n && s[i] !== '=' && !isSpace(s.charCodeAt(i))) i++;
    const name = s.slice(start, i);
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (s[i] !== '=') {
      // A name without a value is passed over; a stray character too.
      if (i === start) i++;
      continue;
    }
    i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    const quote = s[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = s.indexOf(quote, i + 1);
    if (end < 0) break;
    if (name !== '') attrs[localName(name)] = unescapeXml(s.slice(i + 1, end));
    i = end + 1;
  }
  return attrs;
}

/** Scans `bytes` (UTF-8) and calls `h` for every tag and text. Throws XmlError where the XML is broken. */
export function scanXml(bytes: Uint8Array, h: XmlHandler): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const str = (from: number, to: number) => buf.toString('utf8', from, to);
  const n = buf.length;
  let at = 0;
  while (at < n) {
    const lt = buf.indexOf(LT, at);
    const textEnd = lt < 0 ? n : lt;
    if (h.text && textEnd > at) {
      const from = at;
      h.text(() => unescapeXml(str(from, textEnd)));
    }
    if (lt < 0) return;
    const next = buf[lt + 1];
    if (next === 0x21 /* ! */) {
      at = special(buf, lt, h);
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = buf.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      at = end + 2;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    let quote = 0;
    let gt = lt + 1;
    for (; gt < n; gt++) {
      const b = buf[gt];
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOS) quote = b;
      else if (b === GT) break;
    }
    if (gt >= n) throw new XmlError('unterminated tag');
    if (next === SLASH) {
      h.close(localName(str(lt + 2, gt).trim()));
    } else {
      const selfClosing = buf[gt - 1] === SLASH;
      const inner = str(lt + 1, selfClosing ? gt - 1 : gt);
      const space = inner.search(/\s/);
      const name = localName(space < 0 ? inner : inner.slice(0, space));
      h.open(name, space < 0 ? {} : attributes(inner.slice(space)), selfClosing);
      if (selfClosing) h.close(name);
    }
    at = gt + 1;
  }
}

/** `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE …>` at `lt`; returns where scanning goes on. */
function special(buf: Buffer, lt: number, h: XmlHandler): number {
  if (buf.toString('latin1', lt, lt + 4) === '<!--') {
    const end = buf.indexOf('-->', lt + 4);
    if (end < 0) throw new XmlError('unterminated comment');
    return end + 3;
  }
  if (buf.toString('latin1', lt, lt + 9) === '<![CDATA[') {
    const end = buf.indexOf(']]>', lt + 9);
    if (end < 0) throw new XmlError('unterminated CDATA');
    h.text?.(() => buf.toString('utf8', lt + 9, end));
    return end + 3;
  }
  // A declaration such as DOCTYPE, perhaps with an internal subset in brackets: passed over.
  const bracket = buf.indexOf('[', lt);
  const gt = buf.indexOf('>', lt);
  if (gt < 0) throw new XmlError('unterminated declaration');
  if (bracket < 0 || bracket > gt) return gt + 1;
  const end = buf.indexOf(']', bracket);
  const close = end < 0 ? -1 : buf.indexOf('>', end);
  if (close < 0) throw new XmlError('unterminated declaration');
  return close + 1;
}
