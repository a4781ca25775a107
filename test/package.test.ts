import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` (without scripts: dist/ is already built, and
 * rebuilding would pull it from under the other tests), installed from the tarball into an empty
 * folder with the network switched off, then the command and the programmatic API used from there.
 * The bundle carries every runtime dependency, so the install needs nothing from a registry.
 */

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: object;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LANG: 'zh_CN.UTF-8', NO_COLOR: '1' };

function run(command: string, args: readonly string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Packed {
  filename: string;
  files: { path: string }[];
}

describe('the packed package', () => {
  let work: string;
  let app: string;
  let packed: Packed;
  let installed: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'fazhi-package-'));
    const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
    expect(pack.code, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true, "type": "module" }\n');
    const install = run(npm, ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], app);
    expect(install.code, install.stderr).toBe(0);
    installed = join(app, 'node_modules', pkg.name);
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('declares no runtime dependency: the bundle holds them all', () => {
    expect(pkg.dependencies).toBeUndefined();
    const bare = new Set<string>();
    for (const f of packed.files.filter((x) => x.path.startsWith('dist/') && x.path.endsWith('.js'))) {
      const text = readFileSync(join(installed, f.path), 'utf8');
      for (const m of text.matchAll(/(?:\bfrom|\bimport\(|\brequire\()\s*["']([\w@][\w@/.-]*)["']/g))
        bare.add(m[1]!.replace(/^node:/, ''));
    }
    const builtins = new Set([
      'assert',
      'buffer',
      'child_process',
      'constants',
      'crypto',
      'events',
      'fs',
      'module',
      'os',
      'path',
      'process',
      'stream',
      'tty',
      'url',
      'util',
      'worker_threads',
      'zlib',
    ]);
    expect([...bare].filter((b) => !builtins.has(b))).toEqual([]);
  });

  it('holds the command, the bundle, its types, the bundled systems, the sample and the licence; no sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of [
      'bin/fazhi.js',
      'dist/index.js',
      'dist/cli/run.js',
      'dist/types/index.d.ts',
      'indicators/national.yaml',
      'indicators/indicators.schema.json',
      'samples/yunnan-2022/counties.csv',
      'LICENSE',
      'README.md',
      'package.json',
    ])
      expect(paths, p).toContain(p);
    expect(paths.filter((p) => /^(src|test|node_modules)\//.test(p))).toEqual([]);
  });

  it('fazhi --version', () => {
    const r = run(join(app, 'node_modules', '.bin', 'fazhi'), ['--version'], app);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('fazhi score on the installed sample agrees with the repository', () => {
    const installedRun = run(
      join(app, 'node_modules', '.bin', 'fazhi'),
      ['score', join(installed, 'samples', 'yunnan-2022'), '--round', 'midterm', '--format', 'json'],
      app,
    );
    expect(installedRun.code, installedRun.stderr).toBe(0);
    const repoRun = run(
      process.execPath,
      [
        join(root, 'bin', 'fazhi.js'),
        'score',
        join(root, 'samples', 'yunnan-2022'),
        '--round',
        'midterm',
        '--format',
        'json',
      ],
      root,
    );
    expect(repoRun.code, repoRun.stderr).toBe(0);
    // A veto's basis names the row that triggered it (file:line), which differs between the two places.
    const counties = (out: string) =>
      (JSON.parse(out) as { counties: { vetoBasis: { at: string }[] }[] }).counties.map((c) => ({
        ...c,
        vetoBasis: c.vetoBasis.map((v) => ({ ...v, at: v.at.replace(/^.*samples\//, 'samples/') })),
      }));
    // The sample's evaluation.yaml scopes it to the 50 first-batch creation counties.
    expect(counties(installedRun.stdout)).toHaveLength(50);
    expect(counties(installedRun.stdout)).toEqual(counties(repoRun.stdout));
  });

  it('the programmatic API loads, scores and renders from the installed package', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { loadEvaluation, scoreCounties, scoreReport, SCORE_RENDERERS, PLAIN, frameOf } from '${pkg.name}';
const e = await loadEvaluation({ dir: process.argv[2], round: 'midterm', display: (p) => p, where: null });
const scoring = scoreCounties(e.system, e.counties, e.evidence.table);
const best = scoring.counties.find((c) => c.rank === 1);
process.stdout.write(JSON.stringify({ counties: scoring.counties.length, best: best.county.name }) + '\\n');
const csv = SCORE_RENDERERS.csv(scoreReport(scoring, { round: 'midterm', sha256: null, warnings: [], rejected: [], inputs: [], lang: 'zh' }), { lang: 'zh', style: PLAIN, frame: frameOf(e.meta, 'zh') });
process.stdout.write(String(csv.split('\\n').length > 129) + '\\n');
`,
    );
    const r = run(process.execPath, ['use.mjs', join(installed, 'samples', 'yunnan-2022')], app);
    expect(r.stderr).toBe('');
    const [summary, rendered] = r.stdout.trim().split('\n');
    expect(JSON.parse(summary!)).toMatchObject({ counties: 129 });
    expect(rendered).toBe('true');
  });

  // Several runs of the command line: no time limit but a generous one, on a busy machine too.
  it('ships types a TypeScript user compiles against, with no other package installed', { timeout: 120_000 }, () => {
    writeFileSync(
      join(app, 'use.ts'),
      `import { parseIndicators, scoreCounties, rankBy, PLAIN, type Scoring, type IndicatorFileData, type RuleData } from '${pkg.name}';
const loaded = parseIndicators('id: t\\nname: t\\nsystems: [{ id: S1, name: s, weight: 100, rule: { type: check } }]\\n', 't.yaml');
const rule: RuleData = { type: 'linear', zero: 0, full: 1 };
const file: IndicatorFileData | null = null;
export function best(s: Scoring): string | undefined {
  return s.counties.find((c) => c.rank === 1)?.county.name;
}
export const used = [loaded, rule, file, scoreCounties, rankBy, PLAIN.bold('x')];
`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const options = {
      noEmit: true,
      strict: true,
      skipLibCheck: false,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      types: [],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
    const r = run(process.execPath, [tsc, '-p', 'tsconfig.json'], app);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
