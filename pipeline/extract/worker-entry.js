// Worker threads do not inherit tsx's loader when it was registered through its API: register it
// here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
