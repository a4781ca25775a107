/**
 * Reading evidence on two cores: a worker thread reads the last files while this thread reads
 * the first, then this thread replays what the worker met (evidence-log.ts), so that the result
 * is the same, problem for problem and cell for cell, as reading every file here. The wait is
 * synchronous (Atomics.wait on a shared flag, then receiveMessageOnPort), so loading stays a
 * plain function. The worker is only a speed-up: where its script is not there (the sources run
 * under a test runner) or it fails or falls silent, its files are read here.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { ReadJob, ReadLog } from './evidence-log.js';

/** CSV evidence from which a second thread pays for its start (some 50 ms). */
export const PARALLEL_FROM = 4 << 20;

/** How long to wait for the worker before reading its files here: a minute, and 2 s a MiB. */
const patience = (job: ReadJob) => 60_000 + (2000 * job.files.reduce((n, f) => n + f.bytes, 0)) / (1 << 20);

/** The worker's script: beside this module, or (in the bundle, where this is a chunk) in `load/`. */
function workerScript(): URL | null {
  for (const rel of ['./evidence-worker.js', '../load/evidence-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** A job being read in a worker; `result()` waits for it: the log, or `null` if the worker failed. */
export interface Reading {
  result(): ReadLog | null;
}

/** The message from the worker: a log, or why there is none. */
export type WorkerAnswer = { readonly log: ReadLog } | { readonly error: string };

/** Starts reading a job in a worker thread; `null` when there is no worker script to run. */
export function startReading(job: ReadJob): Reading | null {
  const script = workerScript();
  if (script === null) return null;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { job, port: port2, flag }, transferList: [port2] });
  } catch {
    return null;
  }
  worker.unref();
  return {
    result() {
      const answered = Atomics.wait(flag, 0, 0, patience(job)) !== 'timed-out';
      const message = answered ? receiveMessageOnPort(port1)?.message : undefined;
      port1.close();
      if (!answered) void worker.terminate();
      const answer = message as WorkerAnswer | undefined;
      return answer !== undefined && 'log' in answer ? answer.log : null;
    },
  };
}

/** The worker's side: reads the job and answers on the port, then raises the flag. */
export function answer(
  data: { job: ReadJob; port: MessagePort; flag: Int32Array },
  read: (job: ReadJob) => ReadLog,
): void {
  let reply: WorkerAnswer;
  try {
    reply = { log: read(data.job) };
  } catch (e) {
    reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  const transfer =
    'log' in reply
      ? Object.values(reply.log.store)
          .concat([reply.log.county, reply.log.id, reply.log.round, reply.log.refused])
          .flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []))
      : [];
  data.port.postMessage(reply, transfer);
  Atomics.store(data.flag, 0, 1);
  Atomics.notify(data.flag, 0);
}
