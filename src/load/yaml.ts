import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
} from 'yaml';
import type { Finding, Path, Problem, ProblemCode } from '../model/problem.js';
import { FORBIDDEN_KEYS } from '../model/zod-issues.js';
import { yamlFault } from './yaml-errors.js';
import { controlCharacter, MAX_YAML_DEPTH, MAX_YAML_VALUES, tooDeep, tooMany } from './yaml-guard.js';

/**
 * The most alias expansions a document may make: enough for any honest reuse of an anchor,
 * far too few for a "billion laughs" document, whose expansions grow exponentially.
 */
export const MAX_ALIAS_COUNT = 10_000;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlText {
  /** The document as plain data; `undefined` when it could not be read. */
  readonly value: unknown;
  /** Syntax and safety problems, located. */
  readonly problems: Problem[];
  /** Where a path of the data stands in the text; a missing key points at its parent. */
  locate(path: Path, atKey?: boolean): Position;
  /** A finding placed in this file. */
  place(finding: Finding): Problem;
}

const YAML_CODES: Readonly<Record<string, ProblemCode>> = {
  DUPLICATE_KEY: 'yaml-duplicate-key',
  TAB_AS_INDENT: 'yaml-tab',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

/** The tags of the core schema, and `!` (a plain string): any other tag is refused. */
const CORE_TAGS = new Set([
  '!',
  ...['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
]);

/**
 * Parses YAML 1.2 (core schema) text, keeping enough to locate every value. Text the parser
 * should not see is refused first: characters YAML does not allow (a NUL byte), nesting deeper
 * than MAX_YAML_DEPTH and more than MAX_YAML_VALUES values. Pure.
 */
export function parseYaml(text: string, file: string): YamlText {
  const refused = guard(text, file);
  if (refused) {
    const place = (f: Finding): Problem => ({ ...f, file, line: 1, column: 1 });
    return { value: undefined, problems: [refused], locate: () => ({ line: 1, column: 1 }), place };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    // yaml's own check compares each key with every other (quadratic: minutes for 90,000 keys);
    // duplicates are found below, with a set per mapping.
    uniqueKeys: false,
    version: '1.2',
    schema: 'core',
    keepSourceTokens: false,
  });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: Problem[] = [];
  const push = (
    code: ProblemCode,
    severity: 'error' | 'warning',
    pos: Position,
    args: Record<string, string | number>,
  ) => problems.push({ code, severity, file, ...pos, path: [], args });

  // One syntax error is reported: the parser's later ones mostly follow from the first (a line
  // indented wrongly upsets the next). Duplicate keys are reported up to it: past it the
  // structure is misread, so a "duplicate" there may be the same fault again.
  const [syntax] = doc.errors;
  const upTo = syntax?.pos[0] ?? Infinity;
  for (const offset of duplicateKeys(doc))
    if (offset < upTo)
      push('yaml-duplicate-key', 'error', at(offset), {
        detail: 'Map keys must be unique',
        key: duplicateKeyAt(text, offset),
      });
  for (const e of doc.errors) {
    if (e === syntax) {
      const code = YAML_CODES[e.code];
      const offset = errorOffset(doc, e, text);
      if (code !== undefined) push(code, 'error', at(offset), yamlArgs(e, text));
      else {
        const fault = yamlFault(e, text, offset);
        push('yaml-syntax', 'error', at(fault.offset), { ...yamlArgs(e, text), kind: fault.kind });
      }
    }
  }
  for (const w of doc.warnings)
    if (w.code === 'TAG_RESOLVE_FAILED') push('yaml-tag', 'error', at(w.pos[0]), { tag: tagAt(text, w.pos[0]) });
    else push('yaml-warning', 'warning', at(w.pos[0]), yamlArgs(w, text));

  visit(doc, (_, node) => {
    // Tags yaml resolves beyond the core schema (!!binary, !!set, !!omap, !!timestamp...).
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag) && node.range) {
      const offset = tagBefore(text, node.range[0]);
      if (!doc.warnings.some((w) => w.pos[0] === offset))
        push('yaml-tag', 'error', at(offset), { tag: tagAt(text, offset) });
    }
  });

  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value)))
        push('yaml-forbidden-key', 'error', at(pair.key.range?.[0] ?? 0), { key: String(pair.key.value) });
    },
  });

  // Forbidden keys are reported, yet the rest is still read: yaml defines such keys as own
  // properties, never on a prototype, so the schema can report everything else too.
  let value: unknown;
  if (!problems.some((p) => p.severity === 'error' && p.code !== 'yaml-forbidden-key')) {
    try {
      value = withoutForbiddenKeys(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (e) {
      if (e instanceof ReferenceError && /alias count/i.test(e.message))
        push('yaml-alias-limit', 'error', at(firstAlias(doc)), { limit: MAX_ALIAS_COUNT });
      else push('yaml-syntax', 'error', at(firstAlias(doc)), { detail: (e as Error).message, key: '', kind: 'other' });
    }
  }

  const locate = (path: Path, atKey = false): Position => locateIn(doc, path, atKey, at);
  const place = (f: Finding): Problem => {
    const args = f.related ? { ...f.args, line: locate(f.related).line } : f.args;
    return { code: f.code, severity: f.severity, file, ...locate(f.path, f.atKey), path: f.path, args };
  };
  return { value, problems, locate, place };
}

/** Where each key that repeats an earlier key of its mapping starts (scalar keys, compared as yaml does). */
function duplicateKeys(doc: Document): number[] {
  const found: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (typeof key === 'number' && Number.isNaN(key)) continue;
        if (seen.has(key)) found.push(pair.key.range?.[0] ?? 0);
        else seen.add(key);
      }
    },
  });
  return found;
}

