// The staged pipeline on real report files into real DuckDB files in temp folders.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRead, openWrite, query, UserError } from '../pipeline/db/duck.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let input: string;
let dbFile: string;
const logs: string[] = [];
const log = (s: string) => logs.push(s);

function copy(files: string[], to = input) {
  fs.mkdirSync(to, { recursive: true });
  for (const f of files) fs.copyFileSync(path.join(CORPUS, f), path.join(to, f));
}

async function q<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, sql);
  } finally {
    db.close();
  }
}

const statusCounts = async () =>
  Object.fromEntries((await q<{ status: string; n: number }>('SELECT status, count(*)::INT AS n FROM document_status GROUP BY ALL')).map((r) => [r.status, r.n]));

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-test-'));
  input = path.join(dir, 'raw');
  dbFile = path.join(dir, 'xxgk.duckdb');
  logs.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('xxgk run', () => {
  it('accounts for every input file: loaded + rejected + duplicates', async () => {
    copy(['longgang-2022.txt', 'pingtan-shs_2025_1.txt', 'pingtan-shs_2025_1.html', 'blank-template.docx', 'huaian-2024.pdf']);
    fs.writeFileSync(path.join(input, 'empty.html'), '');
    fs.writeFileSync(path.join(input, 'news.html'), '<html><body><p>区政府召开会议</p></body></html>');
    const s = await runAll({ db: dbFile, input, log });
    expect(s.ingest?.new).toBe(7);
    const counts = await statusCounts();
    expect(counts).toEqual({ loaded: 3, duplicate: 1, rejected: 3 });
    const rejected = await q<{ path: string; reason: string }>(`SELECT path, reason FROM document_status WHERE status = 'rejected' ORDER BY path`);
    expect(rejected.map((r) => path.basename(r.path))).toEqual(['blank-template.docx', 'empty.html', 'news.html']);
    expect(rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/blank/u), expect.stringMatching(/empty/u), expect.stringMatching(/not a report/u)]);
  });

  it('says so when the input folder does not exist, without creating a database', async () => {
    await expect(runAll({ db: dbFile, input: path.join(dir, 'nope'), log })).rejects.toThrow(/input folder .*nope does not exist/u);
    expect(fs.existsSync(dbFile)).toBe(false);
  });

  it('chooses one of two files of the same body and year by the documented rule and keeps the other as a duplicate', async () => {
    copy(['pingtan-shs_2025_1.txt', 'pingtan-shs_2025_1.html']);
    await runAll({ db: dbFile, input, log });
    const rows = await q<{ path: string; status: string; reason: string | null }>(`SELECT path, status, reason FROM document_status ORDER BY path`);
    // both are complete and add up; both have the same numbers: the path order decides
    expect(rows.map((r) => [path.basename(r.path), r.status])).toEqual([
      ['pingtan-shs_2025_1.html', 'loaded'],
      ['pingtan-shs_2025_1.txt', 'duplicate'],
    ]);
    expect(rows[1]!.reason).toMatch(/^duplicate of /u);
    const [r] = await q<{ n: number }>(`SELECT n_duplicates::INT AS n FROM reports`);
    expect(r!.n).toBe(1);
  });

  it('does no work on a re-run when nothing changed, and re-does exactly the changed file', async () => {
    copy(['pingtan_2022_1.txt', 'pingtan_2024_1.txt', 'longgang-2022.txt']);
    await runAll({ db: dbFile, input, log });
    const again = await runAll({ db: dbFile, input, log });
    expect(again.ingest).toMatchObject({ new: 0, changed: 0, unchanged: 3, removed: 0 });
    expect(again.extract?.extracted).toBe(0);
    expect(again.skipped).toBe(true);

    // change one file's content (same name): only that file is extracted again
    const f = path.join(input, 'pingtan_2024_1.txt');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('21710000218', '21610000217'));
    const third = await runAll({ db: dbFile, input, log });
    expect(third.ingest).toMatchObject({ new: 0, changed: 1, unchanged: 2 });
    expect(third.extract?.extracted).toBe(1);
    const [v] = await q<{ value: number }>(`SELECT value::INT AS value FROM t3_cells c JOIN reports r USING (report_id) WHERE r.year = 2024 AND row_code = 'new_received' AND col_code = 'natural_person'`);
    expect(v!.value).toBe(216);
  });

  it('a re-run with nothing changed writes nothing: the database file keeps its bytes, mtime and inode, and no draft is made', async () => {
    copy(['pingtan_2022_1.txt', 'pingtan_2024_1.txt']);
    await runAll({ db: dbFile, input, log });
    const file = () => {
      const st = fs.statSync(dbFile);
      return { ino: st.ino, mtimeMs: st.mtimeMs, size: st.size, sha: crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex') };
    };
    const before = file();
    // a draft would appear beside the database while the run lasts
    const seen = new Set<string>();
    const watcher = fs.watch(dir, (_e, name) => name && seen.add(name));
    logs.length = 0;
    const again = await runAll({ db: dbFile, input, log });
    watcher.close();
    expect(again).toMatchObject({ skipped: true, rejected: 0, ingest: { new: 0, changed: 0, unchanged: 2, removed: 0 }, extract: { extracted: 0 } });
    expect(file()).toEqual(before);
    expect([...seen].filter((n) => n.includes('.draft-'))).toEqual([]);
    expect(logs.join('\n')).toMatch(/nothing changed since the last load: .*the database left as it was/u);
  });

  it('after a re-run that wrote nothing, each kind of change is still seen: a new mtime, a sidecar, a removed file and its return, a changed file', async () => {
    copy(['pingtan_2022_1.txt', 'pingtan_2024_1.txt']);
    await runAll({ db: dbFile, input, log });
    expect((await runAll({ db: dbFile, input, log })).skipped).toBe(true);
    const f = path.join(input, 'pingtan_2024_1.txt');
    const ino = () => fs.statSync(dbFile).ino;

    // touched: the new mtime is stored (the file's hash is read again), nothing to load
    let i = ino();
    fs.utimesSync(f, new Date(), new Date(Date.now() + 5000));
    let s = await runAll({ db: dbFile, input, log });
    expect(s).toMatchObject({ skipped: true, ingest: { unchanged: 2 } });
    expect(ino()).not.toBe(i);
    const [m] = await q<{ mtime_ms: number }>(`SELECT mtime_ms FROM documents WHERE path = '${fs.realpathSync(f)}'`);
    expect(m!.mtime_ms).toBe(fs.statSync(f).mtimeMs);
    expect((await runAll({ db: dbFile, input, log })).skipped).toBe(true);

    // a fetch sidecar appears: its URL is loaded into reports
    const sha = crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    fs.writeFileSync(`${f}.meta.json`, JSON.stringify({ url: 'https://www.pingtan.gov.cn/2024.html', sha256: sha }));
    s = await runAll({ db: dbFile, input, log });
    expect(s.skipped).toBe(false);
    expect(await q(`SELECT year, source_url FROM reports WHERE source_url IS NOT NULL`)).toEqual([{ year: 2024, source_url: 'https://www.pingtan.gov.cn/2024.html' }]);
    expect((await runAll({ db: dbFile, input, log })).skipped).toBe(true);

    // removed, then back
    const kept = fs.readFileSync(f);
    const st = fs.statSync(f);
    fs.rmSync(f);
    s = await runAll({ db: dbFile, input, log });
    expect(s).toMatchObject({ skipped: false, ingest: { removed: 1 } });
    expect(await statusCounts()).toEqual({ loaded: 1, removed: 1 });
    expect((await runAll({ db: dbFile, input, log })).skipped).toBe(true);
    fs.writeFileSync(f, kept);
    fs.utimesSync(f, st.atime, st.mtime);
    s = await runAll({ db: dbFile, input, log });
    expect(s.skipped).toBe(false);
    expect(await statusCounts()).toEqual({ loaded: 2 });
    expect((await runAll({ db: dbFile, input, log })).skipped).toBe(true);

    // changed content: extracted and loaded again
    i = ino();
    fs.writeFileSync(f, kept.toString('utf8').replace('21710000218', '21610000217'));
    s = await runAll({ db: dbFile, input, log });
    expect(s).toMatchObject({ skipped: false, ingest: { changed: 1 }, extract: { extracted: 1 } });
    expect(ino()).not.toBe(i);
    const [v] = await q<{ value: number }>(`SELECT value::INT AS value FROM t3_cells c JOIN reports r USING (report_id) WHERE r.year = 2024 AND row_code = 'new_received' AND col_code = 'natural_person'`);
    expect(v!.value).toBe(216);
  });

  it('marks a removed file as removed instead of silently keeping its report', async () => {
    copy(['pingtan_2022_1.txt', 'pingtan_2024_1.txt']);
    await runAll({ db: dbFile, input, log });
    fs.rmSync(path.join(input, 'pingtan_2022_1.txt'));
    const s = await runAll({ db: dbFile, input, log });
    expect(s.ingest?.removed).toBe(1);
    expect(await statusCounts()).toEqual({ loaded: 1, removed: 1 });
    expect((await q('SELECT * FROM reports WHERE year = 2022')).length).toBe(0);
  });

  it('leaves the previous database intact when a run fails part-way', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    copy(['pingtan_2024_1.txt', 'longgang-2022.txt']);
    await expect(runAll({ db: dbFile, input, log, failAfter: 'load' })).rejects.toThrow(/simulated failure after load/u);
    expect(await statusCounts()).toEqual({ loaded: 1 });
    expect((await q('SELECT path FROM documents')).length).toBe(1);
    // and the next run completes normally
    await runAll({ db: dbFile, input, log });
    expect(await statusCounts()).toEqual({ loaded: 3 });
  });

  it('a failed run leaves the database file byte for byte as it was, and no draft beside it', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    const sha = () => crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    const [size, digest] = [fs.statSync(dbFile).size, sha()];
    // every text report of the corpus: the run inserts into every table (an old xxgk grew the file from 7.9 to 9.4 MB here)
    copy(fs.readdirSync(CORPUS).filter((f) => /\.(txt|html|json)$/u.test(f) && !f.endsWith('.gold.json')), path.join(input, 'a'));
    for (const stage of ['ingest', 'extract', 'normalize', 'load'] as const) {
      await expect(runAll({ db: dbFile, input, log, failAfter: stage })).rejects.toThrow(`simulated failure after ${stage}`);
      expect([stage, fs.statSync(dbFile).size, sha()]).toEqual([stage, size, digest]);
      expect(fs.readdirSync(dir).sort()).toEqual(['raw', 'xxgk.duckdb']);
    }
    await runAll({ db: dbFile, input, log });
    expect(fs.statSync(dbFile).size === size && sha() === digest).toBe(false);
  });

  it('extracts on worker threads when there are many files, with the same result as inline', async () => {
    const files = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md'));
    copy(files, path.join(input, 'a'));
    copy(files, path.join(input, 'b'));
    const s = await runAll({ db: dbFile, input, log });
    expect(s.extract?.extracted).toBe(files.length * 2);
    const counts = await statusCounts();
    expect(counts.loaded! + counts.duplicate! + counts.rejected!).toBe(files.length * 2);
    // the two copies of every report agree cell for cell
    const diff = await q(`
      SELECT a.row_code, a.col_code FROM extracted_cells a JOIN documents da USING (document_id)
      JOIN documents db ON db.path = replace(da.path, '/a/', '/b/')
      JOIN extracted_cells b ON b.document_id = db.document_id AND b.table_code = a.table_code AND b.row_code = a.row_code AND b.col_code = a.col_code
      WHERE da.path LIKE '%/a/%' AND a.value IS DISTINCT FROM b.value`);
    expect(diff).toEqual([]);
  });

  it('says clearly which process holds the file when it is locked', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require('@duckdb/node-api');
      DuckDBInstance.create(${JSON.stringify(dbFile)}).then(() => { console.log('ready'); setTimeout(() => {}, 30000); });`], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
      const err = await runAll({ db: dbFile, input, log }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(new RegExp(`in use by another process \\(PID ${holder.pid}`, 'u'));
    } finally {
      holder.kill();
    }
  });

  it('lets several read-only sessions read at once, and refuses writes through them', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    const r1 = await openRead(dbFile);
    const r2 = await openRead(dbFile);
    try {
      expect((await query(r1, 'SELECT * FROM reports')).length).toBe(1);
      expect((await query(r2, 'SELECT * FROM reports')).length).toBe(1);
      await expect(query(r1, 'DELETE FROM reports')).rejects.toThrow(/read-only/u);
    } finally {
      r1.close();
      r2.close();
    }
  });

  it('rebuilds an older schema from the stored documents, saying so', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    const db = await openWrite(dbFile);
    await db.conn.run(`UPDATE meta SET value = '0' WHERE key = 'schema_version'`);
    db.close();
    logs.length = 0;
    const s = await runAll({ db: dbFile, input, log });
    expect(logs.join('\n')).toMatch(/schema v0, this xxgk writes v2: rebuilding extraction results from the 1 stored documents/u);
    expect(s.extract?.extracted).toBe(1);
    expect(await statusCounts()).toEqual({ loaded: 1 });
  });
});

describe('bodies and regions', () => {
  it('resolves name variants of the samples to the right bodies, parents and region codes', async () => {
    copy(['longgang-2022.txt', 'pingtan-gaj_2024_1.txt', 'pingtan_2024_1.txt', 'shanghai-bgt_2019_1.json', 'huaian-2024.pdf']);
    // the same report behind a spam-polluted title: it must resolve to the same body
    const spam = fs.readFileSync(path.join(CORPUS, 'pingtan-gaj_2024_1.txt'), 'utf8').replace('标题: 平潭综合实验区公安局', '标题: 澳门新葡京_娱乐平台-平潭综合实验区公安局');
    fs.writeFileSync(path.join(input, 'mirror-gaj.txt'), spam);
    await runAll({ db: dbFile, input, log });
    const bodies = await q<{ name: string; region_code: string | null; parent: string | null; level: string }>(
      `SELECT b.name, b.region_code, p.name AS parent, b.level FROM bodies b LEFT JOIN bodies p ON p.body_id = b.parent_body_id ORDER BY b.name`,
    );
    const by = Object.fromEntries(bodies.map((b) => [b.name, b]));
    expect(by['深圳市龙岗区人民政府']).toMatchObject({ region_code: '440307', level: 'district', parent: null });
    expect(by['平潭综合实验区公安局']).toMatchObject({ region_code: '350128', parent: '平潭综合实验区', level: 'department' });
    expect(by['淮安市人民政府']).toMatchObject({ region_code: '320800', level: 'city' });
    expect(by['上海市人民政府办公厅']).toMatchObject({ parent: '上海市人民政府', region_code: '310000' });
    expect(bodies.filter((b) => b.name.includes('公安局'))).toHaveLength(1);
    expect(await statusCounts()).toEqual({ loaded: 5, duplicate: 1 });
    const aliases = await q<{ alias: string; name: string }>(`SELECT a.alias, b.name FROM body_aliases a JOIN bodies b USING (body_id) ORDER BY 1`);
    expect(aliases).toContainEqual({ alias: '区公安局', name: '平潭综合实验区公安局' });
  });

  it('documents every table and column with a comment', async () => {
    copy(['pingtan_2022_1.txt']);
    await runAll({ db: dbFile, input, log });
    const missing = await q<{ table_name: string; column_name: string }>(`
      SELECT c.table_name, c.column_name FROM duckdb_columns() c JOIN duckdb_tables() t USING (table_name)
      WHERE NOT t.temporary AND c.comment IS NULL ORDER BY 1, 2`);
    expect(missing).toEqual([]);
    const tables = await q(`SELECT table_name FROM duckdb_tables() WHERE comment IS NULL AND NOT temporary`);
    expect(tables).toEqual([]);
  });
});
