// Worker thread: extracts the files it is sent and posts the results back.
import { parentPort } from 'node:worker_threads';
import { extractFile } from '../commands/extract.ts';

parentPort!.on('message', async (msg: { id: number; path: string }) => {
  const result = await extractFile(msg.path);
  parentPort!.postMessage({ id: msg.id, result });
});
