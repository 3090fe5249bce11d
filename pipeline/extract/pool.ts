// Extraction across CPU cores with worker threads; small batches run in this thread.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractFile } from '../commands/extract.ts';
import type { ExtractResult } from './result.ts';

const INLINE_BELOW = 24; // starting workers costs ~0.3 s: not worth it for a few files

export async function extractMany(
  paths: string[],
  onResult: (r: ExtractResult, done: number) => void | Promise<void>,
  threads = os.availableParallelism(),
): Promise<void> {
  if (paths.length < INLINE_BELOW || threads <= 1) {
    let done = 0;
    for (const p of paths) await onResult(await extractFile(p), ++done);
    return;
  }
  const n = Math.min(threads, Math.ceil(paths.length / 8));
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: n }, () => new Worker(new URL('./worker-entry.js', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= paths.length) return resolve();
              const id = next++;
              w.postMessage({ id, path: paths[id] });
            };
            w.on('message', (m: { id: number; result: ExtractResult }) => {
              Promise.resolve(onResult(m.result, ++done)).then(send, reject);
            });
            w.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
