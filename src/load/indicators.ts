import { readFileSync } from 'node:fs';
import { checkFile } from '../model/checks.js';
import { IndicatorFile } from '../model/indicators.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { buildSystem, type IndicatorSystem } from '../model/system.js';
import { fromZodIssues } from '../model/zod-issues.js';
import { decode } from './decode.js';
import { fileProblem, readProblem } from './read.js';
import { parseYaml } from './yaml.js';

export interface LoadedIndicators {
  /** `null` when the file has errors. */
  readonly system: IndicatorSystem | null;
  /** Every problem found, errors and warnings, in reading order. */
  readonly problems: Problem[];
}

/**
 * Parses and checks an indicator system in three steps, collecting every problem:
 * YAML (syntax, duplicate keys, aliases, forbidden keys) → schema → the cross-field checks.
 * Pure: `file` only names the text in problems.
 */
export function parseIndicators(text: string, file: string): LoadedIndicators {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  if (yaml.value === undefined && problems.some((p) => p.severity === 'error')) return done(null, problems);
  const parsed = IndicatorFile.safeParse(yaml.value ?? null, { reportInput: true });
  if (!parsed.success) {
    problems.push(...fromZodIssues(parsed.error.issues).map(yaml.place));
    return done(null, problems);
  }
  problems.push(...checkFile(parsed.data).map(yaml.place));
  return done(problems.some((p) => p.severity === 'error') ? null : buildSystem(parsed.data), problems);
}

/** Reads an indicator file from disk (UTF-8, or GB18030 as Windows editors save it). */
export function readIndicators(path: string, display = path): LoadedIndicators {
  const read = readBytes(path, display);
  if ('problem' in read) return { system: null, problems: [read.problem] };
  return parseIndicators(decode(read.bytes).text, display);
}

function readBytes(path: string, display: string): { bytes: Uint8Array } | { problem: Problem } {
  try {
    return { bytes: readFileSync(path) };
  } catch (e) {
    return { problem: readProblem(e, display) };
  }
}

/** Past this many problems in one file the rest are only counted: nobody reads ten thousand lines. */
export const MAX_PROBLEMS = 200;

function done(system: IndicatorSystem | null, problems: Problem[]): LoadedIndicators {
  const all = dedupe(problems).sort(compareProblems);
  if (all.length <= MAX_PROBLEMS) return { system, problems: all };
  const shown = all.slice(0, MAX_PROBLEMS);
  const more = all.length - MAX_PROBLEMS;
  const file = shown[0]?.file ?? '';
  const note: Problem = { ...fileProblem('problems-truncated', file), severity: 'warning', args: { more } };
  return { system, problems: [...shown, note] };
}

/** zod may report one fault through two union branches; say it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.code}:${JSON.stringify(p.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