/** The first problem of text the parser should not see, or `null`. */
function guard(text: string, file: string): Problem | null {
  const control = controlCharacter(text);
  if (control) {
    const { line, column, char, count } = control;
    return { code: 'yaml-control-character', severity: 'error', file, line, column, path: [], args: { char, count } };
  }
  const deep = tooDeep(text);
  if (deep)
    return { code: 'yaml-too-deep', severity: 'error', file, ...deep, path: [], args: { limit: MAX_YAML_DEPTH } };
  const many = tooMany(text);
  if (many)
    return {
      code: 'yaml-too-many-values',
      severity: 'error',
      file,
      ...many,
      path: [],
      args: { limit: MAX_YAML_VALUES },
    };
  return null;
}

/** The tag written at `offset` (`!!js/function`, `!foo`). */
const tagAt = (text: string, offset: number): string =>
  /^!(<[^>\n]*>|[^\s,[\]{}]*)/.exec(text.slice(offset, offset + 200))?.[0] ?? '!';

/** Where the tag of a node starting at `start` is written: the last `!` opening a word before it. */
function tagBefore(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 1000), start);
  let found = -1;
  for (const m of before.matchAll(/(^|[\s,[{])!/g)) found = m.index + (m[1] ?? '').length;
  return found < 0 ? start : start - before.length + found;
}

/**
 * Where to show a syntax error. The parser notices an unclosed quote or bracket only where the
 * text ends; the fault is where that scalar or collection opens, so point there instead.
 */
function errorOffset(doc: Document, e: YAMLError, text: string): number {
  const offset = e.pos[0];
  const atEnd = text.slice(offset).trim() === '';
  const unclosed = e.code === 'MISSING_CHAR' || /Flow (sequence|mapping)/.test(e.message);
  if (!atEnd && !unclosed) return offset;
  let best = -1;
  visit(doc, (_, node) => {
    if (!isNode(node) || !node.range) return;
    const [start, , end] = node.range;
    if (start < offset && offset <= Math.max(end, start + 1) && start > best) {
      const unclosed = /^["'[{]/.test(text.slice(start, start + 1));
      if (unclosed) best = start;
    }
  });
  return best >= 0 ? best : offset;
}

/** Drops the keys already reported as forbidden, so the rest of the file is still checked. */
function withoutForbiddenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutForbiddenKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!FORBIDDEN_KEYS.has(k)) out[k] = withoutForbiddenKeys(v);
  return out;
}

function yamlArgs(e: YAMLError, text: string): Record<string, string> {
  const detail = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
  const key = e.code === 'DUPLICATE_KEY' ? duplicateKeyAt(text, e.pos[0]) : '';
  return { detail, key };
}

/** The key text at an offset, for "duplicate key `x`" messages. */
function duplicateKeyAt(text: string, offset: number): string {
  const m = /^\s*([^:\n]+?)\s*:/.exec(text.slice(offset, offset + 200));
  return m?.[1]?.replace(/^["']|["']$/g, '') ?? '';
}

function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function locateIn(doc: Document, path: Path, atKey: boolean, at: (offset: number) => Position): Position {
  if (atKey && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]),
      );
      if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}
