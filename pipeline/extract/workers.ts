// Starting an extraction worker thread, for both pools: the run's spool workers (pool.ts) and
// `xxgk extract FILE...` (ordered.ts).
import { Worker } from 'node:worker_threads';

/** Below this many files starting workers (~0.1-0.3 s) costs more than it saves: they run in this thread. */
export const INLINE_BELOW = 24;

/**
 * A worker running `module` (`worker` or `contract-worker` in this folder) with `data`, its heap
 * capped at `memoryMb` when given. Compiled (dist/, `npm run build`) the module itself starts;
 * from the TypeScript sources an entry registers tsx's loader in the worker first.
 */
export function startWorker(module: 'worker' | 'contract-worker', data: object, memoryMb?: number): Worker {
  const compiled = import.meta.url.endsWith('.js');
  return new Worker(new URL(compiled ? `./${module}.js` : './worker-entry.js', import.meta.url), {
    workerData: { ...data, entry: `./${module}.ts` },
    ...(memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: memoryMb } } : {}),
  });
}
