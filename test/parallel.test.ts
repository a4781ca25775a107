import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { random, shuffle } from './seeded.js';

/**
 * Evidence read on two threads (issue 15): the last files of a large evaluation are read in a
 * worker and replayed. The result must be the one reading every file in one thread gives: the
 * same cells kept, the same problems in the same order, the same counts. The worker runs from
 * the build (its script is a file of dist/), so this test loads the built API.
 */

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures', 'eval');
const work = mkdtempSync(join(tmpdir(), 'fazhi-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Api = typeof import('../src/index.js');
const api = (await import(join(root, 'dist', 'index.js'))) as Api;

/** Everything loading tells, as plain data (cells made from the rows, maps as entry lists). */
async function loaded(dir: string, round: string | undefined, parallelFrom: number, threads = 2) {
  const e = await api.loadEvaluation({ dir, round, display: (p) => p.replace(work, ''), parallelFrom, threads });
  const rows = (t: ReadonlyMap<string, ReadonlyMap<string, unknown>>) =>
    [...t].map(([county, row]) => [county, [...row]]);
  const ev = e.evidence;
  return JSON.stringify({
    errors: e.errors,
    warnings: e.warnings,
    inputs: e.inputs,
    evidence: ev && {
      table: rows(ev.table),
      self: rows(ev.self),
      fatal: ev.fatal,
      cellErrors: ev.cellErrors,
      warnings: ev.warnings,
      counts: ev.counts,
      rounds: ev.rounds,
    },
  });
}

/**
 * The evaluation at `from`, its evidence rows dealt over 2–5 files (each keeps its header), with
 * some rows repeated in a later file, some changed there (conflicts, empty cells, bad values).
 */
function dealt(from: string, to: string, r: () => number): void {
  cpSync(from, to, { recursive: true });
  const evidence = join(to, 'evidence');
  const rows: { header: string; line: string }[] = [];
  for (const name of readdirSync(evidence).filter((n) => n.endsWith('.csv'))) {
    const [header = '', ...lines] = readFileSync(join(evidence, name), 'utf8').split(/\r?\n/);
    for (const line of lines) if (line.trim() !== '') rows.push({ header, line });
    rmSync(join(evidence, name));
  }
  const extra = rows.flatMap((row) => {
    const x = r();
    if (x < 0.1) return [row];
    const fields = row.line.split(',');
    if (x < 0.15 && fields.length > 2)
      return [{ ...row, line: [...fields.slice(0, 2), '', ...fields.slice(3)].join(',') }];
    if (x < 0.2 && fields.length > 2)
      return [{ ...row, line: [...fields.slice(0, 2), '7/3', ...fields.slice(3)].join(',') }];
    if (x < 0.25 && fields.length > 2)
      return [{ ...row, line: [...fields.slice(0, 2), '1', ...fields.slice(3)].join(',') }];
    return [];
  });
  const files = 2 + Math.floor(r() * 4);
  const byFile = new Map<string, string[]>();
  const all = [...rows, ...shuffle(extra, r)];
  for (const [k, { header, line }] of all.entries()) {
    // The rows in order over the files, so that the later copies land in later files.
    const n = Math.min(files - 1, Math.floor((k / all.length) * files));
    const key = `${String(n).padStart(2, '0')}\u0000${header}`;
    byFile.set(key, [...(byFile.get(key) ?? []), line]);
  }
  for (const [key, lines] of byFile) {
    const [n, header] = key.split('\u0000');
    const name = `${n}-${byFile.size}-${Math.floor(r() * 1000)}.csv`;
    writeFileSync(join(evidence, name), `${header}\n${lines.join('\n')}\n`);
  }
}

describe('reading evidence on two threads', () => {
  for (const fixture of ['v02', 'rounds', 'bad', 'spreadsheet', 'small', 'incomplete', 'fuzz']) {
    it(`${fixture}: the same as one thread, file for file, problem for problem`, async () => {
      const dir = join(fixtures, fixture);
      for (const round of [undefined, 'midterm', 'baseline'])
        expect(await loaded(dir, round, 0)).toBe(await loaded(dir, round, Number.POSITIVE_INFINITY));
      for (let seed = 1; seed <= 6; seed++) {
        const to = join(work, `${fixture}-${seed}`);
        dealt(dir, to, random(seed * 7919));
        for (const round of [undefined, 'midterm']) {
          const one = await loaded(to, round, Number.POSITIVE_INFINITY);
          expect(await loaded(to, round, 0), `seed ${seed}, round ${round}`).toBe(one);
          expect(await loaded(to, round, 0, 4), `seed ${seed}, round ${round}, 4 threads`).toBe(one);
        }
      }
    });
  }

  it('a worker reads the last files from the size given, and only then', async () => {
    // The files a worker reads are not announced one by one (this thread is waiting): the
    // announcements tell which files were read here.
    const to = join(work, 'sizes');
    dealt(join(fixtures, 'v02'), to, random(3));
    const files = readdirSync(join(to, 'evidence')).length;
    const told = async (parallelFrom: number) => {
      const seen: number[] = [];
      await api.loadEvaluation({
        dir: to,
        display: (p) => p,
        parallelFrom,
        threads: 2,
        onFile: (done) => seen.push(done),
      });
      return seen;
    };
    const all = [...Array(files + 1).keys()];
    expect(await told(Number.POSITIVE_INFINITY)).toEqual(all);
    expect(await told(1 << 30)).toEqual(all);
    const split = await told(1);
    expect(split.length).toBeLessThan(all.length);
    expect(split.at(-1)).toBe(files);
  });
});

describe('how the files are shared out', async () => {
  const { workerShares } = await import('../src/load/evidence-parallel.js');
  const csv = (mb: number) => ({
    file: 'f.csv',
    text: '',
    origin: { path: 'f.csv', display: 'f.csv', encoding: 'utf8' as const, quotes: false, bytes: mb << 20 },
  });
  const sheet = { file: 'f.xlsx!Sheet1', text: '' };

  it('workers take the last CSV files, each a little under an equal share; this thread the rest', () => {
    const ten = Array.from({ length: 10 }, () => csv(1));
    expect(workerShares(ten, 4 << 20, 2)).toEqual([6]);
    expect(workerShares(ten, 4 << 20, 4)).toEqual([4, 6, 8]);
    expect(workerShares(ten, 4 << 20, 1)).toEqual([]);
  });

  it('none below the size, for one file, or past a workbook', () => {
    expect(workerShares([csv(1), csv(1)], 4 << 20, 2)).toEqual([]);
    expect(workerShares([csv(9)], 4 << 20, 2)).toEqual([]);
    expect(workerShares([csv(5), csv(5), sheet], 4 << 20, 2)).toEqual([]);
    expect(workerShares([sheet, csv(5), csv(5)], 4 << 20, 3)).toEqual([1, 2]);
  });
});

describe('the steps of a run', () => {
  it('loadAndScore tells when the evidence is read and when it is scored, with the number of cells', async () => {
    const steps: [string, number][] = [];
    const dir = join(fixtures, 'v02');
    const r = await api.loadAndScore(dir, { display: (p) => p, onStep: (step, cells) => steps.push([step, cells]) });
    const cells = (r.evaluation.evidence?.counts ?? []).reduce((n, c) => n + c.cells, 0);
    expect(cells).toBeGreaterThan(0);
    expect(steps).toEqual([
      ['read', cells],
      ['scored', cells],
    ]);
  });

  it('the command line can ask for a full collection: an object let go is gone after it', async () => {
    const { collectGarbage } = await import('../src/cli/collect.js');
    let held: object | null = { big: new Array(1000).fill('x') };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef keeps its object until the job that made or read it ends.
    const nextJob = () => new Promise((done) => setTimeout(done, 0));
    await nextJob();
    expect(ref.deref()).toBeDefined();
    await nextJob();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
