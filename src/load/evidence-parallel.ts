/**
 * Reading evidence on several cores: worker threads read the last files while this thread reads
 * the first, then this thread replays what each worker met (evidence-log.ts), in file order, so
 * that the result is the same, problem for problem and cell for cell, as reading every file
 * here. A worker is only a speed-up: where its script is not there (the sources run under a test
 * runner), or it fails, runs out of memory or stops without answering, its files are read here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { County } from '../model/evaluation.js';
import type { IndicatorSystem } from '../model/system.js';
import { type EvidenceFile, type EvidenceOptions, EvidenceReading, type LoadedEvidence } from './evidence.js';
import type { ReadJob, ReadLog, WorkerAnswer } from './evidence-log.js';

/** CSV evidence from which a second thread pays for its start (some 50 ms). */
export const PARALLEL_FROM = 4 << 20;

/** The worker's heap: its cells are kept outside it (typed arrays), so it needs little. */
const WORKER_HEAP_MB = 256;

export interface ParallelOptions extends EvidenceOptions {
  /**
   * Bytes of CSV evidence from which the last files are read in a second thread (the result is
   * the same either way); default PARALLEL_FROM, `Infinity` never.
   */
  readonly parallelFrom?: number | undefined;
  /** Threads to read with, this one included (default: the cores available, at most 4). */
  readonly threads?: number | undefined;
}

/**
 * `loadEvidence`, with the last files read in worker threads when the evidence is large: one
 * thread for each core but this one's, four threads at the most.
 */
export async function loadEvidenceInParallel(
  system: IndicatorSystem,
  counties: readonly County[],
  files: readonly EvidenceFile[],
  options: ParallelOptions,
): Promise<LoadedEvidence> {
  const reading = new EvidenceReading(system, counties, files, options);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), MAX_THREADS));
  const cuts = workerShares(files, options.parallelFrom ?? PARALLEL_FROM, threads);
  const workers = cuts.map((from, i) => {
    const to = cuts[i + 1] ?? files.length;
    return { from, to, log: startReading(reading.job(from, to)) };
  });
  const mine = workers.find((w) => w.log !== null)?.from ?? files.length;
  reading.read(0, mine);
  for (const { from, to, log } of workers) {
    if (from < mine) continue;
    const answer = await log;
    if (answer == null) reading.read(from, to);
    else reading.replay(answer);
  }
  return reading.result();
}

/** Threads at the most: more cores than that read faster than the replay keeps up. */
const MAX_THREADS = 4;

/**
 * Where each worker's files begin (ascending): the last files, all CSV, each worker a little
 * under an equal share of the bytes (a worker starts some 50 ms late, this thread at once);
 * none when there is too little to pay for a thread.
 */
export function workerShares(files: readonly EvidenceFile[], from: number, threads: number): number[] {
  const bytes = (f: EvidenceFile | undefined) => f?.origin?.bytes ?? Number.NaN;
  const total = files.reduce((n, f) => n + (bytes(f) || 0), 0);
  if (files.length < 2 || total < from || threads < 2) return [];
  const share = (0.9 * total) / threads;
  const cuts: number[] = [];
  let split = files.length;
  for (let worker = 0; worker < threads - 1; worker++) {
    let taken = 0;
    // Files are taken while that brings the worker nearer its share.
    for (let next = bytes(files[split - 1]); split > 1 && taken + next / 2 < share; next = bytes(files[split - 1]))
      taken += bytes(files[--split]);
    if (taken === 0) break;
    cuts.unshift(split);
  }
  return cuts;
}

/** The worker's script: beside this module, or (in the bundle, where this is a chunk) in `load/`. */
function workerScript(): URL | null {
  for (const rel of ['./evidence-worker.js', '../load/evidence-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** Reads a job in a worker thread: its log, or `null` if the worker failed; `null` at once without a worker script. */
function startReading(job: ReadJob): Promise<ReadLog | null> | null {
  const script = workerScript();
  if (script === null) return null;
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    worker.once('message', (answer: WorkerAnswer) => resolve('log' in answer ? answer.log : null));
    // Whichever comes first: an answer, an error (out of memory too), or an exit without one.
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
}
