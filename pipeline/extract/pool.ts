// Extraction across CPU cores with worker threads; small batches run in this thread. A worker
// that dies (out of memory, a crash in a library) costs only the file it was reading: that file
// is rejected as an internal error and a new worker takes over the rest.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { internalError, type Extractor } from '../commands/extract.ts';
import type { ExtractResult } from './result.ts';
import { Spool, type SpoolBatch, type SpoolContext, type SpoolJob } from './spool.ts';
import { INLINE_BELOW, startWorker } from './workers.ts';

type Status = ExtractResult['status'];

/** Jobs queued in each worker at once. */
const IN_FLIGHT = 4;

export interface PoolOptions {
  /** worker threads (default: one per CPU core) */
  threads?: number;
  /** heap limit of each worker in MB (default: Node's); a file that needs more is rejected, the run goes on */
  workerMemoryMb?: number;
  /** the extractor; a function cannot be sent to a worker, so with one given everything runs in this thread */
  extract?: Extractor;
}

export interface SpoolEvents {
  /** a job's documents were extracted (or rejected); `done` jobs so far */
  done(job: SpoolJob, statuses: Status[], done: number): void;
  /** spool files closed and ready to insert (the last ones stay in ctx.dir when the pool ends) */
  batch(b: SpoolBatch): void;
}

export async function spoolAll(jobs: SpoolJob[], ctx: Omit<SpoolContext, 'tag'>, on: SpoolEvents, opts: PoolOptions = {}): Promise<void> {
  const threads = opts.threads ?? os.availableParallelism();
  let done = 0;
  if (jobs.length < INLINE_BELOW || threads <= 1 || opts.extract) {
    const spool = new Spool({ ...ctx, tag: 'main' }, opts.extract);
    try {
      for (const job of jobs) {
        on.done(job, await spool.run(job), ++done);
        const b = spool.takeBatch();
        if (b) on.batch(b);
      }
    } finally {
      spool.close();
    }
    return;
  }
  const n = Math.min(threads, Math.ceil(jobs.length / 8));
  let next = 0;
  let started = 0;
  // jobs sent to a worker that died after the one it was reading: another worker reads them
  const retry: number[] = [];
  const take = (): number | undefined => retry.shift() ?? (next < jobs.length ? next++ : undefined);
  const all: Worker[] = [];
  let own: Spool | undefined; // this thread's spool, for the results of files whose worker died
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const w = startWorker('worker', { ...ctx, tag: `w${started++}` }, opts.workerMemoryMb);
      all.push(w);
      let ready = false;
      // sent and not yet answered, in order: the worker reads them one after the other, so the
      // first is the one it is reading (a file takes a millisecond or two, and with one job in
      // flight the worker sat idle for every round trip through this busy thread)
      const inflight: number[] = [];
      let closing = false;
      let finished = false;
      const send = () => {
        while (!closing && inflight.length < IN_FLIGHT) {
          const id = take();
          if (id === undefined) break;
          inflight.push(id);
          w.postMessage({ id, job: jobs[id] });
        }
        if (!closing && inflight.length === 0) {
          closing = true;
          w.postMessage({ close: true });
        }
      };
      const died = (why: string) => {
        if (finished) return;
        finished = true;
        // dying before it was ready is not one file's fault: the workers cannot run at all
        if (!ready || inflight.length === 0) return reject(new Error(`extraction worker failed: ${why}`));
        const [current, ...unread] = inflight as [number, ...number[]];
        retry.push(...unread);
        const job = jobs[current]!;
        own ??= new Spool({ ...ctx, tag: 'main' });
        const r = internalError(job.path, new Error(`the extraction worker died (${why})`), false); // its stack is lost with it
        own.write(job.docs, r);
        on.done(job, job.docs.map(() => r.status), ++done);
        runWorker().then(resolve, reject); // a fresh worker carries on with the remaining files
      };
      w.on('message', (m: { id: number; statuses: Status[]; batch: SpoolBatch | null } | { closed: true } | { ready: true } | { fatal: string }) => {
        if ('fatal' in m) {
          finished = true;
          return reject(new Error(`extraction worker failed: ${m.fatal}`));
        }
        if ('ready' in m) {
          ready = true;
          return send();
        }
        if ('closed' in m) {
          finished = true;
          return resolve();
        }
        inflight.splice(inflight.indexOf(m.id), 1);
        on.done(jobs[m.id]!, m.statuses, ++done);
        if (m.batch) on.batch(m.batch);
        send();
      });
      w.on('error', (e: Error) => died(e.message));
      w.on('exit', (code) => died(`exit code ${code}`));
    });
  try {
    await Promise.all(Array.from({ length: n }, runWorker));
  } finally {
    await Promise.all(all.map((w) => w.terminate()));
    own?.close();
  }
}
