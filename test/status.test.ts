// `xxgk status` on a database that is empty, foreign or half-made says which (issue 8, point 12).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStatus } from '../pipeline/commands/status.ts';
import { openWrite, UserError } from '../pipeline/db/duck.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-status-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const status = (db: string) => runStatus(db, () => {}).catch((e: unknown) => e as Error);

describe('xxgk status', () => {
  it('after a failed first run: says the database was never loaded, and to run again', async () => {
    const input = path.join(dir, 'raw');
    fs.mkdirSync(input);
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(input, 'a.txt'));
    const db = path.join(dir, 'x.duckdb');
    await expect(runAll({ db, input, log: () => {}, failAfter: 'extract' })).rejects.toThrow(/simulated/u);
    const err = await status(db);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/x\.duckdb was never completely loaded .*the first run failed or was interrupted; run "xxgk run/u);
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
