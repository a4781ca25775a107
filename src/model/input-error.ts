import type { Problem } from './problem.js';

/** The input is wrong (a missing file, validation errors, bad evidence): every problem, located. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.code).join(', '));
  }
}

/** `--where` names a column the register does not have: a command-line mistake (exit 2). */
export class ScopeError extends Error {
  override readonly name = 'ScopeError';
  constructor(
    readonly column: string,
    readonly columns: readonly string[],
  ) {
    super(`no register column ${column}`);
  }
}
