import type { Problem } from '../model/problem.js';

/** A file-system failure as a problem of the whole file (line 0). */
export function readProblem(e: unknown, file: string): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return fileProblem('file-not-found', file);
  if (code === 'EISDIR') return fileProblem('file-is-directory', file);
  return fileProblem('file-unreadable', file, { reason: code ?? String(e) });
}

export function fileProblem(code: Problem['code'], file: string, args: Record<string, string> = {}): Problem {
  return { code, severity: 'error', file, line: 0, column: 0, path: [], args };
}
