import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BigOptions, writeBigEvaluation } from './big.js';

/**
 * `npm run bench` (issue 15): the built command line on a national evaluation, against a bare
 * csv-parse pass over the same evidence. Child processes, timed in one run, alternating between
 * the contestants (the order rotates every repetition), medians:
 *   (a) csv-parse, `columns: true`, streaming, every evidence file (csv-pass.ts);
 *   (b) `fazhi score DIR --format json` (to /dev/null);
 *   (c) `fazhi report DIR --out TMP`: the index and one report per prefecture (HTML);
 *   (d) `fazhi --version` against `node -e 0`;
 *   (e) the least a score run can do (least.ts), a floor for (b): two threads, csv-parse's parser,
 *       values kept by county and item without a check, a JSON of them;
 * and on the 10× evaluation (a) and (b) again, with the peak memory (max RSS) of (b).
 *
 * The evaluations (big.ts): 2,844 counties in 31 provinces and 333 prefectures, 100 items (10
 * systems × 2 groups × 5 items cycling through every rule type), 4 vetoes, 2 bonus items and a
 * survey component; long-form evidence, one file per province, one round, no self-assessment:
 * 298,118 rows, 9.2 MB. The 10× one has 28,440 units (as if every township were scored: same
 * provinces and prefectures, ten times the counties), 2.98 M rows, 93 MB. Generated into
 * $TMPDIR/fazhi-bench/<hash of the options and the generator>, reused while the hash holds.
 *
 * Options: `--reps N` (national, default 5), `--reps-10x N` (default 3; 0 skips the 10× run).
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const reps = option('--reps', 5);
const reps10 = option('--reps-10x', 3);

const root = process.cwd();
const fazhi = join(root, 'bin', 'fazhi.js');
const csvPass = join(import.meta.dirname, 'csv-pass.js');
const least = join(import.meta.dirname, 'least.js');
if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) throw new Error('build first: npm run build');

const NATIONAL: BigOptions = {
  counties: 2844,
  prefectures: 333,
  provinces: 31,
  rounds: 1,
  systems: 10,
  groups: 2,
  perGroup: 5,
  self: false,
  form: 'long',
};
const TEN: BigOptions = { ...NATIONAL, counties: 28440 };

const work = join(tmpdir(), 'fazhi-bench');
const generator = ['big.ts', 'places.ts'].map((f) => readFileSync(join(root, 'test', 'bench', f), 'utf8')).join('\n');

/** The evaluation folder for `o`, generated unless already there. */
function evaluation(o: BigOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(o)).update(generator).digest('hex').slice(0, 16);
  const dir = join(work, `${o.counties}-${hash}`);
  if (!existsSync(dir)) {
    process.stderr.write(`generating ${dir} …\n`);
    const partial = `${dir}.partial-${process.pid}`;
    writeBigEvaluation(partial, o);
    renameSync(partial, dir);
  }
  return dir;
}

const evidenceFiles = (dir: string) =>
  readdirSync(join(dir, 'evidence'))
    .sort()
    .map((f) => join(dir, 'evidence', f));

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const rssFile = join(work, `rss-${process.pid}`);
mkdirSync(work, { recursive: true });

interface Run {
  readonly seconds: number;
  /** Max RSS in KiB (0 without /usr/bin/time). */
  readonly rss: number;
}

/** Runs `node ARGS` with stdout to /dev/null; fails loudly on a non-zero exit. */
function run(argv: readonly string[]): Run {
  const [command, all] = timeBinary
    ? [timeBinary, ['-f', '%M', '-o', rssFile, process.execPath, ...argv]]
    : [process.execPath, [...argv]];
  const start = performance.now();
  const child = spawnSync(command, all, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`node ${argv.join(' ')}: exit ${child.status}\n${child.stderr}`);
  const rss = timeBinary ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : 0;
  return { seconds, rss };
}

interface Contestant {
  readonly name: string;
  readonly argv: () => string[];
  /** Runs per repetition (cheap ones more often, to steady the median). */
  readonly times?: number;
  readonly after?: () => void;
}

