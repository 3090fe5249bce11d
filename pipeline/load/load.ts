// Stage 4: build the analysts' tables and views from the normalized state (sql/staging, core,
// metrics, marts), then write their documentation (sql/**/_docs.csv) into the database.
import type { Db } from '../db/duck.ts';
import { query } from '../db/duck.ts';
import { runLayer } from '../db/sqlfiles.ts';
import { applyDocs } from './docs.ts';

export interface LoadSummary {
  reports: number;
  duplicates: number;
  rejected: number;
}

export async function load(db: Db): Promise<LoadSummary> {
  await runLayer(db, 'staging');
  await runLayer(db, 'core');
  await runLayer(db, 'metrics');
  await runLayer(db, 'marts');
  // CREATE OR REPLACE drops comments: document every model and column again (sql/**/_docs.csv)
  await applyDocs(db);
  const [s] = await query<{ reports: number; duplicates: number; rejected: number }>(
    db,
    `SELECT count(*) FILTER (WHERE status = 'loaded')::INT AS reports,
            count(*) FILTER (WHERE status = 'duplicate')::INT AS duplicates,
            count(*) FILTER (WHERE status = 'rejected')::INT AS rejected
     FROM document_status`,
  );
  return s!;
}
