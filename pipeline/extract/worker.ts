// Worker thread: extracts the jobs it is sent into its own spool files and reports each status.
import { parentPort, workerData } from 'node:worker_threads';
import { Spool, type SpoolContext, type SpoolJob } from './spool.ts';

const spool = new Spool(workerData as SpoolContext);
parentPort!.on('message', async (msg: { id: number; job: SpoolJob } | { close: true }) => {
  if ('close' in msg) {
    spool.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  const status = await spool.run(msg.job);
  parentPort!.postMessage({ id: msg.id, status });
});
