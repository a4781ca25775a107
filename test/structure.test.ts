import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house rules CONTRIBUTING.md states, checked on the source: data flows one way
 * (model → load → score → rank → analyze → report → cli), only load/ and cli/ touch files or
 * the process, only report/ and cli/ style text, and files stay short enough to read.
 */

const src = join(import.meta.dirname, '..', 'src');
const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split('\\').join('/'))
  .sort();
const text = (f: string) => readFileSync(join(src, f), 'utf8');
const folder = (f: string) => (f.includes('/') ? (f.split('/')[0] ?? '') : '');

/** Each folder's place in the flow; i18n words for report/ and cli/, and reads only the model. */
const LAYER: Readonly<Record<string, number>> = {
  model: 0,
  load: 1,
  score: 2,
  rank: 3,
  analyze: 4,
  i18n: 5,
  report: 6,
  '': 7, // src/evaluate.ts and src/index.ts put the layers together
  cli: 8,
};

function imports(f: string): { module: string; target: string | null }[] {
  return [...text(f).matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'/g)].map((m) => {
    const module = m[1] ?? '';
    const target = module.startsWith('.')
      ? relative(src, normalize(join(src, dirname(f), module)))
          .split('\\')
          .join('/')
      : null;
    return { module, target };
  });
}

describe('the source tree', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(Object.keys(LAYER).filter((l) => l !== '')).toEqual(
      expect.arrayContaining([...new Set(files.map(folder))].filter((l) => l !== '')),
    );
  });

  it('no folder imports a folder above it', () => {
    const upward = files.flatMap((f) =>
      imports(f)
        .filter((i) => i.target !== null && (LAYER[folder(i.target)] ?? 99) > (LAYER[folder(f)] ?? -1))
        .map((i) => `${f} → ${i.module}`),
    );
    expect(upward).toEqual([]);
  });

  it('only load/ and cli/ touch the file system or the process', () => {
    const io = files
      .filter((f) => !['load', 'cli'].includes(folder(f)))
      .flatMap((f) => {
        const found = imports(f).filter((i) => /^node:(fs|child_process|process)/.test(i.module));
        const proc = /\bprocess\.(env|argv|exit|stdout|stderr|cwd)\b/.test(text(f));
        return [...found.map((i) => `${f} imports ${i.module}`), ...(proc ? [`${f} uses process`] : [])];
      });
    expect(io).toEqual([]);
  });

  it('only report/ and cli/ import chalk or cli-table3', () => {
    const styled = files.filter(
      (f) =>
        !['report', 'cli'].includes(folder(f)) &&
        imports(f).some((i) => i.module === 'chalk' || i.module === 'cli-table3'),
    );
    expect(styled).toEqual([]);
  });

  it('no file is longer than 300 lines, but for the message catalogues', () => {
    const long = files
      .filter((f) => !f.startsWith('i18n/'))
      .map((f) => [f, text(f).split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('a rule type is one file plus one registry line', () => {
    const rules = files.filter((f) => f.startsWith('model/rules/') && !/\/(index|types|min-n)\.ts$/.test(f));
    const registry = text('model/rules/index.ts');
    for (const f of rules) {
      const name = f.slice('model/rules/'.length, -3);
      expect(registry, name).toMatch(new RegExp(`import \\{ ${name} \\} from './${name}.js';`));
    }
    // Nothing else switches on rule types.
    const switches = files.filter(
      (f) => !f.startsWith('model/') && /case '(linear|bands|deduct|assessed|fraction|minmax)'/.test(text(f)),
    );
    expect(switches).toEqual([]);
  });
});
