import type { Problem } from '../model/problem.js';

/** The input is wrong (a missing file, validation errors, bad evidence): exit 1, each problem located. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.code).join(', '));
  }
}

/** The command line is wrong (unknown command or flag, missing argument): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;
