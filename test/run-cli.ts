import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository, and the command line as built there. */
export const root = join(import.meta.dirname, '..');
export const bin = join(root, 'bin', 'fazhi.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `node bin/fazhi.js ARGS` as a user runs it from the repository: Chinese (LANG=zh_CN.UTF-8), no
 * colour, nothing else from this process's environment but PATH; `env` adds or replaces variables.
 */
export function fazhi(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8', NO_COLOR: '1', ...env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
