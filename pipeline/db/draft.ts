// A run writes into a draft: a copy of the database beside it (`x.duckdb.draft-<pid>`), renamed
// over the database only once the run has committed and checkpointed. A failed or killed run
// leaves the database byte for byte as it was: DuckDB writes a large insert into the file before
// its commit (and a rollback does not give the space back), so a transaction alone is not enough.
//
// While the draft is made, the database itself is held open for writing (DuckDB's lock), so two
// runs never build on the same state, and a reader (`xxgk sql`) open on it still says who holds it.
import fs from 'node:fs';
import path from 'node:path';
import { type Db, openWrite, UserError } from './duck.ts';

export interface Draft {
  /** the database the draft replaces */
  file: string;
  /** where the run writes */
  path: string;
  /** the database held open (its lock) until the draft is in place; null when there was no database yet */
  lock: Db | null;
  /** stop removing the draft on SIGINT / SIGTERM / SIGHUP */
  unwatch(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** On Ctrl-C or a kill the draft is removed, then the process dies of the signal as it would have (kill -9: the next run removes it). */
function watch(draftPath: string): () => void {
  const onSignal = (sig: NodeJS.Signals) => {
    unwatch();
    for (const p of parts(draftPath)) fs.rmSync(p, { recursive: true, force: true });
    process.kill(process.pid, sig);
  };
  const unwatch = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  return unwatch;
}

const DRAFT = '.draft-';

/** The draft's own files: the copy, its WAL and DuckDB's spill folder. */
const parts = (p: string) => [p, `${p}.wal`, `${p}.tmp`];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the drafts a killed run left beside `file`: all of them while we hold its lock, else those whose process is gone. */
function removeStale(file: string, locked: boolean): void {
  const dir = path.dirname(file);
  const base = `${path.basename(file)}${DRAFT}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.startsWith(base));
  } catch {
    return;
  }
  for (const n of names) {
    const pid = Number(/^(\d+)/u.exec(n.slice(base.length))?.[1]);
    if (pid === process.pid || (!locked && Number.isInteger(pid) && alive(pid))) continue;
    fs.rmSync(path.join(dir, n), { recursive: true, force: true });
  }
}

/**
 * A run that found nothing to do and so made no draft (stages.ts) still clears what killed runs
 * left: the drafts of processes that are gone (a live one may be another run's, which holds the lock).
 */
export function removeDeadDrafts(file: string): void {
  removeStale(file, false);
}

/** An error of the file system said with the file it could not write (`diskFull` in stages.ts reads it). */
function couldNotWrite(e: unknown, where: string): Error {
  const err = e as NodeJS.ErrnoException;
  return new Error(`Could not write "${where}": ${err.code === 'ENOSPC' ? 'No space left on device' : err.message}`, { cause: e });
}

/** Copy the database (if any) to a draft beside it, holding the database's lock. */
export async function startDraft(file: string): Promise<Draft> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const draftPath = `${file}${DRAFT}${process.pid}`;
  let lock: Db | null = null;
  if (fs.existsSync(file)) {
    lock = await openWrite(file); // a clear message when another process has it open
    try {
      // a WAL left by an older xxgk killed after its commit: fold it in so the copy holds it
      if (fs.existsSync(`${file}.wal`)) await lock.conn.run('CHECKPOINT');
      removeStale(file, true);
      for (const p of parts(draftPath)) fs.rmSync(p, { recursive: true, force: true });
      try {
        // a reflink where the file system has them (instant), else an in-kernel copy
        fs.copyFileSync(file, draftPath, fs.constants.COPYFILE_FICLONE);
      } catch (e) {
        fs.rmSync(draftPath, { force: true });
        throw couldNotWrite(e, draftPath);
      }
    } catch (e) {
      lock.close();
      throw e;
    }
  } else {
    removeStale(file, false);
  }
  return { file, path: draftPath, lock, unwatch: watch(draftPath) };
}

/** Put the draft (committed, checkpointed and closed) in place of the database, atomically. */
export function finishDraft(d: Draft): void {
  try {
    // durable before it is visible: a power cut after the rename must not find half a file
    const fd = fs.openSync(d.path, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (d.lock) fs.renameSync(d.path, d.file);
    else {
      // no database before: create it only if no other run made one meanwhile (a hard link
      // fails when the name exists); a file system without hard links gets a plain rename
      try {
        fs.linkSync(d.path, d.file);
        fs.rmSync(d.path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${d.file} was created by another process during this run; run again`);
        fs.renameSync(d.path, d.file);
      }
    }
    const dirFd = fs.openSync(path.dirname(path.resolve(d.file)), 'r');
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  } finally {
    d.unwatch();
    // closed after the rename: the lock is held until the new file is in place
    d.lock?.close();
    d.lock = null;
  }
}

/** Throw the draft away (the run failed): the database is untouched. */
export function dropDraft(d: Draft): void {
  d.unwatch();
  for (const p of parts(d.path)) fs.rmSync(p, { recursive: true, force: true });
  d.lock?.close();
  d.lock = null;
}
