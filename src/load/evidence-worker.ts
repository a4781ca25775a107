/**
 * The worker thread of evidence-parallel.ts: reads the files of its job and answers. The reading
 * code is imported inside `answer`'s guard, so that a failure to load it is an answer too.
 */
import { workerData } from 'node:worker_threads';
import { answer } from './evidence-parallel.js';

const { readJob } = await import('./evidence-log.js').catch(() => ({ readJob: null }));
answer(workerData, (job) => {
  if (readJob === null) throw new Error('the reading code did not load');
  return readJob(job);
});
