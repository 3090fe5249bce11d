// `npx tsx scripts/gen-metric-sql.ts [--check]`: write the SQL that the metric dictionary
// (data/reference/metrics.csv, data/reference/metric_tables.csv) gives: report_metrics_base and the
// metric marts (pipeline/db/metricsql.ts). Run by `npm run build`. With --check, write nothing and
// exit 1 when a file is not what the dictionary gives. A mistake in the dictionary exits 1 naming
// the file, line and value.
import { staleMetricSql, writeMetricSql } from '../pipeline/db/metricsql.ts';

try {
  if (process.argv.includes('--check')) {
    const stale = staleMetricSql();
    for (const f of stale) process.stderr.write(`gen-metric-sql: ${f} is not what the dictionary gives\n`);
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const f of writeMetricSql()) process.stdout.write(`gen-metric-sql: wrote ${f}\n`);
  }
} catch (e) {
  process.stderr.write(`gen-metric-sql: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
