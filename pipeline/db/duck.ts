// Opening the DuckDB file: one writer or many readers, with a clear message when it is locked.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { UserError } from './common.ts';

// required, not imported: an ESM import of this CommonJS package makes Node scan the source of all
// its ~120 modules for their export names first, about 0.2 s of every `xxgk sql` start
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

export { DEFAULT_DB, REFERENCE_DIR, ROOT, SQL_DIR, UserError } from './common.ts';

export interface Db {
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  path: string;
  close(): void;
}

function lockMessage(file: string, e: Error): string | null {
  const m = /Conflicting lock is held in (.*?) \(PID (\d+)\)/u.exec(e.message);
  if (!m) return null;
  let cmd = m[1]!;
  try {
    cmd = fs.readFileSync(`/proc/${m[2]}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ') || cmd;
  } catch {
    // not on Linux, or the process is gone: the executable name will do
  }
  return `${file} is in use by another process (PID ${m[2]}: ${cmd}). DuckDB allows one writer or several readers; close that process (an open "xxgk sql" shell, a notebook) and run again.`;
}

/**
 * The analysts' sandbox (`xxgk sql`): besides the database file itself nothing on disk or on the
 * network can be read or written (COPY, ATTACH, read_csv, glob …), no extension is installed or
 * loaded behind the user's back, and the configuration is locked so SQL cannot undo any of it.
 * The built-in json and parquet extensions still load; every view in sql/ reads tables only.
 */
const SANDBOX = {
  access_mode: 'READ_ONLY',
  enable_external_access: 'false',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  lock_configuration: 'true',
} as const;

type Mode = 'write' | 'read' | 'sandbox';

async function open(file: string, mode: Mode): Promise<Db> {
  const readOnly = mode !== 'write';
  if (readOnly && !fs.existsSync(file)) throw new UserError(`${file} does not exist yet: run "xxgk run" first`);
  if (!readOnly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await duckdb.DuckDBInstance.create(file, mode === 'sandbox' ? SANDBOX : readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    const msg = lockMessage(file, e as Error);
    if (msg) throw new UserError(msg);
    throw new UserError(`cannot open ${file}: ${(e as Error).message}`);
  }
  const conn = await instance.connect();
  // Bounded memory (the pipeline must stay under 1 GB with its workers); inserts need not keep
  // their order, which lets DuckDB stream them.
  if (!readOnly) await conn.run(`SET memory_limit = '${process.env.XXGK_DUCKDB_MEMORY ?? '320MB'}'; SET preserve_insertion_order = false;`);
  return {
    instance,
    conn,
    path: file,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

export const openWrite = (file: string) => open(file, 'write');
/** Read-only, for the pipeline's own readers (publish writes its files through this connection). */
export const openRead = (file: string) => open(file, 'read');
/** Read-only and sandboxed, for SQL typed by a user. */
export const openSandbox = (file: string) => open(file, 'sandbox');

/** Run `fn` in one transaction: all of it lands, or none of it does. */
export async function inTransaction<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  await db.conn.run('BEGIN TRANSACTION');
  try {
    const out = await fn();
    await db.conn.run('COMMIT');
    return out;
  } catch (e) {
    try {
      await db.conn.run('ROLLBACK');
    } catch {
      // a COMMIT that failed (a full disk) has ended the transaction already: its error is the one to tell
    }
    throw e;
  }
}

/** A string as a SQL literal, for the statements that take no parameters (COPY … TO, SET). */
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function query<T = Record<string, unknown>>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  const reader = await db.conn.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as T[];
}
