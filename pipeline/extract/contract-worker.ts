// Worker thread of `xxgk extract FILE...`: extracts each file it is sent and returns what the
// command prints for it (a JSON line or the summary), so the main thread only writes.
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile, printed } from '../commands/extract.ts';

const { json, provenance } = workerData as { json: boolean; provenance: boolean };
// one file at a time, in the order sent (a DOCX is read asynchronously and must not let the next
// file start beside it): the pool knows from that order which file a dying worker was reading
let queue = Promise.resolve();
parentPort!.on('message', (msg: { id: number; file: string }) => {
  queue = queue.then(async () => {
    const r = await extractFile(msg.file); // contains its own crashes (an internal error for that file)
    parentPort!.postMessage({ id: msg.id, text: printed(r, json, provenance), rejected: r.status === 'rejected' });
  });
});
parentPort!.postMessage({ ready: true }); // loaded: from here on, dying is the fault of a file being read
