import { EVALUATION_KEYS, EvaluationFile, evaluationMeta } from '../model/evaluation-file.js';
import type { EvaluationMeta } from '../model/evaluation-meta.js';
import type { Problem } from '../model/problem.js';
import { fromZodIssues } from '../model/zod-issues.js';
import { normaliseHeader } from './table.js';
import { parseYaml, type YamlText } from './yaml.js';

export interface LoadedMeta {
  /** `null` when the file has errors. */
  readonly meta: EvaluationMeta | null;
  readonly problems: Problem[];
  /** Where a `where` column is written, for a message when the register has no such column. */
  readonly whereAt: (column: string) => { readonly line: number; readonly column: number };
}

/** Parses `evaluation.yaml` (FORMATS.md §6): YAML, then the schema, every problem located. Pure. */
export function parseEvaluationMeta(text: string, file: string): LoadedMeta {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  const whereAt = whereLocator(yaml);
  if (yaml.value === undefined && problems.some((p) => p.severity === 'error'))
    return { meta: null, problems, whereAt };
  // An empty file is an empty mapping: every key is optional.
  const parsed = EvaluationFile.safeParse(yaml.value ?? {}, { reportInput: true });
  if (!parsed.success) {
    for (const issue of fromZodIssues(parsed.error.issues, [], EVALUATION_KEYS)) problems.push(yaml.place(issue));
    return { meta: null, problems, whereAt };
  }
  const meta = evaluationMeta(parsed.data, normaliseHeader);
  return { meta: problems.some((p) => p.severity === 'error') ? null : meta, problems, whereAt };
}

/** A `where` column's key in the file, found by its normalised name (as the register names it). */
function whereLocator(yaml: YamlText): LoadedMeta['whereAt'] {
  return (column) => {
    const where = (yaml.value as { where?: Record<string, unknown> } | undefined)?.where ?? {};
    const key = Object.keys(where).find((k) => normaliseHeader(k) === column) ?? column;
    return yaml.locate(['where', key], true);
  };
}
