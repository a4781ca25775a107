/**
 * User text as human outputs show it (docs/limits.md, 输出): every character that could steer a
 * terminal or a CI runner, or hide what the text says, written as a visible escape, and long
 * values cut short. One place, used by every human renderer. Pure.
 *
 * What counts: C0 controls (ESC, BEL, NUL, line breaks, tabs …), DEL, C1 controls, the bidi
 * embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and marks (U+200E, U+200F,
 * U+061C), the line and paragraph separators (U+2028, U+2029), and lone surrogates.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
const UNSAFE_ALL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Line breaks and tabs: what `oneLine` turns into a space. */
const BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One character as an escape: `\n`, `\x1b`, `\u202e`. */
export function escapeChar(c: string): string {
  const named = NAMED[c];
  if (named !== undefined) return named;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A colon leading the text (after blanks): a CI runner obeys a line that starts with `::`. */
const LEADING_COLON = /^(\s*):/;

/**
 * User text that may start a line never starts it with `:` (written `\x3a`): GitHub Actions reads
 * a line of stdout or stderr beginning with `::` (after blanks) as a workflow command.
 */
const noCommand = (s: string): string => (LEADING_COLON.test(s) ? s.replace(LEADING_COLON, '$1\\x3a') : s);

/** Does the text hold anything `visible` would escape? */
export const hasUnsafe = (s: string): boolean => UNSAFE.test(s);

/** Every unsafe character as a visible escape, line breaks and tabs too (`a\nb` → `a\\nb`), and a leading `:` too. Idempotent. */
export const visible = (s: string): string => noCommand(UNSAFE.test(s) ? s.replace(UNSAFE_ALL, escapeChar) : s);

/**
 * Text for one line of a terminal table or text: line breaks and tabs become a space (a cell that
 * held two lines reads as one), every other unsafe character a visible escape. Idempotent.
 */
export const oneLine = (s: string): string => visible(UNSAFE.test(s) ? s.replace(BREAKS, ' ') : s);

/** Unsafe characters other than line breaks and tabs (which a Word document keeps). */
const UNSAFE_INLINE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this does
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for a Word document, whose runs cannot show an escape as text would: every unsafe character
 * other than line breaks and tabs dropped (ESC, BEL, the bidi controls …).
 */
export const stripped = (s: string): string => (UNSAFE.test(s) ? s.replace(UNSAFE_INLINE, '') : s);

/**
 * At most `max` characters (code points, so a surrogate pair is never split), the last one an
 * ellipsis `…` when anything was cut. Reads no further than it keeps: cheap on a huge string.
 */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  let n = 0;
  for (const c of s) {
    if (n === max) return `${[...out].slice(0, max - 1).join('')}…`;
    out += c;
    n++;
  }
  return out;
}

/** The longest a quoted user value runs in a message (an id, a value, a name). */
export const VALUE_CHARS = 60;
/** The longest a list, a place or a command runs in a message (sheets, columns, `first`, …). */
export const LIST_CHARS = 240;

/** A user value as a message quotes it: cut to `max` characters, then made visible. */
export const shown = (s: string, max: number = VALUE_CHARS): string => visible(clip(s, max));

/**
 * A copy of a renderer's input with every string made `oneLine`: plain objects, arrays, maps and
 * sets are copied (shared parts once), anything else (functions, chalk) kept as it is. What every
 * terminal renderer does first, so that no county, item, source or note can put a control
 * character or a line of its own on the terminal.
 */
export function forTerminal<T>(x: T): T {
  const seen = new Map<object, unknown>();
  const map = (v: unknown): unknown => {
    if (typeof v === 'string') return oneLine(v);
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const e of v) out.push(map(e));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map<unknown, unknown>();
      seen.set(v, out);
      for (const [k, e] of v) out.set(map(k), map(e));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      seen.set(v, out);
      for (const e of v) out.add(map(e));
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    seen.set(v, out);
    for (const [k, e] of Object.entries(v)) out[k] = map(e);
    return out;
  };
  return map(x) as T;
}

/**
 * A list of user values as a message gives it: each `shown`, as many as fit in `max` characters
 * in all, then `…` for the rest.
 */
export function shownList(values: readonly string[], max: number = LIST_CHARS): string[] {
  const out: string[] = [];
  let length = 0;
  for (const v of values) {
    const s = shown(v);
    if (length + s.length > max) return [...out, '…'];
    out.push(s);
    length += s.length + 2;
  }
  return out;
}
