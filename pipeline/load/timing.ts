// XXGK_TIMING=1: the time of each step of the load (each model file, each data test) and of the
// no-change check, on stderr, for profiling; silent otherwise.
export const timing = process.env.XXGK_TIMING
  ? (what: string, t0: number) => process.stderr.write(`  ${((performance.now() - t0) / 1000).toFixed(2)} s  ${what}\n`)
  : undefined;
