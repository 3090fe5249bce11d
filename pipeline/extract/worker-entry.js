// Worker threads do not inherit tsx's loader when it was registered through its API: register it
// here, then load the TypeScript worker named by `workerData.entry`. Only when running from the
// sources: the compiled build (dist/) starts the worker's .js module directly (workers.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
register();
await import(workerData.entry);
