// `xxgk status` on a database that is empty, foreign or half-made says which (issue 8, point 12).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStatus } from '../pipeline/commands/status.ts';
import { openWrite, UserError } from '../pipeline/db/duck.ts';
import { runAll, runIngest, withDb } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-status-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const status = (db: string) => runStatus(db, () => {}).catch((e: unknown) => e as Error);

describe('xxgk status', () => {
  it('after a failed first run there is no database, and status says to run; after a partial one it says it was never loaded', async () => {
    const input = path.join(dir, 'raw');
    fs.mkdirSync(input);
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(input, 'a.txt'));
    const db = path.join(dir, 'x.duckdb');
    await expect(runAll({ db, input, log: () => {}, failAfter: 'extract' })).rejects.toThrow(/simulated/u);
    // the failed run wrote into a draft that was thrown away: nothing is left beside the database either
    expect(fs.readdirSync(dir)).toEqual(['raw']);
    expect(((await status(db)) as Error).message).toMatch(/x\.duckdb does not exist yet: run "xxgk run" first/u);
    // only the first stage run: the tables of the later ones are missing
    await withDb(db, () => {}, (d) => runIngest(d, input, () => {}));
    const err = await status(db);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/x\.duckdb was never completely loaded \(1 documents registered, no .*\): only some of the stages have run on it .*; run "xxgk run/u);
    // and once a run completes, status works
    await runAll({ db, input, log: () => {} });
    expect(await status(db)).toBe(0);
  });

  it('on an empty DuckDB file and on another program’s database: says it is not an xxgk database', async () => {
    const empty = path.join(dir, 'empty.duckdb');
    (await openWrite(empty)).close();
    expect(((await status(empty)) as Error).message).toMatch(/empty\.duckdb is an empty database: check --db/u);
    const other = path.join(dir, 'other.duckdb');
    const o = await openWrite(other);
    await o.conn.run('CREATE TABLE sales (x INT)');
    o.close();
    const err = await status(other);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/other\.duckdb is not an xxgk database \(it has no meta table; it holds sales\)/u);
  });
});
