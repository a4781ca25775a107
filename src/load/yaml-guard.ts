/**
 * Cheap checks of YAML text before the parser sees it. Pure.
 *
 * - Characters YAML does not allow (c-printable, YAML 1.2 §5.1): C0 controls other than tab,
 *   LF and CR (a NUL byte, say), DEL, C1 controls other than NEL, U+FFFE and U+FFFF.
 * - Nesting deeper than MAX_YAML_DEPTH: the parser and the schema recurse once per level, and a
 *   few hundred levels exhaust the stack. An indicator system nests fewer than ten.
 */

/** The deepest nesting read: an indicator system needs fewer than ten levels. */
export const MAX_YAML_DEPTH = 64;

/**
 * The most values read, as `tooMany` estimates them. The bundled systems count about 1,100;
 * yaml needs about 300 bytes of memory per byte of dense flow text (5 MB of `[1, 2, 3]` lists:
 * 35 s and 1.9 GB), so the size limit alone does not bound the cost.
 */
export const MAX_YAML_VALUES = 50_000;

export interface Spot {
  readonly line: number;
  readonly column: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters looked for.
const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;

/** The first character YAML does not allow, with how many there are; `null` when there is none. */
export function controlCharacter(text: string): (Spot & { char: string; count: number }) | null {
  NOT_PRINTABLE.lastIndex = 0;
  const first = NOT_PRINTABLE.exec(text);
  if (!first) return null;
  let count = 1;
  while (NOT_PRINTABLE.exec(text)) count++;
  const start = text.lastIndexOf('\n', first.index - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < first.index; i = text.indexOf('\n', i + 1)) line++;
  const char = `U+${(first[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { line, column: first.index - start + 1, char, count };
}

/**
 * Where the estimated number of values first passes `limit`, or `null`. Every line, comma, `[`
 * and `{` counts one: each value the parser builds needs one of them, give or take a few per
 * line, so the estimate bounds the parser's work whatever the text holds. Linear, and cheap.
 */
export function tooMany(text: string, limit = MAX_YAML_VALUES): Spot | null {
  let count = 1;
  let line = 1;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      start = i + 1;
    } else if (c !== 0x2c && c !== 0x5b && c !== 0x7b) continue;
    // A line that passes the limit is named at its start.
    if (++count > limit) return { line, column: Math.max(1, i - start + 1) };
  }
  return null;
}

/**
 * A level of block nesting: the column its node starts at; `key` when its last key's value was
 * left empty on the line, so a list at the same column is that value, one level deeper.
 */
interface Level {
  readonly indent: number;
  key: boolean;
}

/**
 * Where the nesting first goes deeper than `limit`, or `null`. Counts block levels by
 * indentation (a `- ` or `? ` adds one on its line; a list may sit at its key's indentation) and
 * flow levels by `[` and `{` outside quotes and comments, skipping block scalars and the lines of
 * multi-line quoted scalars. It may count one level more than the parser builds (a scalar as a
 * list entry, `- x`), never fewer: `test/inputs.test.ts` checks both on random documents.
 */
export function tooDeep(text: string, limit = MAX_YAML_DEPTH): Spot | null {
  const lines = text.split('\n');
  let stack: Level[] = [];
  let flow = 0;
  /** Block depth where the open flow collection started. */
  let flowBase = 0;
  let quote: '"' | "'" | null = null;
  let blockScalar: number | null = null;
  /** In a flow collection: whether a scalar has begun since the last `[`, `{`, `,` or `:` (then a quote is text). */
  let afterValue = false;
  /** In a flow collection: whether a quoted scalar or a bracket has just closed (then `:` is an indicator). */
  let closedJust = false;
  for (let n = 0; n < lines.length; n++) {
    const line = (lines[n] ?? '').replace(/\r$/, '');
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (blockScalar !== null) {
      if (line.trim() === '' || indent > blockScalar) continue;
      blockScalar = null;
    }
    let i = 0;
    if (quote === null && flow === 0) {
      const rest = line.slice(indent);
      if (rest === '' || rest.startsWith('#')) continue;
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(rest)) {
        stack = [];
        i = 3;
      } else {
        const item = /^[-?](\s|$)/.test(rest);
        while (stack.length > 0) {
          const top = stack[stack.length - 1] as Level;
          if (top.indent < indent || (top.indent === indent && top.key && item)) break;
          stack.pop();
        }
        // A list at its key's column is that key's value: kept apart from the mapping.
        stack.push({ indent, key: false });
        if (stack.length > limit) return { line: n + 1, column: indent + 1 };
        i = indent;
      }
    }
    // Scan the line: block tokens while in block context, characters while in a flow or a quote.
    while (i < line.length) {
      if (quote !== null) {
        i = closeQuote(line, i, quote);
        if (i < 0) break;
        quote = null;
        afterValue = true;
        closedJust = true;
        continue;
      }
      if (flow > 0) {
        const c = line[i] as string;
        if (c === ' ' || c === '\t') {
          i++;
          continue;
        }
        if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
        const closed = closedJust;
        closedJust = false;
        if ((c === '"' || c === "'") && !afterValue) {
          quote = c;
          i++;
          continue;
        }
        if (c === '[' || c === '{') {
          flow++;
          if (flowBase + flow > limit) return { line: n + 1, column: i + 1 };
          afterValue = false;
        } else if (c === ']' || c === '}') {
          flow--;
          afterValue = true;
          closedJust = true;
          if (flow === 0) {
            i++;
            afterValue = false;
            i = skipToValue(line, i);
            continue;
          }
        } else if (c === ',') afterValue = false;
        else if (c === ':' || c === '?') {
          // An indicator when a space or the line's end follows, or right after a quoted key or a
          // bracket (`{"a":"b"}`); otherwise part of a plain scalar (`[ :'x ]`).
          const next = line[i + 1];
          const spaced = next === undefined || next === ' ' || next === '\t' || /[,[\]{}]/.test(next);
          afterValue = !(spaced || (c === ':' && closed));
        } else afterValue = true;
        i++;
        continue;
      }
      // Block context: at a node's start (`i` is past any indentation).
      const step = blockToken(line, i);
      if (step.kind === 'end') break;
      if (step.kind === 'level') {
        stack.push({ indent: step.at, key: false });
        if (stack.length > limit) return { line: n + 1, column: step.at + 1 };
        i = step.at;
      } else if (step.kind === 'flow') {
        flow = 1;
        // A collection that starts where its level was counted (`[` opening a line or a `- `) is that level.
        flowBase = stack[stack.length - 1]?.indent === step.at ? stack.length - 1 : stack.length;
        if (flowBase + flow > limit) return { line: n + 1, column: step.at + 1 };
        afterValue = false;
        i = step.at + 1;
      } else if (step.kind === 'quote') {
        quote = line[step.at] as '"' | "'";
        i = step.at + 1;
      } else if (step.kind === 'block-scalar') {
        blockScalar = indent;
        break;
      } else if (step.kind === 'empty-key') {
        const top = stack[stack.length - 1];
        if (top) top.key = true;
        break;
      } else i = step.at;
    }
  }
  return null;
}

type Token =
  | { kind: 'end' }
  | { kind: 'level'; at: number }
  | { kind: 'flow'; at: number }
  | { kind: 'quote'; at: number }
  | { kind: 'block-scalar' }
  | { kind: 'empty-key' }
  | { kind: 'next'; at: number };

/** What starts at `i` in block context. */
function blockToken(line: string, from: number): Token {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (i >= line.length) return { kind: 'end' };
  const c = line[i] as string;
  const spaced = i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t';
  if ((c === '-' || c === '?') && spaced) {
    const at = i + 1 + (/^[ \t]*/.exec(line.slice(i + 1))?.[0].length ?? 0);
    return at >= line.length || line[at] === '#' ? { kind: 'end' } : { kind: 'level', at };
  }
  if (c === ':' && spaced) {
    const value = skipToValue(line, i + 1);
    return value >= line.length ? { kind: 'empty-key' } : { kind: 'next', at: value };
  }
  if (c === '#') return { kind: 'end' };
  if (c === '[' || c === '{') return { kind: 'flow', at: i };
  if (c === '"' || c === "'") return { kind: 'quote', at: i };
  if (c === '|' || c === '>') return { kind: 'block-scalar' };
  if (c === '&' || c === '!' || c === '*') {
    // An anchor, tag or alias: the node (or key) follows it.
    const end = line.slice(i).search(/[ \t]/);
    return end < 0 ? { kind: 'end' } : { kind: 'next', at: i + end };
  }
  // A plain scalar: a key when `: ` follows, the value then starting after it.
  const colon = plainKeyEnd(line, i);
  if (colon < 0) return { kind: 'end' };
  const value = skipToValue(line, colon + 1);
  return value >= line.length ? { kind: 'empty-key' } : { kind: 'next', at: value };
}

/** Where a plain key's `:` is (followed by a space or the line's end), or -1 when the scalar is a value. */
function plainKeyEnd(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (c === '#' && /[ \t]/.test(line[i - 1] ?? '')) return -1;
    if (c === ':' && (i + 1 >= line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) return i;
  }
  return -1;
}

/** Past spaces, and past a comment to the line's end. */
function skipToValue(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return line[i] === '#' ? line.length : i;
}

/** The index after the quote that closes a scalar opened before `from`, or -1 when the line ends first. */
function closeQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return -1;
}
