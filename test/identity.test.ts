// A document is its file, whatever the working directory or the spelling of the folder (issue 8,
// points 4 and 5): canonical absolute paths, databases with relative paths migrated, symbolic
// links followed once and loops cut.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, openWrite, query } from '../pipeline/db/duck.ts';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;

async function xxgk(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function sql<T = Record<string, unknown>>(db: string, q: string): Promise<T[]> {
  const d = await openRead(db);
  try {
    return await query<T>(d, q);
  } finally {
    d.close();
  }
}

const FILES = ['pingtan_2021_1.txt', 'pingtan_2022_1.txt', 'longgang-2022.txt'];

beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-identity-')));
  fs.mkdirSync(path.join(dir, 'work/raw'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'other/deeper'), { recursive: true });
  for (const f of FILES) fs.copyFileSync(path.join(CORPUS, f), path.join(dir, 'work/raw', f));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('document identity', () => {
  it('the same folder run from three working directories, named three ways, gives one copy of each document', async () => {
    const db = path.join(dir, 'three.duckdb');
    const runs: [string, string][] = [
      [path.join(dir, 'work'), 'raw'],
      [path.join(dir, 'work/raw'), '.'],
      [path.join(dir, 'other/deeper'), '../../work/raw/'],
      [dir, path.join(dir, 'work/./raw')],
    ];
    for (const [cwd, folder] of runs) {
      const r = await xxgk(cwd, 'run', folder, '--db', db);
      expect(r.code, r.stderr).toBe(0);
    }
    const docs = await sql<{ path: string; ingest_state: string }>(db, 'SELECT path, ingest_state FROM documents ORDER BY path');
    expect(docs.map((d) => d.path)).toEqual(FILES.map((f) => path.join(dir, 'work/raw', f)).sort());
    // the runs after the first found nothing changed, so wrote nothing: every document is as the first run stored it
    expect(docs.every((d) => d.ingest_state === 'new')).toBe(true);
    const [n] = await sql<{ n: number }>(db, 'SELECT count(*)::INT AS n FROM reports');
    expect(n!.n).toBe(3);
  });

  /** Rewrite a database as the previous version wrote it: paths relative to `cwd`, ids hashed from them. */
  async function asOldVersion(db: string, cwd: string) {
    const d = await openWrite(db);
    try {
      const docs = await query<{ document_id: string; path: string }>(d, 'SELECT document_id, path FROM documents');
      const tables = await query<{ t: string }>(d, `SELECT DISTINCT c.table_name AS t FROM duckdb_columns() c JOIN duckdb_tables() t USING (table_name) WHERE c.column_name = 'document_id'`);
      for (const doc of docs) {
        const rel = path.relative(cwd, doc.path);
        const id = crypto.createHash('sha256').update(rel).digest('hex').slice(0, 16);
        for (const { t } of tables) await d.conn.run(`UPDATE ${t} SET document_id = $1 WHERE document_id = $2`, [id, doc.document_id]);
        await d.conn.run(`UPDATE documents SET path = $1 WHERE document_id = $2`, [rel, id]);
      }
      return await query<{ document_id: string; path: string }>(d, 'SELECT document_id, path FROM documents ORDER BY path');
    } finally {
      d.close();
    }
  }
  type Doc = { document_id: string; path: string; ingest_state: string };
  const named = (rows: Doc[], n: string) => rows.filter((x) => path.basename(x.path) === n);

  it('a database that stored relative paths keeps its documents and extractions: a path that resolves to the same bytes is adopted', async () => {
    const db = path.join(dir, 'old.duckdb');
    const cwd = path.join(dir, 'old');
    fs.mkdirSync(path.join(cwd, 'raw'), { recursive: true });
    for (const f of [...FILES, 'pingtan_2024_1.txt']) fs.copyFileSync(path.join(CORPUS, f), path.join(cwd, 'raw', f));
    expect((await xxgk(cwd, 'run', 'raw', '--db', db)).code).toBe(0);
    const before = await asOldVersion(db, cwd);
    expect(before.map((b) => b.path)).toEqual(['raw/longgang-2022.txt', 'raw/pingtan_2021_1.txt', 'raw/pingtan_2022_1.txt', 'raw/pingtan_2024_1.txt']);
    fs.appendFileSync(path.join(cwd, 'raw/longgang-2022.txt'), '\n'); // changed meanwhile: the old row is not it any more
    fs.rmSync(path.join(cwd, 'raw/pingtan_2024_1.txt')); // deleted meanwhile

    const r = await xxgk(cwd, 'run', 'raw', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ingest raw: 1 new, 0 changed, 2 unchanged, 2 removed, 2 stored with a relative path adopted/u);
    expect(r.stderr).toMatch(/extract: 1 documents/u); // the adopted ones keep their extraction
    const after = await sql<Doc>(db, 'SELECT document_id, path, ingest_state FROM documents ORDER BY path');
    for (const f of ['pingtan_2021_1.txt', 'pingtan_2022_1.txt']) {
      // the old document (same id, so its extraction is kept), now at its canonical path; no second copy
      expect(named(after, f)).toEqual([{ document_id: named(before as Doc[], f)[0]!.document_id, path: path.join(cwd, 'raw', f), ingest_state: 'unchanged' }]);
    }
    // the changed file: the old relative row is marked removed (kept, visible), the file is a new document
    expect(named(after, 'longgang-2022.txt').map((x) => [x.path, x.ingest_state]).sort()).toEqual([
      [path.join(cwd, 'raw/longgang-2022.txt'), 'new'],
      ['raw/longgang-2022.txt', 'removed'],
    ]);
    expect(named(after, 'pingtan_2024_1.txt').map((x) => [x.path, x.ingest_state])).toEqual([['raw/pingtan_2024_1.txt', 'removed']]);
    const [n] = await sql<{ n: number; dup: number }>(db, `SELECT (SELECT count(*) FROM reports)::INT AS n, (SELECT count(*) FROM document_status WHERE status = 'duplicate')::INT AS dup`);
    expect(n).toEqual({ n: 3, dup: 0 });
  });

  it('run first from another directory (the old paths do not resolve), the old rows are left alone, then retired as copies', async () => {
    const db = path.join(dir, 'old2.duckdb');
    const cwd = path.join(dir, 'work');
    expect((await xxgk(cwd, 'run', 'raw', '--db', db)).code).toBe(0);
    const before = await asOldVersion(db, cwd);
    const r = await xxgk(path.join(cwd, 'raw'), 'run', '.', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ingest \.: 3 new, 0 changed, 0 unchanged, 0 removed \(/u);
    const mid = await sql<Doc>(db, `SELECT document_id, path, ingest_state FROM documents WHERE NOT starts_with(path, '/') ORDER BY path`);
    expect(mid.map((m) => [m.document_id, m.path])).toEqual(before.map((b) => [b.document_id, b.path]));
    const r2 = await xxgk(cwd, 'run', 'raw', '--db', db);
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/ingest raw: 0 new, 0 changed, 3 unchanged, 3 removed \(/u);
    const [n] = await sql<{ n: number; dup: number; live: number }>(
      db,
      `SELECT (SELECT count(*) FROM reports)::INT AS n, (SELECT count(*) FROM document_status WHERE status = 'duplicate')::INT AS dup,
              (SELECT count(*) FROM documents WHERE ingest_state <> 'removed')::INT AS live`,
    );
    expect(n).toEqual({ n: 3, dup: 0, live: 3 });
  });
});

describe('symbolic links', () => {
  it('a link to a file is followed (once, however many names), a folder link loop is cut, a broken link is listed as skipped', async () => {
    const root = path.join(dir, 'links');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'elsewhere'), { recursive: true });
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2021_1.txt'), path.join(root, 'a.txt'));
    fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'elsewhere/c.txt'));
    fs.symlinkSync('../elsewhere/c.txt', path.join(root, 'b.txt')); // a report kept outside the folder
    fs.symlinkSync('a.txt', path.join(root, 'same-as-a.txt')); // a second name of a file
    fs.symlinkSync('..', path.join(root, 'sub/loop')); // a folder link back to the root: a loop
    fs.symlinkSync(path.join(root, 'sub'), path.join(root, 'sub2')); // the same folder twice
    fs.symlinkSync('missing.txt', path.join(root, 'broken.txt'));
    const db = path.join(dir, 'links.duckdb');
    const r = await xxgk(dir, 'run', 'links', '--db', db);
    expect(r.code, r.stderr).toBe(0);
    const docs = await sql<{ path: string }>(db, 'SELECT path FROM documents ORDER BY path');
    expect(docs.map((d) => d.path)).toEqual([path.join(dir, 'elsewhere/c.txt'), path.join(root, 'a.txt')]);
    expect(r.stderr).toMatch(/skipped links\/broken\.txt: broken symbolic link to missing\.txt/u);
    expect(r.stderr).toMatch(/skipped links\/same-as-a\.txt: another name of links\/a\.txt/u);
    expect(r.stderr).toMatch(/skipped links\/sub\/loop: symbolic link to a folder already scanned/u);
    expect(r.stderr).toMatch(/skipped links\/sub2: symbolic link to a folder already scanned/u);
    const [n] = await sql<{ n: number }>(db, 'SELECT count(*)::INT AS n FROM reports');
    expect(n!.n).toBe(2);
  });
});
