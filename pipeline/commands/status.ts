// `xxgk status`: documents by status, reports per year, failing checks.
import { sql } from 'kysely';
import { type Db, openRead, query, UserError } from '../db/duck.ts';
import { kysely } from '../db/kysely.ts';
import { textTable } from './print.ts';

/** What status reads; all of it is made by the first complete run (load makes the views). */
const NEEDED = ['documents', 'document_status', 'reports', 'check_results', 'flags'];

/** An empty, foreign or half-made file gets a sentence saying which, not a catalog error. */
async function assertLoaded(db: Db): Promise<void> {
  const have = new Set(
    (await query<{ name: string }>(db, `SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal`)).map((r) => r.name),
  );
  if (!have.has('meta')) {
    const what = have.size === 0 ? 'is an empty database' : `is not an xxgk database (it has no meta table; it holds ${[...have].sort().slice(0, 5).join(', ')}${have.size > 5 ? ' …' : ''})`;
    throw new UserError(`${db.path} ${what}: check --db, or make it with "xxgk run DIR --db ${db.path}"`);
  }
  const missing = NEEDED.filter((t) => !have.has(t));
  if (missing.length > 0) {
    const docs = have.has('documents') ? (await query<{ n: number }>(db, 'SELECT count(*)::INT AS n FROM documents'))[0]!.n : 0;
    throw new UserError(
      `${db.path} was never completely loaded (${docs} documents registered, no ${missing.join(', ')}): only some of the stages have run on it (xxgk ingest/extract alone, or an older xxgk's failed first run); run "xxgk run DIR --db ${db.path}" again`,
    );
  }
}

export async function runStatus(file: string, out: (s: string) => void): Promise<number> {
  const db = await openRead(file);
  try {
    await assertLoaded(db);
    const k = kysely(db);
    // a loaded report is `ok` when every cell was read and sure; whether it adds up is checks_failed
    const byStatus = (
      await db.conn.runAndReadAll(
        `SELECT d.status, count(*)::INT AS documents, count(*) FILTER (WHERE c.failed)::INT AS checks_failed
         FROM document_status d LEFT JOIN (SELECT document_id, bool_or(status = 'fail') AS failed FROM extracted_checks GROUP BY ALL) c USING (document_id)
         GROUP BY ALL ORDER BY d.status`,
      )
    ).getRowObjectsJS() as Record<string, unknown>[];
    out('documents by status');
    out(textTable(['status', 'documents', 'checks_failed'], byStatus));
    out('(checks_failed: of which at least one identity of the tables fails; see check_results)');
    const rejected = await k.selectFrom('document_status').select(['path', 'reason']).where('status', '=', 'rejected').orderBy('path').execute();
    if (rejected.length > 0) {
      out('\nrejected documents');
      out(textTable(['path', 'reason'], rejected));
    }
    const perYear = await k
      .selectFrom('reports')
      .select([
        'year',
        sql<number>`count(*)::INT`.as('reports'),
        sql<number>`count(*) FILTER (WHERE extract_status = 'ok')::INT`.as('ok'),
        sql<number>`count(*) FILTER (WHERE extract_status = 'partial')::INT`.as('partial'),
        sql<number>`count(*) FILTER (WHERE n_failed_checks > 0)::INT`.as('checks_failed'),
      ])
      .groupBy('year')
      .orderBy('year')
      .execute();
    out('\nreports per year');
    out(textTable(['year', 'reports', 'ok', 'partial', 'checks_failed'], perYear));
    out('(ok: every cell read and sure; partial: some cells flagged; checks_failed: ok or partial, with at least one failing check)');
    const checks = await k
      .selectFrom('check_results')
      .select(['rule', sql<number>`count(*)::INT`.as('failing'), sql<number>`count(DISTINCT report_id)::INT`.as('reports')])
      .where('status', '=', 'fail')
      .groupBy('rule')
      .orderBy('rule')
      .execute();
    out('\nfailing checks');
    out(textTable(['rule', 'failing', 'reports'], checks));
    const flags = await k
      .selectFrom('flags')
      .select(['reason', sql<number>`count(*)::INT`.as('flags'), sql<number>`count(DISTINCT report_id)::INT`.as('reports')])
      .groupBy('reason')
      .orderBy('flags', 'desc')
      .orderBy('reason')
      .execute();
    out('\nflags (values left blank because unsure, rows or tables not found)');
    out(textTable(['reason', 'flags', 'reports'], flags));
    await correctionsStatus(db, out);
    return 0;
  } finally {
    db.close();
  }
}

/** The people's corrections: how many are applied, redundant or stale, and which are not applied. */
async function correctionsStatus(db: Db, out: (s: string) => void): Promise<void> {
  const has = await query(db, `SELECT 1 FROM duckdb_views() WHERE view_name = 'stg_cell_corrections'`);
  if (has.length === 0) return;
  const k = kysely(db);
  const counts = await k
    .selectFrom('stg_cell_corrections')
    .select(['status', sql<number>`count(DISTINCT (document_sha256, cell))::INT`.as('corrections')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  if (counts.length === 0) return;
  out('\ncorrections (xxgk correct; applied on every load)');
  out(textTable(['status', 'corrections'], counts));
  out('(applied: the cell shows the corrected value; redundant: the extractor already reads it so; stale: the file changed since, not applied)');
  const notApplied = await k
    .selectFrom('stg_cell_corrections as c')
    .leftJoin('documents as d', (j) => j.onRef('d.path', '=', 'c.path').on('d.ingest_state', '<>', 'removed'))
    .select([
      'c.status',
      'c.path',
      'c.cell',
      'c.corrected_text as corrected_value',
      sql<string>`CASE WHEN c.status = 'redundant' THEN 'the extractor reads ' || c.corrected_text
                       WHEN d.sha256 IS NOT NULL THEN 'the file changed: corrected ' || left(c.document_sha256, 12) || '…, now ' || left(d.sha256, 12) || '…'
                       ELSE 'no current document has content ' || left(c.document_sha256, 12) || '…' END`.as('why'),
    ])
    .where('c.status', '<>', 'applied')
    .orderBy('c.status', 'desc')
    .orderBy('c.path')
    .orderBy('c.cell')
    .execute();
  if (notApplied.length > 0) {
    out('\ncorrections not applied');
    out(textTable(['status', 'path', 'cell', 'corrected_value', 'why'], notApplied));
  }
}
