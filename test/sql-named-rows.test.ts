// Rows are written to the database as objects keyed by column name (pipeline/db/append.ts
// insertRows), checked against the table's columns: an unknown name or a column left out is an
// error, and the values land in their columns whatever the order of the keys or of the DDL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearColumnsCache, insertRows, type Row } from '../pipeline/db/append.ts';
import { type Db, openWrite, query } from '../pipeline/db/duck.ts';
import { prepare } from '../pipeline/db/prepare.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-rows-'));
  db = await openWrite(path.join(dir, 'x.duckdb'));
  await prepare(db, () => {});
}, 60_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('insertRows', () => {
  it('puts each value in the column it names, whatever the order of the keys', async () => {
    await insertRows(db, 'bodies', [
      { inferred: false, parent_body_id: null, region_code: '440307', level: 'district', name: '深圳市龙岗区人民政府', body_id: 'b1' },
      { name: '深圳市龙岗区公安局', body_id: 'b2', level: 'department', inferred: true, region_code: null, parent_body_id: 'b1' },
    ]);
    expect(await query(db, 'SELECT * FROM bodies ORDER BY body_id')).toEqual([
      { body_id: 'b1', name: '深圳市龙岗区人民政府', level: 'district', region_code: '440307', parent_body_id: null, inferred: false },
      { body_id: 'b2', name: '深圳市龙岗区公安局', level: 'department', region_code: null, parent_body_id: 'b1', inferred: true },
    ]);
  });

  it('refuses a name the table does not have, and says which', async () => {
    const row = { document_id: 'd1', body_id: null, yeer: 2022 } as unknown as Row<'document_bodies'>;
    await expect(insertRows(db, 'document_bodies', [row])).rejects.toThrow('rows for document_bodies: no column yeer; no value for year');
    expect(await query(db, 'SELECT * FROM document_bodies')).toEqual([]);
  });

  it('refuses rows that leave out a column, such as one added to the DDL after the writer was written', async () => {
    await db.conn.run('ALTER TABLE user_groups ADD COLUMN note VARCHAR');
    clearColumnsCache();
    try {
      await expect(insertRows(db, 'user_groups', [{ group_name: 'g', body_id: 'b1' }])).rejects.toThrow('rows for user_groups: no value for note');
    } finally {
      await db.conn.run('ALTER TABLE user_groups DROP COLUMN note');
      clearColumnsCache();
    }
    await insertRows(db, 'user_groups', [{ group_name: 'g', body_id: 'b1' }]);
    expect(await query(db, 'SELECT * FROM user_groups')).toEqual([{ group_name: 'g', body_id: 'b1' }]);
  });

  it('is what the writers of ingest, normalize and corrections use (positional rows are left to publish --groups)', () => {
    const users = (dirName: string): string[] =>
      fs
        .readdirSync(dirName, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .filter((f) => /\bappendRows\(/u.test(fs.readFileSync(path.join(dirName, f), 'utf8')))
        .map((f) => path.join(dirName, f));
    expect(users('pipeline').filter((f) => f !== path.join('pipeline', 'db', 'append.ts'))).toEqual([path.join('pipeline', 'publish', 'groups.ts')]);
    for (const f of ['pipeline/ingest/ingest.ts', 'pipeline/normalize/normalize.ts', 'pipeline/review/file.ts', 'pipeline/review/recheck.ts']) {
      expect(fs.readFileSync(f, 'utf8'), f).toMatch(/\binsertRows\(/u);
    }
  });
});
