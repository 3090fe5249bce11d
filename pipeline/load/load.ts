// Stage 4: build the analysts' tables and views from the normalized state (sql/staging, core,
// metrics, marts), write their documentation (sql/**/_docs.csv) into the database and run the
// data tests declared beside them.
import path from 'node:path';
import type { Db } from '../db/duck.ts';
import { query } from '../db/duck.ts';
import { assertMetricSqlCurrent } from '../db/metricsql.ts';
import { buildOrder, type Layer, renderSql } from '../db/sqlfiles.ts';
import { syncCorrections } from '../review/file.ts';
import { storeRecomputedChecks } from '../review/recheck.ts';
import { DataTestError, runDataTests } from './datatests.ts';
import { applyDocs } from './docs.ts';
import { timing } from './timing.ts';

export interface LoadSummary {
  reports: number;
  duplicates: number;
  rejected: number;
  /** data tests run (all passed) */
  dataTests: number;
  /** corrections in the corrections file (or table), by what became of them */
  corrections: { applied: number; redundant: number; stale: number };
}

export interface LoadOptions {
  /**
   * Commit the built models before they are tested (stages.ts's commitStage, inside a run's draft,
   * which a failed test throws away whole): the tests then scan committed, compressed tables, not
   * the transaction's local copies.
   */
  commit?: () => Promise<void>;
}

/** A layer's model files in build order (pipeline/db/sqlfiles.ts), each timed under XXGK_TIMING. */
async function runLayer(db: Db, layer: Layer): Promise<void> {
  for (const file of buildOrder(layer)) {
    const t0 = performance.now();
    try {
      await db.conn.run(renderSql(file));
    } catch (e) {
      throw new Error(`${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
    }
    timing?.(`${layer}/${path.basename(file)}`, t0);
  }
}

/** `fn` timed under XXGK_TIMING. */
async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  timing?.(what, t0);
  return out;
}

export async function load(db: Db, opts: LoadOptions = {}): Promise<LoadSummary> {
  // the SQL generated from the metric dictionary must be what the dictionary gives now: a metric
  // added without `npm run build` would otherwise be a column of NULLs
  assertMetricSqlCurrent();
  // the people's corrections (data/corrections.csv) on top of the extracted cells, and the checks
  // of the corrected documents recomputed from them
  await step('syncCorrections', () => syncCorrections(db));
  await runLayer(db, 'staging');
  await step('storeRecomputedChecks', () => storeRecomputedChecks(db));
  await runLayer(db, 'core');
  await runLayer(db, 'metrics');
  await runLayer(db, 'marts');
  // CREATE OR REPLACE drops comments: document every model and column again (sql/**/_docs.csv)
  await step('applyDocs', () => applyDocs(db));
  await step('commit', async () => opts.commit?.());
  // the data tests declared beside the models (sql/**/_tests.csv, sql/**/tests/*.sql): a failure
  // throws, so the run's draft is thrown away (or, without a commit hook, the load's transaction
  // rolled back) and the last good database stays
  const tests = await runDataTests(db);
  if (tests.failures.length) throw new DataTestError(tests.failures);
  const [s] = await query<{ reports: number; duplicates: number; rejected: number }>(
    db,
    `SELECT count(*) FILTER (WHERE status = 'loaded')::INT AS reports,
            count(*) FILTER (WHERE status = 'duplicate')::INT AS duplicates,
            count(*) FILTER (WHERE status = 'rejected')::INT AS rejected
     FROM document_status`,
  );
  const [k] = await query<LoadSummary['corrections']>(
    db,
    `SELECT count(DISTINCT (document_sha256, cell)) FILTER (WHERE status = 'applied')::INT AS applied,
            count(DISTINCT (document_sha256, cell)) FILTER (WHERE status = 'redundant')::INT AS redundant,
            count(DISTINCT (document_sha256, cell)) FILTER (WHERE status = 'stale')::INT AS stale
     FROM stg_cell_corrections`,
  );
  return { ...s!, dataTests: tests.run, corrections: k! };
}
