// Metrics as data: the SQL generated from data/reference/metrics.csv is committed as the generator
// writes it, the generator refuses a dictionary it cannot trust, and adding a metric is one row of
// the CSV: in a copy of the project, that row (and `npm run build`) puts the metric into
// report_metrics, report_card, its mart and the published files, on real corpus reports.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_HEADER, generateMetricSql, placed, readMetricDictionary, staleMetricSql, writeMetricSql } from '../pipeline/db/metricsql.ts';
import { METRIC_TABLES } from '../pipeline/publish/tables.ts';
import { VIEWS } from '../pipeline/publish/site/pages.ts';
import { corpusFolder, queryFile } from './helpers.ts';

const run = promisify(execFile);

/** A temp folder holding a copy of the given project paths (and node_modules linked). */
function projectCopy(prefix: string, parts: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `xxgk-${prefix}-`));
  for (const p of parts) fs.cpSync(path.resolve(p), path.join(root, p), { recursive: true });
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  return root;
}

describe('the generated SQL', () => {
  let root: string;
  beforeAll(() => {
    root = projectCopy('metricsql', ['data/reference', 'sql']);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is committed exactly as the dictionary gives it (run `npm run build` after editing metrics.csv)', () => {
    expect(staleMetricSql()).toEqual([]);
    for (const [rel, text] of generateMetricSql(readMetricDictionary())) {
      expect(text.startsWith(`${GENERATED_HEADER}\n`), rel).toBe(true);
      expect(fs.readFileSync(rel, 'utf8'), rel).toBe(text);
    }
  });

  it('a generated file edited by hand, or one whose table left the dictionary, is stale until written again', () => {
    fs.appendFileSync(path.join(root, 'sql/marts/mart_outcomes.sql'), '-- edited by hand\n');
    fs.writeFileSync(path.join(root, 'sql/marts/mart_gone.sql'), `${GENERATED_HEADER}\nCREATE OR REPLACE VIEW mart_gone AS SELECT 1 AS x;\n`);
    expect(staleMetricSql(root)).toEqual(['sql/marts/mart_outcomes.sql', 'sql/marts/mart_gone.sql']);
    expect(writeMetricSql(root)).toEqual(['sql/marts/mart_outcomes.sql', 'sql/marts/mart_gone.sql']);
    expect(fs.existsSync(path.join(root, 'sql/marts/mart_gone.sql'))).toBe(false);
    expect(staleMetricSql(root)).toEqual([]);
  });

  it('publish reads its lists from the dictionary: each table and view shows the metrics placed in it, in order', () => {
    const dict = readMetricDictionary();
    const csv = fs.readFileSync('data/reference/metrics.csv', 'utf8');
    for (const t of METRIC_TABLES) {
      const mart = fs.readFileSync(`sql/marts/${t.view}.sql`, 'utf8');
      const cols = [...mart.matchAll(/ AS (\w+),?$/gmu)].map((m) => m[1]).filter((c) => !/_(rank|of|small_n)$/u.test(c!));
      expect(cols, t.id).toEqual(t.metrics);
      expect(t.metrics, t.id).toContain(t.orderBy);
      for (const m of t.metrics) expect(csv).toMatch(new RegExp(`^${m},.*\\b${t.id}:\\d+`, 'mu'));
    }
    expect(VIEWS.map((v) => v.id)).toEqual(dict.tables.filter((t) => t.kind === 'view').map((t) => t.id));
    for (const v of VIEWS) expect(v.metrics.length, v.id).toBeGreaterThan(0);
  });
});

