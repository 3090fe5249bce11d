// `xxgk status`: documents by status, reports per year, failing checks.
import { sql } from 'kysely';
import { openRead } from '../db/duck.ts';
import { kysely } from '../db/kysely.ts';
import { textTable } from './print.ts';

export async function runStatus(file: string, out: (s: string) => void): Promise<number> {
  const db = await openRead(file);
  try {
    const k = kysely(db);
    const byStatus = await k
      .selectFrom('document_status')
      .select(['status', sql<number>`count(*)::INT`.as('documents')])
      .groupBy('status')
      .orderBy('status')
      .execute();
    out('documents by status');
    out(textTable(['status', 'documents'], byStatus));
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
        sql<number>`count(*) FILTER (WHERE extract_status = 'ok')::INT`.as('complete'),
        sql<number>`count(*) FILTER (WHERE n_failed_checks > 0)::INT`.as('with_failed_checks'),
      ])
      .groupBy('year')
      .orderBy('year')
      .execute();
    out('\nreports per year');
    out(textTable(['year', 'reports', 'complete', 'with_failed_checks'], perYear));
    const checks = await k
      .selectFrom('check_results')
      .select(['rule', sql<number>`count(*)::INT`.as('failing'), sql<number>`count(DISTINCT report_id)::INT`.as('reports')])
      .where('status', '=', 'fail')
      .groupBy('rule')
      .orderBy('rule')
      .execute();
    out('\nfailing checks');
    out(textTable(['rule', 'failing', 'reports'], checks));
    const flags = await db.conn.runAndReadAll(
      `SELECT reason, count(*)::INT AS flags, count(DISTINCT report_id)::INT AS reports FROM flags GROUP BY reason ORDER BY flags DESC, reason`,
    );
    out('\nflags (values left blank because unsure, rows or tables not found)');
    out(textTable(['reason', 'flags', 'reports'], flags.getRowObjectsJS() as Record<string, unknown>[]));
    return 0;
  } finally {
    db.close();
  }
}
