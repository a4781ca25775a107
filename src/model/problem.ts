import type { ProblemCode } from './problem-codes.js';

export type { ProblemCode };

export type Severity = 'error' | 'warning';

export type Path = readonly (string | number)[];

export type Args = Readonly<Record<string, string | number>>;

/** A problem found before it is placed in a file: what and where in the document tree. */
export interface Finding {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Where in the parsed document: keys and list indexes from the root. */
  readonly path: Path;
  readonly args: Args;
  /** Point at the key itself rather than its value (unknown keys). */
  readonly atKey?: boolean;
  /** Another place the message refers to (the first of two duplicates); its line becomes `args.line`. */
  readonly related?: Path;
}

/** A located problem. `line`/`column` are 1-based; 0 means the file as a whole. */
export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: Path;
  readonly args: Args;
}

export function error(code: ProblemCode, path: Path, args: Args = {}): Finding {
  return { code, severity: 'error', path, args };
}

export function warning(code: ProblemCode, path: Path, args: Args = {}): Finding {
  return { code, severity: 'warning', path, args };
}

/** Problems in reading order: file, line, column, then code. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return 0;
}

/** A problem at a line and column of a file (0 and 0: the file as a whole). */
export const located = (
  code: ProblemCode,
  file: string,
  at: { line: number; column: number },
  args: Record<string, string | number> = {},
  severity: 'error' | 'warning' = 'error',
): Problem => ({ code, severity, file, line: at.line, column: at.column, path: [], args });