describe('the generator refuses a dictionary it cannot trust', () => {
  let root: string;
  let metrics: string;
  beforeAll(() => {
    root = projectCopy('metricbad', ['data/reference']);
    metrics = fs.readFileSync(path.join(root, 'data/reference/metrics.csv'), 'utf8');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const withRow = (row: string) => {
    fs.writeFileSync(path.join(root, 'data/reference/metrics.csv'), `${metrics}${row}\n`);
    return () => readMetricDictionary(root);
  };
  const line = fs.readFileSync('data/reference/metrics.csv', 'utf8').trimEnd().split('\n').length + 1;
  const row = (code: string, value: string, tables: string, views = '') => `${code},名,Name,f,count,true,,,${value},,,t3.granted.total,${tables},${views}`;

  it('accepts a good row, and places it', () => {
    const dict = withRow(row('granted_count', 'granted', 'outcomes:3', 'outcomes:3:ranked'))();
    expect(placed(dict, 'table', 'outcomes').metrics.slice(0, 4)).toEqual(['applications_handled', 'disclosure_rate', 'granted_share', 'granted_count']);
    expect(placed(dict, 'view', 'outcomes').ranked).toContain('granted_count');
  });

  it.each([
    ['a code that is not [a-z0-9_]+', row('Granted-Count', 'granted', ''), `line ${line}: code 'Granted-Count' must be lower-case letters, digits and _`],
    ['a code with a quote', row("x'y", 'granted', ''), "code 'x'y' must be"],
    ['a code defined twice', row('not_held_share', 'granted', ''), "code 'not_held_share' is defined twice"],
    ['a table that does not exist', row('granted_count', 'granted', 'nowhere:1'), "table 'nowhere' does not exist"],
    ['a view that does not exist', row('granted_count', 'granted', '', 'nowhere:1'), "view 'nowhere' does not exist"],
    ['a view id used as a table', row('granted_count', 'granted', 'proactive:1'), "table 'proactive' does not exist"],
    ['a placement without a position', row('granted_count', 'granted', 'outcomes'), "'outcomes' must be table:<position from 1>"],
    ['an unknown flag', row('granted_count', 'granted', 'outcomes:2:rank'), "'outcomes:2:rank' must be"],
    ['an expression ending the statement', row('granted_count', 'granted; DROP TABLE reports', ''), 'value_sql must be one expression'],
    ['no expression', row('granted_count', '', ''), 'granted_count has no value_sql'],
  ])('%s', (_what, bad, message) => {
    expect(withRow(bad)).toThrow(message);
  });

  it('a table ordered by a metric it does not show', () => {
    const tables = path.join(root, 'data/reference/metric_tables.csv');
    const before = fs.readFileSync(tables, 'utf8');
    try {
      withRow('');
      fs.writeFileSync(tables, before.replace(',not_held_share,', ',new_applications,'));
      expect(() => readMetricDictionary(root)).toThrow("table 'outcomes' is ordered by 'new_applications', which it does not show");
    } finally {
      fs.writeFileSync(tables, before);
    }
  });
});

describe('adding a metric is one row of metrics.csv', () => {
  const ROW =
    'granted_per_100,每百件新收申请予以公开数,Disclosed in full per 100 new applications,100 * t3.granted.total / t3.new_received.total,per_100,true,new_applications,,' +
    '"100.0 * granted / nullif(new_total, 0)",new_total,,t3.granted.total t3.new_received.total,applications:9:ranked,applications:9';
  let root: string;
  let corpus: ReturnType<typeof corpusFolder>;
  let out: string;
  const xxgk = (...args: string[]) => run(process.execPath, [path.join(root, 'bin/xxgk.js'), ...args], { cwd: root, env: { ...process.env, XXGK_ENTRY: '' } });
  let refused: { code: number; stderr: string };

  beforeAll(async () => {
    root = projectCopy('metricrow', ['bin', 'pipeline', 'sql', 'data/reference', 'scripts/build.js', 'scripts/gen-metric-sql.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']);
    corpus = corpusFolder('metricrow', ['longgang-2022.txt', 'pingtan-czj_2022_1.txt', 'pingtan-gaj_2022_1.txt', 'pingtan-zrz_2022_1.txt', 'pingtan-zrz_2020_1.txt']);
    out = path.join(corpus.dir, 'reports');
    fs.appendFileSync(path.join(root, 'data/reference/metrics.csv'), `${ROW}\n`);
    // before the build: the load refuses the SQL the new row no longer matches
    refused = await xxgk('run', corpus.raw, '--db', corpus.db).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    await run(process.execPath, ['scripts/build.js'], { cwd: root });
    await xxgk('run', corpus.raw, '--db', corpus.db);
    await xxgk('publish', '--db', corpus.db, '--out', out);
  }, 300_000);
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(corpus.dir, { recursive: true, force: true });
  });

  it('without `npm run build` the load stops, naming the files to write again', () => {
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/sql\/metrics\/report_metrics_base\.sql, sql\/marts\/mart_applications\.sql are not what data\/reference\/metrics\.csv .* give: run `npm run build`/u);
  });

  it('the build wrote its SQL line and its mart columns', () => {
    expect(fs.readFileSync(path.join(root, 'sql/metrics/report_metrics_base.sql'), 'utf8')).toContain(
      "UNION ALL SELECT report_id, 'granted_per_100', 100.0 * granted / nullif(new_total, 0), new_total FROM i",
    );
    expect(fs.readFileSync(path.join(root, 'sql/marts/mart_applications.sql'), 'utf8')).toContain("bool_or(small_n) FILTER (WHERE metric = 'granted_per_100') AS granted_per_100_small_n");
  });

  it('report_metrics holds it for every report, computed from the cells, with its base', async () => {
    const rows = await queryFile<{ report_id: string; value: number | null; base_n: number | null; want: number | null; base: number | null }>(
      corpus.db,
      `SELECT m.report_id, m.value, m.base_n,
              100.0 * g.value / nullif(n.value, 0) AS want, n.value::BIGINT AS base
       FROM report_metrics m
       LEFT JOIN t3_cells g ON g.report_id = m.report_id AND g.row_code = 'granted' AND g.col_code = 'total'
       LEFT JOIN t3_cells n ON n.report_id = m.report_id AND n.row_code = 'new_received' AND n.col_code = 'total'
       WHERE m.metric = 'granted_per_100' ORDER BY m.report_id`,
    );
    const [reports] = await queryFile<{ n: number }>(corpus.db, 'SELECT count(*)::INT AS n FROM reports');
    expect(rows.length).toBe(reports!.n);
    expect(rows.filter((r) => r.value !== null).length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.value, r.report_id).toBe(r.want);
      expect(r.base_n, r.report_id).toBe(r.base);
    }
    const [cells] = await queryFile<{ n: number }>(corpus.db, `SELECT count(*)::INT AS n FROM metric_cells WHERE metric = 'granted_per_100'`);
    expect(cells!.n).toBe(2);
  });

  it('report_card has it with its base and small-n flag, documented; mart_applications has its four columns last', async () => {
    const card = await queryFile<{ c: number }>(
      corpus.db,
      `SELECT count(*)::INT AS c FROM report_card c JOIN report_metrics m ON m.report_id = c.report_id AND m.metric = 'granted_per_100'
       WHERE c.granted_per_100 IS NOT DISTINCT FROM m.value AND c.granted_per_100_base IS NOT DISTINCT FROM m.base_n AND c.granted_per_100_small_n = m.small_n`,
    );
    const [reports] = await queryFile<{ n: number }>(corpus.db, 'SELECT count(*)::INT AS n FROM reports');
    expect(card[0]!.c).toBe(reports!.n);
    const cols = await queryFile<{ c: string; comment: string | null }>(
      corpus.db,
      `SELECT column_name AS c, comment FROM duckdb_columns() WHERE table_name = 'mart_applications' ORDER BY column_index`,
    );
    expect(cols.slice(-4).map((c) => c.c)).toEqual(['granted_per_100', 'granted_per_100_rank', 'granted_per_100_of', 'granted_per_100_small_n']);
    for (const c of cols.slice(-4)) expect(c.comment, c.c).toContain('每百件新收申请予以公开数');
    const [ranked] = await queryFile<{ n: number }>(corpus.db, `SELECT count(*)::INT AS n FROM mart_applications WHERE granted_per_100_rank IS NOT NULL`);
    expect(ranked!.n).toBeGreaterThan(0);
  });

  it('the published applications table and the year page show it, with its rank', () => {
    const header = fs.readFileSync(path.join(out, '2022/applications.csv'), 'utf8').split('\n')[0]!;
    const codes = [...header.matchAll(/\((\w+)\)(?=,|$)/gu)].map((m) => m[1]);
    expect(codes.slice(codes.indexOf('org_share'), codes.indexOf('notes'))).toEqual(['org_share', 'granted_per_100', 'granted_per_100_rank', 'granted_per_100_group_size']);
    expect(header).toContain('每百件新收申请予以公开数 (granted_per_100)');
    expect(fs.readFileSync(path.join(out, '2022/tables.md'), 'utf8')).toContain('每百件新收申请予以公开数');
    const page = fs.readFileSync(path.join(out, '2022/index.html'), 'utf8');
    expect(page).toContain('"metric":"granted_per_100","label":"每百件新收申请予以公开数（件/百件申请）"');
    // not ranked in its view (applications:9 without :ranked): no rank column on the page
    expect(page).not.toContain('"metric":"granted_per_100","rank":true');
  });
});
