// Worker thread: extracts the jobs it is sent into its own spool files and reports each status.
import { parentPort, workerData } from 'node:worker_threads';
import { Spool, type SpoolContext, type SpoolJob } from './spool.ts';

const spool = new Spool(workerData as SpoolContext);
// The pool keeps a few jobs queued here so that this thread never waits for the next one; they
// run one after the other, in the order sent (the pool blames the first unanswered job if this
// thread dies).
let queue = Promise.resolve();
parentPort!.on('message', (msg: { id: number; job: SpoolJob } | { close: true }) => {
  queue = queue.then(() => handle(msg));
});

async function handle(msg: { id: number; job: SpoolJob } | { close: true }): Promise<void> {
  if ('close' in msg) {
    spool.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  try {
    const statuses = await spool.run(msg.job);
    parentPort!.postMessage({ id: msg.id, statuses, batch: spool.takeBatch() });
  } catch (e) {
    // extraction errors are contained in spool.run: this is the spool itself (a full disk), which
    // no other file would escape either
    parentPort!.postMessage({ fatal: (e as Error).stack ?? String(e) });
  }
}
parentPort!.postMessage({ ready: true }); // loaded: from here on, dying is the fault of the file being read
