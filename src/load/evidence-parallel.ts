/**
 * Reading evidence on two cores: a worker thread reads the last files while this thread reads
 * the first, then this thread replays what the worker met (evidence-log.ts), so that the result
 * is the same, problem for problem and cell for cell, as reading every file here. The worker is
 * only a speed-up: where its script is not there (the sources run under a test runner), or it
 * fails, runs out of memory or stops without answering, its files are read here.
 */
import { existsSync } from 'node:fs';
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
}

/** `loadEvidence`, with the last files read in a worker thread when the evidence is large. */
export async function loadEvidenceOnTwoCores(
  system: IndicatorSystem,
  counties: readonly County[],
  files: readonly EvidenceFile[],
  options: ParallelOptions,
): Promise<LoadedEvidence> {
  const reading = new EvidenceReading(system, counties, files, options);
  const split = workerShare(files, options.parallelFrom ?? PARALLEL_FROM);
  const worker = split < files.length ? startReading(reading.job(split)) : null;
  reading.read(0, worker === null ? files.length : split);
  if (worker !== null) {
    const log = await worker;
    if (log === null) reading.read(split, files.length);
    else reading.replay(log);
  }
  return reading.result();
}

/**
 * Where the worker's files begin: the last files, all CSV, a little under half the bytes (the
 * worker starts some 50 ms late); `files.length` for none (too little to pay for a thread).
 */
function workerShare(files: readonly EvidenceFile[], from: number): number {
  const bytes = (f: EvidenceFile | undefined) => f?.origin?.bytes ?? Number.NaN;
  const total = files.reduce((n, f) => n + (bytes(f) || 0), 0);
  if (files.length < 2 || total < from) return files.length;
  let split = files.length;
  let share = 0;
  while (split > 1 && share < total * 0.45 && !Number.isNaN(bytes(files[split - 1]))) share += bytes(files[--split]);
  return share > 0 ? split : files.length;
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
