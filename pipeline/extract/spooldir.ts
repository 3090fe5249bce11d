// The extraction spool's temp folder: named after the process that made it, so a later run can
// tell a killed run's leftovers (up to 100 MB each) from a live run's, and removed on exit,
// including on Ctrl-C and SIGTERM.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'xxgk-spool-';
const UNNAMED_STALE_MS = 24 * 3600 * 1000; // folders of older versions carry no PID

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but another user's
  }
}

/** Remove the spool folders of runs whose process is gone; returns how many. */
export function removeStaleSpools(tmp = os.tmpdir()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(tmp).filter((n) => n.startsWith(PREFIX));
  } catch {
    return 0;
  }
  for (const name of names) {
    const full = path.join(tmp, name);
    const pid = /^xxgk-spool-(\d+)-/u.exec(name)?.[1];
    try {
      const stale = pid ? Number(pid) !== process.pid && !alive(Number(pid)) : Date.now() - fs.statSync(full).mtimeMs > UNNAMED_STALE_MS;
      if (stale) {
        fs.rmSync(full, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // another run removed it first, or it is not ours to remove
    }
  }
  return removed;
}

/** A fresh spool folder for this process, removed by `remove()` or when the process is interrupted. */
export function makeSpoolDir(): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (sig: NodeJS.Signals) => {
    remove();
    process.kill(process.pid, sig); // then die of the signal as if it had not been caught
  };
  const remove = () => {
    for (const s of signals) process.off(s, onSignal);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const s of signals) process.once(s, onSignal);
  return { dir, remove };
}
