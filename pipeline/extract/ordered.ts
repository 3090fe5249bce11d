// `xxgk extract FILE...` on worker threads. What each file prints comes out in the order the files
// were given, as soon as that file and every one before it are done, so the output is the same
// as one thread's. A worker that dies (out of memory, a crash in a library) costs only the file it
// was reading: that file prints as an internal error and a new worker takes over the rest.
import type { Worker } from 'node:worker_threads';
import { startWorker } from './workers.ts';

const IN_FLIGHT = 4; // files queued per worker: it never waits for its next file to cross over
const WINDOW = 512; // files handed out ahead of the first one not yet printed: bounds what waits in memory

export interface Printed {
  text: string;
  rejected: boolean;
}

export interface OrderedOptions {
  threads: number;
  workerMemoryMb?: number;
  json: boolean;
  provenance: boolean;
  /** what a file whose worker died prints (its rejection as an internal error) */
  died: (file: string, why: string) => Printed;
}

export async function extractInOrder(files: string[], o: OrderedOptions, print: (p: Printed) => void): Promise<void> {
  if (files.length === 0) return;
  const done = new Map<number, Printed>();
  let nextOut = 0; // the first file not yet printed
  let nextIn = 0; // the next file not yet handed out
  const retry: number[] = []; // files a dead worker had queued behind the one it died on
  const take = () => (retry.length > 0 ? retry.shift() : nextIn < files.length && nextIn < nextOut + WINDOW ? nextIn++ : undefined);
  const workers = new Set<Worker>();
  let finished = false;

  await new Promise<void>((resolve, reject) => {
    const fail = (e: Error) => {
      finished = true;
      reject(e);
    };
    const settle = (id: number, p: Printed) => {
      done.set(id, p);
      while (done.has(nextOut)) {
        print(done.get(nextOut)!);
        done.delete(nextOut++);
      }
      if (nextOut === files.length) {
        finished = true;
        resolve();
      }
    };
    const feeders: (() => void)[] = [];
    const feedAll = () => feeders.forEach((f) => f());
    const start = (slot: number) => {
      const w = startWorker('contract-worker', { json: o.json, provenance: o.provenance }, o.workerMemoryMb);
      workers.add(w);
      const queue: number[] = []; // handed to this worker, in the order it reads them
      let ready = false;
      let dead = false;
      const feed = () => {
        if (!ready || dead || finished) return;
        for (let i: number | undefined; queue.length < IN_FLIGHT && (i = take()) !== undefined; ) {
          queue.push(i);
          w.postMessage({ id: i, file: files[i] });
        }
      };
      feeders[slot] = feed;
      const died = (why: string) => {
        if (dead || finished) return;
        dead = true;
        workers.delete(w);
        // dying before it was ready is not a file's fault: the workers cannot run at all
        if (!ready) return fail(new Error(`extraction worker failed: ${why}`));
        const culprit = queue.shift();
        retry.push(...queue);
        retry.sort((a, b) => a - b);
        start(slot);
        if (culprit !== undefined) settle(culprit, o.died(files[culprit]!, why));
      };
      w.on('message', (m: { ready: true } | { id: number; text: string; rejected: boolean }) => {
        if ('ready' in m) ready = true;
        else {
          queue.splice(queue.indexOf(m.id), 1);
          settle(m.id, m);
        }
        // a file printed may open the window for a worker that had nothing left to take
        if (!finished) feedAll();
      });
      w.on('error', (e: Error) => died(e.message));
      w.on('exit', (code) => died(`exit code ${code}`));
    };
    const n = Math.min(o.threads, Math.ceil(files.length / 8));
    for (let slot = 0; slot < n; slot++) start(slot);
  }).finally(() => Promise.all([...workers].map((w) => w.terminate())));
}
