import { readFileSync, statSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Parser } from 'csv-parse';

/**
 * Contestant (e) of `npm run bench` (national.ts): the least a score run can do, as a floor for
 * issue 15's ratio. Two threads each parse half the evidence files given (the last ones in a
 * worker) with csv-parse's own parser (no stream, records as arrays), turn each value into a
 * number without any check (是/否, a/b, %, else `Number`; what is not a number is passed over), and keep it by county and item; then one sum per county and a JSON
 * of every county's values. No located problems, duplicates, rounds, rules, groups, vetoes,
 * components or ranks: what fazhi must do on top of this has to fit between it and the target.
 */

interface Part {
  readonly counties: string[];
  readonly items: string[];
  /** county index, item index, value; three numbers a cell. */
  readonly cells: Float64Array;
}

const OPTIONS = {
  delimiter: ',',
  quote: '"',
  escape: '"',
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_column_count: true,
};

interface Engine {
  parse(chunk: Buffer | undefined, end: boolean, push: (r: string[]) => void, close: () => void): Error | undefined;
}

function read(files: readonly string[]): Part {
  const counties = new Map<string, number>();
  const items = new Map<string, number>();
  const out: number[] = [];
  const index = (m: Map<string, number>, k: string) => {
    const known = m.get(k);
    if (known !== undefined) return known;
    m.set(k, m.size);
    return m.size - 1;
  };
  for (const file of files) {
    const engine = (new Parser(OPTIONS) as unknown as { api: Engine }).api;
    const bytes = readFileSync(file);
    let header = true;
    const take = (r: string[]) => {
      if (header) {
        header = false;
        return;
      }
      const v = r[2] ?? '';
      const slash = v.indexOf('/');
      const x =
        v === '是'
          ? 1
          : v === '否'
            ? 0
            : slash >= 0
              ? Number(v.slice(0, slash)) / Number(v.slice(slash + 1))
              : v.endsWith('%')
                ? Number(v.slice(0, -1)) / 100
                : Number(v);
      if (!Number.isNaN(x)) out.push(index(counties, r[0] ?? ''), index(items, r[1] ?? ''), x);
    };
    for (let at = 0; at < bytes.length; at += 65536)
      engine.parse(bytes.subarray(at, at + 65536), false, take, () => {});
    engine.parse(undefined, true, take, () => {});
  }
  return { counties: [...counties.keys()], items: [...items.keys()], cells: Float64Array.from(out) };
}

if (isMainThread) {
  const files = process.argv.slice(2);
  const total = files.reduce((n, f) => n + statSync(f).size, 0);
  let cut = files.length;
  for (let taken = 0; cut > 0 && taken < total * 0.45; ) taken += statSync(files[--cut] as string).size;
  const worker = new Worker(new URL(import.meta.url), { workerData: files.slice(cut) });
  const answer = new Promise<Part>((resolve) => worker.once('message', resolve));
  const parts = [read(files.slice(0, cut)), await answer];
  const all = new Map<string, Map<string, number>>();
  for (const part of parts)
    for (let k = 0; k < part.cells.length; k += 3) {
      const county = part.counties[part.cells[k] as number] as string;
      const row = all.get(county) ?? new Map<string, number>();
      all.set(county, row);
      row.set(part.items[part.cells[k + 1] as number] as string, part.cells[k + 2] as number);
    }
  let batch = '{"counties":[';
  let first = true;
  for (const [county, row] of all) {
    let sum = 0;
    const scores: string[] = [];
    for (const [item, x] of row) {
      sum += x;
      scores.push(`"${item}":${Math.round(x * 100) / 100}`);
    }
    batch += `${first ? '' : ','}{"id":"${county}","total":${Math.round(sum * 100) / 100},"scores":{${scores.join(',')}}}`;
    first = false;
    if (batch.length > 65536) {
      writeSync(1, batch);
      batch = '';
    }
  }
  writeSync(1, `${batch}]}\n`);
  await worker.terminate();
} else parentPort?.postMessage(read(workerData as string[]));
