// Worker threads do not inherit tsx's loader when it was registered through its API: register it
// here, then load the TypeScript worker. Only when running from the sources: the compiled build
// (dist/) starts dist/pipeline/extract/worker.js directly (pool.ts).
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
