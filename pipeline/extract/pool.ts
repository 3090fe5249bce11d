// Extraction across CPU cores with worker threads; small batches run in this thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExtractResult } from './result.ts';
import { Spool, type SpoolContext, type SpoolJob } from './spool.ts';

const INLINE_BELOW = 24; // starting workers costs ~0.3 s: not worth it for a few files

type Status = ExtractResult['status'];

export async function spoolAll(
  jobs: SpoolJob[],
  ctx: Omit<SpoolContext, 'tag'>,
  onDone: (job: SpoolJob, status: Status, done: number) => void,
  threads = os.availableParallelism(),
): Promise<void> {
  let done = 0;
  if (jobs.length < INLINE_BELOW || threads <= 1) {
    const spool = new Spool({ ...ctx, tag: 'main' });
    try {
      for (const job of jobs) onDone(job, await spool.run(job), ++done);
    } finally {
      spool.close();
    }
    return;
  }
  const n = Math.min(threads, Math.ceil(jobs.length / 8));
  let next = 0;
  const workers = Array.from({ length: n }, (_, i) => new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: { ...ctx, tag: `w${i}` } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= jobs.length) return w.postMessage({ close: true });
              const id = next++;
              w.postMessage({ id, job: jobs[id] });
            };
            w.on('message', (m: { id: number; status: Status } | { closed: true }) => {
              if ('closed' in m) return resolve();
              onDone(jobs[m.id]!, m.status, ++done);
              send();
            });
            w.on('error', reject);
            w.on('exit', (code) => (code !== 0 ? reject(new Error(`extraction worker exited with code ${code}`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
