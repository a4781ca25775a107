/** File names for the report batch, made from county and prefecture names. Pure. */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_BYTES = 180;

/**
 * A name made safe as one file name: no path separators or characters Windows refuses
 * (`/ \ : * ? " < > |` become `_`), no control or invisible format characters (bidi overrides),
 * no leading dots (so never `.`, `..` or a hidden file), no trailing dots or spaces, no
 * Windows device names, at most 180 bytes of UTF-8; Chinese and other letters are kept.
 * Never empty (`_`).
 */
export function safeFileName(name: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '_')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '');
  if (Buffer.byteLength(s, 'utf8') > MAX_BYTES) {
    let cut = '';
    for (const ch of s) {
      if (Buffer.byteLength(cut + ch, 'utf8') > MAX_BYTES) break;
      cut += ch;
    }
    s = cut.replace(/[.\s]+$/u, '');
  }
  if (s === '') s = '_';
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s;
}

/**
 * Gives safe file names, unique even on case-insensitive file systems and apart from the names
 * `taken` already and from each other: a clash gets `-ID` when an id is given, else `-2`, `-3`, …
 */
export function fileNamer(taken: readonly string[]): (name: string, id?: string) => string {
  // A name stands for a report file (NAME.html, NAME.md) and a folder (NAME/): none may clash.
  const forms = (s: string) => [s, `${s}.html`, `${s}.md`].map((f) => f.toLowerCase());
  const used = new Set(taken.flatMap(forms));
  const clashes = (s: string) => forms(s).some((f) => used.has(f));
  return (name, id) => {
    const base = safeFileName(name);
    let candidate = base;
    if (clashes(candidate) && id !== undefined) candidate = safeFileName(`${base}-${id}`);
    for (let n = 2; clashes(candidate); n++) candidate = `${base}-${n}`;
    for (const f of forms(candidate)) used.add(f);
    return candidate;
  };
}

/** Safe, unique file names for a list of names (see `fileNamer`). */
export function uniqueNames(names: readonly string[], taken: readonly string[], ids?: readonly string[]): string[] {
  const name = fileNamer(taken);
  return names.map((n, i) => name(n, ids?.[i]));
}
