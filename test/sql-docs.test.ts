// Every table, view and column of the database is documented from the sidecars beside the models
// (sql/**/_docs.csv), written as COMMENT ON at load time, on a real database built from fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { type Catalog, readDocRows, readMetrics, resolveDocs } from '../pipeline/load/docs.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-docs-'));
  const input = path.join(dir, 'raw');
  dbFile = path.join(dir, 'xxgk.duckdb');
  fs.mkdirSync(input);
  for (const f of ['longgang-2022.txt', 'pingtan_2022_1.txt', 'pingtan_2024_1.txt', 'pingtan-gaj_2022_1.txt', 'pingtan-gaj_2019_1.txt', 'blank-template.docx']) {
    fs.copyFileSync(path.join(CORPUS, f), path.join(input, f));
  }
  await runAll({ db: dbFile, input, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function q<T>(sql: string): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, sql);
  } finally {
    db.close();
  }
}

describe('model documentation', () => {
  it('every column of every table and view in the main schema has a comment', async () => {
    const missing = await q<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM duckdb_columns()
       WHERE database_name = current_database() AND schema_name = 'main' AND NOT internal AND (comment IS NULL OR trim(comment) = '')
       ORDER BY table_name, column_index`,
    );
    expect(missing.map((m) => `${m.t}.${m.c}`)).toEqual([]);
    const [n] = await q<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_columns() WHERE schema_name = 'main' AND NOT internal`);
    expect(n!.n).toBeGreaterThan(400); // the views are in there, not only the tables
  });

  it('every table and view has a comment', async () => {
    const missing = await q<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND comment IS NULL
       UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND comment IS NULL`,
    );
    expect(missing).toEqual([]);
  });

  it('no sidecar row documents something that does not exist (a typo or a dropped column)', async () => {
    const cols = await q<{ t: string; c: string; kind: string }>(
      `SELECT c.table_name AS t, c.column_name AS c, CASE WHEN v.view_name IS NULL THEN 'TABLE' ELSE 'VIEW' END AS kind
       FROM duckdb_columns() c LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
       WHERE c.schema_name = 'main' AND NOT c.internal ORDER BY c.table_name, c.column_index`,
    );
    const catalog: Catalog = { kinds: new Map(), columns: new Map() };
    for (const r of cols) {
      catalog.kinds.set(r.t, r.kind as 'TABLE' | 'VIEW');
      catalog.columns.set(r.t, [...(catalog.columns.get(r.t) ?? []), r.c]);
    }
    const { stale } = resolveDocs(catalog, readDocRows(), readMetrics());
    expect(stale.map((s) => `${s.file}: ${s.model}.${s.column}`)).toEqual([]);
  });

  it('view columns carry their comments (DuckDB keeps COMMENT ON COLUMN on views until the view is replaced)', async () => {
    const rows = await q<{ t: string; c: string; comment: string }>(
      `SELECT table_name AS t, column_name AS c, comment FROM duckdb_columns()
       WHERE (table_name, column_name) IN (('report_t3_totals', 'unable_not_held'), ('mart_outcomes', 'not_held_share_rank'), ('report_metrics', 'small_n'))
       ORDER BY ALL`,
    );
    expect(rows).toEqual([
      { t: 'mart_outcomes', c: 'not_held_share_rank', comment: expect.stringContaining('本机关不掌握相关政府信息占比') },
      { t: 'report_metrics', c: 'small_n', comment: expect.stringContaining('fewer than small_n cases') },
      { t: 'report_t3_totals', c: 'unable_not_held', comment: expect.stringContaining('本机关不掌握相关政府信息') },
    ]);
  });

  it('the comments the issue found wrong say what the columns hold', async () => {
    const rows = await q<{ k: string; comment: string }>(
      `SELECT table_name || '.' || column_name AS k, comment FROM duckdb_columns()
       WHERE table_name || '.' || column_name IN ('t2_cells.row_code', 't4_cells.col_code', 'meta.key') ORDER BY 1`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.k, r.comment]));
    expect(by['t2_cells.row_code']).toMatch(/normative_docs/u);
    expect(by['t2_cells.row_code']).not.toMatch(/unable_not_held/u);
    expect(by['t4_cells.col_code']).toMatch(/upheld/u);
    expect(by['t4_cells.col_code']).not.toMatch(/natural_person/u);
    expect(by['meta.key']).not.toMatch(/last_/u);
    const keys = await q<{ key: string }>(`SELECT key FROM meta ORDER BY key`);
    expect(keys.map((k) => k.key)).toEqual(['loaded_fingerprint', 'schema_version']); // what the comment promises
  });

  it('a run that skips the load (nothing changed) keeps the comments of the seeds it creates again', async () => {
    const seeds = `SELECT table_name AS t, count(*)::INT AS n, count(comment)::INT AS documented FROM duckdb_columns()
       WHERE table_name IN ('categories', 'metrics', 'regions') GROUP BY ALL ORDER BY ALL`;
    const before = await q<{ t: string; n: number; documented: number }>(seeds);
    const logs: string[] = [];
    await runAll({ db: dbFile, input: path.join(dir, 'raw'), log: (s) => logs.push(s) });
    expect(logs.join('\n')).toMatch(/normalize and load skipped/u);
    const after = await q<{ t: string; n: number; documented: number }>(seeds);
    expect(after).toEqual(before);
    expect(after.map((r) => r.documented)).toEqual(after.map((r) => r.n));
    const [m] = await q<{ comment: string }>(`SELECT comment FROM duckdb_tables() WHERE table_name = 'regions'`);
    expect(m!.comment).toMatch(/Administrative divisions/u);
  });

  it('a {metric} template row stands for every metric and a specific row beats a glob', () => {
    const catalog: Catalog = {
      kinds: new Map([['mart_x', 'VIEW'], ['other', 'TABLE']]),
      columns: new Map([['mart_x', ['a_rank', 'level']], ['other', ['level']]]),
    };
    const r = resolveDocs(
      catalog,
      [
        { model: 'mart_*', column: '{metric}_rank', description: 'rank of {name_en} ({name_zh})', file: 't' },
        { model: '*', column: 'level', description: 'generic', file: 't' },
        { model: 'mart_x', column: 'level', description: 'specific', file: 't' },
        { model: 'nope', column: 'x', description: 'stale', file: 't' },
      ],
      [{ code: 'a', name_en: 'A', name_zh: '甲', unit: 'count' }],
    );
    expect(r.columns.get('mart_x.a_rank')).toBe('rank of A (甲)');
    expect(r.columns.get('mart_x.level')).toBe('specific');
    expect(r.columns.get('other.level')).toBe('generic');
    expect(r.stale.map((s) => s.model)).toEqual(['nope']);
  });
});
