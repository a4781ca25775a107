import type * as z from 'zod';
import { KNOWN_KEYS } from './indicators.js';
import { error, type Finding, type Path } from './problem.js';

type Issue = z.core.$ZodIssue;

/** Keys the YAML reader already rejects (prototype pollution); said once, there. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** zod's issues as located findings with our own codes; the wording is made in the catalogue. */
export function fromZodIssues(
  issues: readonly Issue[],
  prefix: Path = [],
  known: readonly string[] = KNOWN_KEYS,
): Finding[] {
  return tightest(issues).flatMap((issue) =>
    fromIssue(issue, [...prefix, ...(issue.path as (string | number)[])], known),
  );
}

/** `int()` brings its own bound (±2⁵³ − 1) beside a tighter `max`: name only the tightest bound a value breaks. */
function tightest(issues: readonly Issue[]): readonly Issue[] {
  const at = (i: Issue): string => JSON.stringify(i.path);
  const bound = (i: Issue): number | null =>
    i.code === 'too_big' ? Number(i.maximum) : i.code === 'too_small' ? -Number(i.minimum) : null;
  return issues.filter((i) => {
    const b = bound(i);
    return b === null || !issues.some((o) => o.code === i.code && at(o) === at(i) && (bound(o) ?? b) < b);
  });
}

/** `known`: every key of the format, for "did you mean" hints on unknown keys. */
function fromIssue(issue: Issue, path: Path, known: readonly string[]): Finding[] {
  const last = path[path.length - 1];
  // An element of a list is named with its list: `range[0]`, not `0`.
  const key = typeof last === 'number' ? `${String(path[path.length - 2] ?? '')}[${last}]` : String(last ?? '');
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (path.length === 0) return [error('schema-root-type', path, { received: kindOf(input) })];
      if (input === undefined) return [error('schema-required', path.slice(0, -1), { key })];
      if (typeof input === 'number' && !Number.isFinite(input)) return [error('schema-not-finite', path, { key })];
      if (issue.expected === 'int') return [error('schema-integer', path, { key })];
      return [error('schema-type', path, { key, expected: issue.expected, received: kindOf(input) })];
    }
    case 'unrecognized_keys':
      return issue.keys
        .filter((k) => !FORBIDDEN_KEYS.has(k))
        .map((k) => ({
          ...(known.includes(k)
            ? error('schema-key-not-here', [...path, k], { key: k })
            : error('schema-unknown-key', [...path, k], { key: k, hint: nearest(k, known) ?? '' })),
          atKey: true,
        }));
    case 'invalid_value':
      return [
        error('schema-enum', path, {
          key,
          allowed: issue.values.map(String).join(' | '),
          value: show((issue as { input?: unknown }).input),
        }),
      ];
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return [error('schema-too-few', path, { key, min })];
      if (issue.origin === 'string') return [error('schema-empty', path, { key })];
      return [error(issue.inclusive === false ? 'schema-not-above' : 'schema-too-small', path, { key, min })];
    }
    case 'too_big':
      return [error('schema-too-big', path, { key, max: Number(issue.maximum) })];
    case 'invalid_format':
      return [error('schema-id-format', path, { key, value: show((issue as { input?: unknown }).input) })];
    case 'invalid_union': {
      const union = issue as Issue & { note?: string; options?: unknown[]; errors: Issue[][] };
      if (union.note === 'No matching discriminator') {
        const input = (issue as { input?: unknown }).input;
        const value = input !== null && typeof input === 'object' ? (input as { type?: unknown }).type : input;
        const at = path[path.length - 1] === 'type' ? path.slice(0, -1) : path;
        return value === undefined
          ? [error('schema-required', at, { key: 'type' })]
          : [
              error('schema-rule-type', [...at, 'type'], {
                value: show(value),
                allowed: (union.options ?? []).map(String).join(' | '),
              }),
            ];
      }
      // The branch that got furthest (its problems lie below the value) says what is wrong.
      const nested = union.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (nested) return fromZodIssues(nested, path, known);
      return [error('schema-union', path, { key, value: show((issue as { input?: unknown }).input) })];
    }
    default:
      return [error('schema-other', path, { key, detail: issue.message })];
  }
}

function kindOf(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  return typeof x;
}

function show(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x === undefined) return '';
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** The known key closest to a misspelt one, if any is close enough to be a typo. */
export function nearest(key: string, keys: readonly string[] = KNOWN_KEYS): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const known of keys) {
    const d = distance(key.toLowerCase(), known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

/** Edit distance where swapping two neighbouring letters (nmae → name) counts as one edit. */
function distance(a: string, b: string): number {
  // One row per prefix of a, as a flat array: d(i, j) is the distance of a[0, i) and b[0, j).
  const width = b.length + 1;
  const d = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}
