// `xxgk sql` is an analyst's shell: it may read the database, and nothing else (issue 8, point 1).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, openWrite, query } from '../pipeline/db/duck.ts';
import { runSql } from '../pipeline/commands/sql.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let dbFile: string;
let other: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function sql(statement: string): Promise<string> {
  const out: string[] = [];
  await runSql(dbFile, statement, 'csv', (s) => out.push(s));
  return out.join('\n');
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sandbox-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'raw/a.txt'));
  dbFile = path.join(dir, 'xxgk.duckdb');
  await runAll({ db: dbFile, input: path.join(dir, 'raw'), log: () => {} });
  other = path.join(dir, 'other.duckdb');
  const o = await openWrite(other);
  await o.conn.run('CREATE TABLE t AS SELECT 1 AS x');
  o.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('xxgk sql sandbox', () => {
  const refused: [string, RegExp][] = [
    [`COPY (SELECT 'x') TO 'DB' (FORMAT csv)`, /file system operations are disabled/u],
    [`COPY (SELECT 'x') TO 'OUT' (FORMAT csv)`, /file system operations are disabled/u],
    [`COPY reports TO 'OUT' (FORMAT parquet)`, /file system operations are disabled/u],
    [`EXPORT DATABASE 'DIR/export'`, /file system operations are disabled/u],
    [`ATTACH 'OTHER' AS o (READ_WRITE)`, /file system operations are disabled/u],
    [`SELECT * FROM read_csv('/etc/passwd')`, /file system operations are disabled/u],
    [`SELECT * FROM read_text('/etc/passwd')`, /file system operations are disabled/u],
    [`SELECT * FROM read_json('/etc/hostname')`, /file system operations are disabled/u],
    [`SELECT * FROM glob('/root/*')`, /file system operations are disabled/u],
    [`INSTALL httpfs`, /file system operations are disabled|disabled/u],
    [`LOAD httpfs`, /disabled through configuration/u],
    [`SET enable_external_access = true`, /configuration has been locked/u],
    [`PRAGMA enable_external_access = true`, /configuration has been locked/u],
    [`RESET enable_external_access`, /configuration has been locked/u],
    [`SET lock_configuration = false`, /configuration has been locked/u],
    [`SET autoload_known_extensions = true`, /configuration has been locked/u],
    [`SET autoinstall_known_extensions = true`, /configuration has been locked/u],
    [`SET allow_unsigned_extensions = true`, /configuration has been locked|cannot be changed/u],
    [`DELETE FROM reports`, /read-only/u],
  ];
  it.each(refused)('refuses %s with a clear message and leaves every file unchanged', async (statement, reason) => {
    const before = [sha(dbFile), sha(other)];
    const filesBefore = fs.readdirSync(dir).sort();
    const s = statement.replace('DB', dbFile).replace('OUT', path.join(dir, 'out.csv')).replace('DIR', dir).replace('OTHER', other);
    const err = (await sql(s).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/xxgk sql is read-only and sandboxed/u);
    expect([sha(dbFile), sha(other)]).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('still answers queries over every table and view, and SET VARIABLE', async () => {
    expect(await sql('SELECT year FROM reports')).toBe('year\n2022');
    const db = await openRead(dbFile);
    const names = await query<{ name: string }>(db, `SELECT view_name AS name FROM duckdb_views() WHERE NOT internal UNION ALL SELECT table_name FROM duckdb_tables() ORDER BY 1`);
    db.close();
    expect(names.length).toBeGreaterThan(30);
    for (const { name } of names) expect(await sql(`SELECT count(*) AS n FROM "${name}"`)).toMatch(/^n\n\d+$/u);
    expect(await sql(`SET VARIABLE small_n = 5; SELECT getvariable('small_n') AS v`)).toBe('v\n5');
  });
});
