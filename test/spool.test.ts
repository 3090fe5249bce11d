// The extraction spool writes its rows by name (NDJSON objects keyed by column): every value lands
// in its own column, and a table whose columns differ from the rows' names is an error, not a
// shifted or silently NULL column.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../pipeline/commands/extract.ts';
import { SPOOL_TABLES, Spool, type SpoolTable } from '../pipeline/extract/spool.ts';
import { runAll } from '../pipeline/stages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

const FILE = 'pingtan_2022_1.txt';
let f: ReturnType<typeof corpusFolder>;
let columns: Record<SpoolTable, string[]>;

beforeAll(async () => {
  f = corpusFolder('spool', [FILE]);
  await runAll({ db: f.db, input: f.raw, log: () => {} });
  columns = {} as Record<SpoolTable, string[]>;
  for (const t of SPOOL_TABLES) {
    columns[t] = (await queryFile<{ name: string }>(f.db, `SELECT column_name AS name FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`, [t])).map((r) => r.name);
  }
}, 120_000);
afterAll(() => fs.rmSync(f.dir, { recursive: true, force: true }));

describe('extraction spool', () => {
  it("stores each of the extractor's values in its named column", async () => {
    const r = await extractFile(path.join(f.raw, FILE));
    const cells = await queryFile<Record<string, unknown>>(f.db, `SELECT table_code, row_code, col_code, value, cell_kind, raw_text, loc FROM extracted_cells ORDER BY ALL`);
    const want: Record<string, unknown>[] = [];
    for (const t of ['t2', 't3', 't4'] as const) {
      for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, { value: number | null; kind: string; raw: string; loc: string }>>)) {
        for (const [col, c] of Object.entries(cols)) want.push({ table_code: t, row_code: row, col_code: col, value: c.value, cell_kind: c.kind, raw_text: c.raw, loc: c.loc });
      }
    }
    const key = (x: Record<string, unknown>) => `${x.table_code} ${x.row_code} ${x.col_code}`;
    want.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    cells.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells).toEqual(want);
    const [e] = await queryFile<Record<string, unknown>>(f.db, `SELECT status, issuer, publisher, year, level, format, t2_format, published_on::VARCHAR AS published_on, published_text FROM extractions`);
    expect(e).toEqual({ status: r.status, issuer: r.issuer, publisher: r.publisher, year: r.year, level: r.level, format: r.format, t2_format: r.t2Format, published_on: r.published?.date ?? null, published_text: r.published?.text ?? null });
    const sections = await queryFile<Record<string, unknown>>(f.db, `SELECT section, found, text FROM extracted_sections ORDER BY section`);
    expect(sections).toEqual(r.sections.map((x) => ({ section: x.code, found: x.found, text: x.text })).sort((a, b) => (a.section < b.section ? -1 : 1)));
    const flags = await queryFile<Record<string, unknown>>(f.db, `SELECT cell, reason, detail FROM extracted_flags ORDER BY ALL`);
    expect(flags.length).toBe(r.flags.length);
    expect(flags).toEqual(r.flags.map((x) => ({ cell: x.cell, reason: x.reason, detail: x.detail })).sort((a, b) => (`${a.cell}${a.reason}${a.detail}` < `${b.cell}${b.reason}${b.detail}` ? -1 : 1)));
  });

  it('refuses a table whose columns are not the names of its rows', async () => {
    const r = await extractFile(path.join(f.raw, FILE));
    const doc = { documentId: 'd', sha256: 's', path: path.join(f.raw, FILE) };
    const attempt = (cols: Record<SpoolTable, string[]>) => {
      const dir = fs.mkdtempSync(path.join(f.dir, 'spool-'));
      const spool = new Spool({ dir, tag: 't', columns: cols, now: new Date().toISOString() });
      try {
        spool.write([doc], r);
      } finally {
        spool.close();
      }
    };
    expect(() => attempt(columns)).not.toThrow();
    expect(() => attempt({ ...columns, extracted_cells: [...columns.extracted_cells, 'added_later'] })).toThrow(/extracted_cells: no value for added_later/u);
    expect(() => attempt({ ...columns, extractions: columns.extractions.filter((c) => c !== 'publisher') })).toThrow(/extractions: no column publisher/u);
  });
});

describe('spool batches', () => {
  // Files are handed to the insert in batches while extraction goes on (bounded temporary disk).
  // A batch per document, through the worker pool, must store exactly what one batch stores.
  const corpus = fs.readdirSync(path.resolve('test/fixtures/corpus')).filter((n) => /\.(txt|html)$/u.test(n));
  const dump = async (db: string) => {
    const out: Record<string, unknown[]> = {};
    for (const t of SPOOL_TABLES) {
      // document ids come from paths, which differ between the two folders: the file name stands for them
      out[t] = await queryFile(
        db,
        `SELECT parse_filename(d.path) AS file, COLUMNS(c -> c NOT IN ('document_id', 'extracted_at', 'path'))::VARCHAR FROM ${t} JOIN (SELECT document_id, path FROM documents) d USING (document_id) ORDER BY ALL`,
      );
    }
    return out;
  };
  const runWith = async (mb: string) => {
    const g = corpusFolder(`spool-batch-${mb}`, corpus);
    // 24 copies at least, so the worker pool (not the in-thread path) extracts them
    for (const [i, n] of corpus.entries()) fs.copyFileSync(path.join(g.raw, n), path.join(g.raw, `copy-${i}-${n}`.replace(/\.(txt|html)$/u, '.$1')));
    for (let k = 0; k < 2; k++) for (const n of corpus) fs.writeFileSync(path.join(g.raw, `v${k}-${n}`), fs.readFileSync(path.join(g.raw, n), 'utf8') + `\n<!-- ${k} -->\n`);
    const before = process.env.XXGK_SPOOL_BATCH_MB;
    process.env.XXGK_SPOOL_BATCH_MB = mb;
    try {
      await runAll({ db: g.db, input: g.raw, log: () => {}, jobs: 2 });
    } finally {
      if (before === undefined) delete process.env.XXGK_SPOOL_BATCH_MB;
      else process.env.XXGK_SPOOL_BATCH_MB = before;
    }
    const d = await dump(g.db);
    fs.rmSync(g.dir, { recursive: true, force: true });
    return d;
  };

  it('stores the same rows with a batch per document as with one batch', async () => {
    const one = await runWith('100000');
    const many = await runWith('0');
    expect(one.extractions!.length).toBeGreaterThanOrEqual(48);
    expect(one.extracted_cells!.length).toBeGreaterThan(1000);
    for (const t of SPOOL_TABLES) expect(many[t], t).toEqual(one[t]);
  }, 240_000);
});
