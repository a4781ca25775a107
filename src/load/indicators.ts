import { checkFile } from '../model/checks.js';
import { IndicatorFile } from '../model/indicators.js';
import { compareProblems, type Problem } from '../model/problem.js';
import { buildSystem, type IndicatorSystem } from '../model/system.js';
import { fromZodIssues } from '../model/zod-issues.js';
import type { Encoding } from './decode.js';
import { fileProblem, readYamlFile } from './read.js';
import { parseYaml } from './yaml.js';

export interface LoadedIndicators {
  /** `null` when the file has errors. */
  readonly system: IndicatorSystem | null;
  /** Every problem found, errors and warnings, in reading order. */
  readonly problems: Problem[];
  /** How the file was read when it was not UTF-8 (GB18030, guessed): said in `validate`. */
  readonly encoding?: Encoding;
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
    for (const issue of fromZodIssues(parsed.error.issues)) problems.push(yaml.place(issue));
    return done(null, problems);
  }
  for (const finding of checkFile(parsed.data)) problems.push(yaml.place(finding));
  return done(problems.some((p) => p.severity === 'error') ? null : buildSystem(parsed.data), problems);
}

/**
 * Reads an indicator file from disk: a regular file of at most 5 MB (`MAX_YAML_BYTES`), UTF-8,
 * or GB18030 as Windows editors save it.
 */
export function readIndicators(path: string, display = path): LoadedIndicators {
  const read = readYamlFile(path, display);
  if ('problem' in read) return { system: null, problems: [read.problem] };
  const loaded = parseIndicators(read.text, display);
  return read.encoding === 'utf8' ? loaded : { ...loaded, encoding: read.encoding };
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
