// Content-hash reuse only ever shares a successful read (issue 8, point 8): a file that vanished
// during a run is rejected alone, and its copies are read from their own paths, now and later.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { runAll, runExtractStage, runIngest, runLoad, runNormalize, withDb } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-reuse-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function statuses(db: string): Promise<Record<string, string>> {
  const d = await openRead(db);
  try {
    const rows = await query<{ path: string; status: string; reason: string | null }>(d, 'SELECT path, status, reason FROM document_status');
    return Object.fromEntries(rows.map((r) => [path.basename(r.path), `${r.status}${r.status === 'rejected' ? `: ${r.reason}` : ''}`]));
  } finally {
    d.close();
  }
}

describe('byte-identical files', () => {
  it('one that vanishes between ingest and extract is rejected alone; back unchanged, it is read on the next run', async () => {
    const input = path.join(dir, 'raw');
    fs.mkdirSync(input);
    for (const f of ['a.txt', 'b.txt', 'c.txt']) fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(input, f));
    const db = path.join(dir, 'x.duckdb');
    const log = () => {};
    await withDb(db, log, (d) => runIngest(d, input, log));
    // a.txt is the first path of the three, the one the shared content would be read from
    const a = path.join(input, 'a.txt');
    const saved = fs.readFileSync(a);
    const { mtime } = fs.statSync(a);
    fs.rmSync(a);
    const s = await withDb(db, log, (d) => runExtractStage(d, log));
    expect(s).toMatchObject({ extracted: 3, rejected: 1 });
    await withDb(db, log, (d) => runNormalize(d, log));
    await withDb(db, log, (d) => runLoad(d, log));
    expect(await statuses(db)).toEqual({ 'a.txt': 'rejected: file not found', 'b.txt': 'loaded', 'c.txt': 'duplicate' });

    // the file is back with the same bytes and time: ingest sees it unchanged, and its read failure is not kept
    fs.writeFileSync(a, saved);
    fs.utimesSync(a, mtime, mtime);
    const again = await runAll({ db, input, log });
    expect(again.ingest).toMatchObject({ unchanged: 3 });
    expect(again.extract?.extracted).toBe(1);
    expect(await statuses(db)).toEqual({ 'a.txt': 'loaded', 'b.txt': 'duplicate', 'c.txt': 'duplicate' });
  });
});
