/**
 * The worker thread of evidence-parallel.ts: reads the files of its job and answers with the
 * log, its typed arrays moved rather than copied. The reading code is imported inside the guard,
 * so that a failure to load it is an answer too.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadJob, WorkerAnswer } from './evidence-log.js';

let reply: WorkerAnswer;
try {
  const { readJob } = await import('./evidence-log.js');
  reply = { log: readJob(workerData as ReadJob) };
} catch (e) {
  reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}
const moved =
  'log' in reply
    ? [
        ...reply.log.store.pages.flatMap((page) => Object.values(page)),
        reply.log.county,
        reply.log.id,
        reply.log.round,
        reply.log.refused,
      ].flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []))
    : [];
parentPort?.postMessage(reply, moved);
