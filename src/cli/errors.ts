/** The input is wrong: exit 1, each problem located. */
export { InputError } from '../model/input-error.js';

/** The command line is wrong (unknown command or flag, missing argument): exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit codes (CLI.md). */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3 } as const;
