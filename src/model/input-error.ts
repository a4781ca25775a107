import type { Problem } from './problem.js';

/** The input is wrong (a missing file, validation errors, bad evidence): every problem, located. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.code).join(', '));
  }
}