/** Every contestant `reps` times, alternating, the order rotating each repetition. */
function race(contestants: readonly Contestant[], repetitions: number): Map<string, Run[]> {
  const runs = new Map<string, Run[]>(contestants.map((c) => [c.name, []]));
  for (let r = 0; r < repetitions; r++) {
    for (let k = 0; k < contestants.length; k++) {
      const c = contestants[(r + k) % contestants.length] as Contestant;
      for (let t = 0; t < (c.times ?? 1); t++) {
        runs.get(c.name)?.push(run(c.argv()));
        c.after?.();
      }
    }
    process.stderr.write(`  repetition ${r + 1}/${repetitions} done\n`);
  }
  return runs;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const secondsOf = (runs: Map<string, Run[]> | undefined, name: string) =>
  median((runs?.get(name) ?? []).map((x) => x.seconds));
const peakOf = (runs: Map<string, Run[]> | undefined, name: string) =>
  Math.max(0, ...(runs?.get(name) ?? []).map((x) => x.rss)) / 1024;

const national = evaluation(NATIONAL);
const ten = reps10 > 0 ? evaluation(TEN) : undefined;
const out = join(work, `report-${process.pid}`);
const size = (dir: string) => evidenceFiles(dir).reduce((s, f) => s + statSync(f).size, 0) / 1e6;

process.stderr.write(`national: ${national} (${size(national).toFixed(1)} MB of evidence), ${reps} repetitions\n`);
const nationalRuns = race(
  [
    { name: 'a', argv: () => [csvPass, ...evidenceFiles(national)] },
    { name: 'b', argv: () => [fazhi, 'score', national, '--format', 'json'] },
    {
      name: 'c',
      argv: () => [fazhi, 'report', national, '--out', out],
      after: () => rmSync(out, { recursive: true, force: true }),
    },
    { name: 'e', argv: () => [least, ...evidenceFiles(national)] },
    { name: 'd', argv: () => [fazhi, '--version'], times: 5 },
    { name: 'node', argv: () => ['-e', '0'], times: 5 },
  ],
  reps,
);
let tenRuns: Map<string, Run[]> | undefined;
if (ten) {
  process.stderr.write(`10×: ${ten} (${size(ten).toFixed(1)} MB of evidence), ${reps10} repetitions\n`);
  tenRuns = race(
    [
      { name: 'a', argv: () => [csvPass, ...evidenceFiles(ten)] },
      { name: 'b', argv: () => [fazhi, 'score', ten, '--format', 'json'] },
    ],
    reps10,
  );
}
rmSync(rssFile, { force: true });

const a = secondsOf(nationalRuns, 'a');
const rows: [string, string, string, string, string][] = [];
const s = (x: number) => `${x.toFixed(2)} s`;
const ratio = (x: number, limit: number, what: string) =>
  [`${x.toFixed(2)}×`, `≤ ${limit}×`, x <= limit ? 'ok' : `over (${what})`] as const;
const b = secondsOf(nationalRuns, 'b');
const c = secondsOf(nationalRuns, 'c');
const d = secondsOf(nationalRuns, 'd');
const node0 = secondsOf(nationalRuns, 'node');
rows.push(['(a) csv-parse pass, national', s(a), '', '', '']);
rows.push(['(b) score --format json ÷ (a)', s(b), ...ratio(b / a, 0.8, 'b/a')]);
rows.push(['(c) report, every prefecture ÷ (a)', s(c), ...ratio(c / a, 2, 'c/a')]);
const e = secondsOf(nationalRuns, 'e');
rows.push(['(e) the least a score run can do ÷ (a)', s(e), `${(e / a).toFixed(2)}×`, '', 'floor for (b)']);
rows.push(['(d) --version ÷ node -e 0', `${(d * 1000).toFixed(0)} ms`, ...ratio(d / node0, 1.3, 'd/node')]);
rows.push(['    node -e 0', `${(node0 * 1000).toFixed(0)} ms`, '', '', '']);
if (tenRuns) {
  const a10 = secondsOf(tenRuns, 'a');
  const b10 = secondsOf(tenRuns, 'b');
  const peak = peakOf(tenRuns, 'b');
  rows.push(['(a) csv-parse pass, 10×', s(a10), '', '', '']);
  rows.push(['(b) score --format json, 10× ÷ (a)', s(b10), `${(b10 / a10).toFixed(2)}×`, '', '']);
  rows.push([
    '(b) peak memory, 10×',
    timeBinary ? `${peak.toFixed(0)} MiB` : 'n/a (no /usr/bin/time)',
    '',
    '≤ 512 MiB',
    timeBinary ? (peak <= 512 ? 'ok' : 'over') : '',
  ]);
}
const peakB = peakOf(nationalRuns, 'b');
if (timeBinary) rows.push(['(b) peak memory, national', `${peakB.toFixed(0)} MiB`, '', '', '']);

const table = [
  '| measure | median | ratio | target | |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
process.stdout.write(
  `\n${table}\n\nnode ${process.version}, load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; runs per contestant: national ${reps} (version and node -e 0 ${reps * 5}), 10× ${reps10}\n`,
);
