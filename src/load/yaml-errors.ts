import type { YAMLError } from 'yaml';

/**
 * What a YAML syntax error means to someone editing an indicator file by hand, and where it is.
 * The parser's messages are in English and often name the line after the fault (a value whose
 * next line is indented too far is read as a key running over two lines); these kinds name the
 * usual mistakes, and the catalogue words each in both languages. Pure.
 */
export type YamlFaultKind =
  | 'indent-uneven'
  | 'indent-deeper'
  | 'item-misaligned'
  | 'unclosed-quote'
  | 'unclosed-bracket'
  | 'colon-in-value'
  | 'fullwidth-colon'
  | 'not-key-value'
  | 'missing-colon'
  | 'other';

export interface YamlFault {
  readonly kind: YamlFaultKind;
  /** Where to point: the fault's offset in the text. */
  readonly offset: number;
}

const lineAt = (text: string, offset: number): { start: number; end: number } => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end < 0 ? text.length : end };
};

/** The first character of the next line holding anything but spaces and comments, if any. */
function nextContentLine(text: string, offset: number): number | null {
  let { end } = lineAt(text, offset);
  while (end < text.length) {
    const start = end + 1;
    const line = lineAt(text, start);
    const body = text.slice(start, line.end);
    const first = body.search(/\S/);
    if (first >= 0 && body[first] !== '#') return start + first;
    end = line.end;
  }
  return null;
}

/** Classifies one parser error; `offset` is where the parser placed it (adjusted for unclosed scalars). */
export function yamlFault(e: YAMLError, text: string, at: number): YamlFault {
  const message = e.message;
  const { start, end } = lineAt(text, at);
  // The parser places indentation faults at the line's start; the fault is its first character.
  const offset = at === start ? start + (/^[ ]*/.exec(text.slice(start, end))?.[0].length ?? 0) : at;
  const line = text.slice(start, end);
  const rest = text.slice(offset, end);
  if (/：/.test(line.replace(/#.*$/, '')) && !/:\s/.test(line))
    return { kind: 'fullwidth-colon', offset: start + Math.max(0, line.indexOf('：')) };
  switch (e.code) {
    case 'BAD_INDENT':
      if (/Flow (sequence|mapping)/.test(message)) return { kind: 'unclosed-bracket', offset };
      return { kind: 'indent-uneven', offset };
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) return { kind: 'unclosed-quote', offset };
      if (/without - indicator/.test(message)) return { kind: 'item-misaligned', offset };
      if (/followed by map values/.test(message)) return { kind: 'missing-colon', offset };
      if (/[\]}]/.test(message)) return { kind: 'unclosed-bracket', offset };
      return { kind: 'other', offset };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(message)) return { kind: 'item-misaligned', offset };
      // `name: 甲: 乙` holds a second `: ` on its line; otherwise the next line is indented too far.
      if (/:(\s|$)/.test(rest)) return { kind: 'colon-in-value', offset };
      return { kind: 'indent-deeper', offset: nextContentLine(text, offset) ?? offset };
    case 'MULTILINE_IMPLICIT_KEY':
      return { kind: 'not-key-value', offset };
    default:
      return { kind: 'other', offset };
  }
}
