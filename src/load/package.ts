import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's folder (where `indicators/` and `package.json` are), from source or bundle alike. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'indicators'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('fazhi: cannot find its package folder');
    dir = up;
  }
  root = dir;
  return dir;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The bundled indicator systems. */
export const BUNDLED = {
  national: 'national.yaml',
  yunnan: 'yunnan-2022-midterm.yaml',
} as const;

/** The indicator system used when none is given: the bundled national model. */
export const defaultIndicatorsPath = (): string => join(packageRoot(), 'indicators', BUNDLED.national);
