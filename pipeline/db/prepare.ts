// Bring a database file to the current schema: create what is missing, and when the file was
// written by an older schema, rebuild the extraction results from the stored documents.
import { type Db, inTransaction, query } from './duck.ts';
import { clearColumnsCache } from './append.ts';
import { applyDocs } from '../load/docs.ts';
import { layerModels, runLayer } from './sqlfiles.ts';

// 2: extracted_prose (the P checks' figures, for recomputing checks after a correction),
// extracted_sections (sections found, the text of 一/五/六), publication dates
export const SCHEMA_VERSION = 2;

const DERIVED = ['extractions', 'extracted_cells', 'extracted_checks', 'extracted_flags', 'extracted_prose', 'extracted_sections', 'bodies', 'body_aliases', 'document_bodies'];

export async function prepare(db: Db, log: (s: string) => void): Promise<void> {
  const hasMeta = (await query(db, `SELECT 1 FROM duckdb_tables() WHERE table_name = 'meta'`)).length > 0;
  const version = hasMeta ? (await query<{ value: string }>(db, `SELECT value FROM meta WHERE key = 'schema_version'`))[0]?.value : undefined;
  if (version !== undefined && Number(version) !== SCHEMA_VERSION) {
    const docs = (await query<{ n: number }>(db, 'SELECT count(*)::INT AS n FROM documents'))[0]?.n ?? 0;
    log(`${db.path} has schema v${version}, this xxgk writes v${SCHEMA_VERSION}: rebuilding extraction results from the ${docs} stored documents`);
    for (const t of DERIVED) await db.conn.run(`DROP TABLE IF EXISTS ${t} CASCADE`);
  }
  await runLayer(db, 'schema');
  clearColumnsCache(); // the schema may have added columns to a table already seen
  await runLayer(db, 'seeds');
  // the seeds are created again on every run, which drops their comments: a run that skips the
  // load (nothing changed) must not leave them undocumented (one transaction: a COMMENT committed
  // on its own costs ten times as much)
  await inTransaction(db, () => applyDocs(db, layerModels('seeds')));
  await db.conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', $1)`, [String(SCHEMA_VERSION)]);
}
