// The `xxgk` command line. Exit codes: 0 ok, 1 some files failed (or a run failed), 2 usage error.
// Each command imports what it needs inside its handler: `--help` loads yargs only, `extract FILE`
// no DuckDB, and only `publish` loads the chart and spreadsheet libraries.
import fs from 'node:fs';
import path from 'node:path';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { paint, useColor } from './commands/print.ts';
import type { SqlFormat } from './commands/sql.ts';
import { DEFAULT_DB, ROOT, UserError } from './db/common.ts';
import { smallNDefault } from './db/sqlfiles.ts';

const DEFAULT_INPUT = 'data/raw';
const out = (s: string) => process.stdout.write(s + '\n');
const log = (s: string) => process.stderr.write(s + '\n');
/** An error for a person: "xxgk:" in red on a terminal (never with NO_COLOR), then what happened and what to do. */
const complain = (s: string) => log(`${paint(useColor(process.stderr))('error', 'xxgk:')} ${s}`);

/** A whole-number option checked against its range: a bad value is a usage error that names the range. */
const whole = (name: string, min: number, max: number) => (v: unknown) => {
  const n = Number(v);
  if ((typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && Number.isInteger(n) && n >= min && n <= max) return n;
  throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${String(v)}")`);
};

const withDbOption = <T>(y: Argv<T>) =>
  y.option('db', { type: 'string', default: DEFAULT_DB, describe: 'the DuckDB file', normalize: true });
const withJobs = <T>(y: Argv<T>) =>
  y
    .option('jobs', { type: 'string', requiresArg: true, coerce: whole('jobs', 1, 256), describe: 'extraction worker threads (default: one per CPU core)' })
    .option('worker-memory', { type: 'string', requiresArg: true, coerce: whole('worker-memory', 32, 1 << 20), describe: "heap limit of each extraction worker in MB; a file that needs more is rejected, the run goes on (default: Node's)" })
    .option('max-file-mb', { type: 'string', requiresArg: true, coerce: whole('max-file-mb', 1, 1 << 20), describe: 'reject a file larger than this on disk, without reading it (default 200)' })
    .option('max-inflated-mb', { type: 'string', requiresArg: true, coerce: whole('max-inflated-mb', 1, 1 << 20), describe: 'reject a DOCX whose XML inflates to more than this (default 50)' })
    // the limits reach the extraction worker threads through their environment
    .middleware((a) => {
      if (a.maxFileMb !== undefined) process.env.XXGK_MAX_FILE_MB = String(a.maxFileMb);
      if (a.maxInflatedMb !== undefined) process.env.XXGK_MAX_INFLATED_MB = String(a.maxInflatedMb);
    });

const version = () => (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const cli = yargs(argv.length === 0 ? ['--help'] : argv) // a bare `xxgk` shows what it can do
    .scriptName('xxgk')
    .locale('en')
    .usage('$0 <command> [options]\n\nGovernment information-disclosure annual reports into exact, checked numbers and one DuckDB database.')
    .command(
      'run [dir]',
      'All stages in order (ingest, extract, normalize, load) into the database',
      (y) =>
        withJobs(withDbOption(y))
          .positional('dir', { type: 'string', default: DEFAULT_INPUT, describe: 'folder of report files (recursive)' })
          .option('allow-rejected', { type: 'boolean', default: false, describe: 'exit 0 even when some files were rejected (they are still listed by status)' })
          .example('$0 run data/samples', 'the bundled samples into data/xxgk.duckdb'),
      async (a) => {
        const { runAll } = await import('./stages.ts');
        const s = await runAll({ db: a.db, input: a.dir, log, jobs: a.jobs, workerMemoryMb: a.workerMemory });
        out(`${a.db}: ${s.skipped ? 'up to date' : `${s.load?.reports} reports loaded, ${s.load?.duplicates} duplicates, ${s.load?.rejected} rejected`}`);
        // the exit code says whether the inputs are all read, also on a re-run with nothing to do
        code = s.rejected > 0 && !a.allowRejected ? 1 : 0;
        if (code) log(`${s.rejected} file${s.rejected === 1 ? '' : 's'} rejected: xxgk status lists them`);
      },
    )
    .command(
      'ingest [dir]',
      'Register every file of a folder (path, size, sha256, type, encoding); unchanged files are skipped',
      (y) => withDbOption(y).positional('dir', { type: 'string', default: DEFAULT_INPUT, describe: 'folder of report files (recursive)' }),
      async (a) => {
        const { runIngest, withDb } = await import('./stages.ts');
        await withDb(a.db, log, (db) => runIngest(db, a.dir, log));
      },
    )
    .command(
      'extract [files..]',
      'With files: print what the extractor reads (the one-file contract). Without: extract the ingested documents that need it',
      (y) =>
        withJobs(withDbOption(y))
          .positional('files', { type: 'string', array: true, describe: 'report files (HTML, text, JSON, DOCX, PDF)' })
          .option('json', { type: 'boolean', default: false, describe: 'one JSON object per file, one per line' })
          .option('provenance', { type: 'boolean', default: false, describe: 'with --json: add where each cell was read (printed text, kind, line/page/table position)' })
          .example('$0 extract report.pdf', 'readable summary of one file')
          .example('$0 extract data/samples/*.txt --json', 'JSON lines for other tools')
          .example('$0 extract', 'extract new and changed documents into the database, on all cores'),
      async (a) => {
        if (a.files && a.files.length > 0) {
          const { runExtract } = await import('./commands/extract.ts');
          code = await runExtract(a.files, a.json, out, a.provenance, { threads: a.jobs, workerMemoryMb: a.workerMemory });
          return;
        }
        const { runExtractStage, withDb } = await import('./stages.ts');
        await withDb(a.db, log, (db) => runExtractStage(db, log, { threads: a.jobs, workerMemoryMb: a.workerMemory }));
      },
    )
    .command(
      'normalize',
      'Resolve documents to canonical bodies, regions and years; detect duplicates',
      (y) => withDbOption(y),
      async (a) => {
        const { runNormalize, withDb } = await import('./stages.ts');
        await withDb(a.db, log, (db) => runNormalize(db, log));
      },
    )
    .command(
      'load',
      "Build the analysts' tables and views (reports, t2/t3/t4_cells, check_results, flags)",
      (y) => withDbOption(y),
      async (a) => {
        const { runLoad, withDb } = await import('./stages.ts');
        await withDb(a.db, log, (db) => runLoad(db, log));
      },
    )
    .command(
      'test',
      'Run the data tests declared beside the models (sql/**/_tests.csv, sql/**/tests/*.sql) against an existing database; exit 1 when any fails',
      (y) => withDbOption(y),
      async (a) => {
        const { runTestCommand } = await import('./load/datatests.ts');
        code = await runTestCommand(a.db, out);
      },
    )
    .command(
      'publish',
      'Write the annual comparison tables: CSV (with BOM), XLSX, Markdown, a self-contained HTML page per year, Parquet files and a Parquet lake partitioned by year and province',
      (y) =>
        withDbOption(y)
          .option('year', { type: 'string', requiresArg: true, coerce: whole('year', 2000, 2100), describe: 'only this report year (default: every year)' })
          .option('group', { type: 'string', describe: 'only this peer group (a built-in group name or id, or a group of --groups)' })
          .option('groups', { type: 'string', describe: 'CSV file with columns group,body defining your own peer groups' })
          .option('out', { type: 'string', default: 'reports', describe: 'output folder', normalize: true })
          .option('lake', { type: 'string', requiresArg: true, describe: 'folder of the Parquet lake (cells and metrics partitioned by year and province; default <out>/lake)', normalize: true })
          .option('min-requests', { type: 'string', default: smallNDefault(), requiresArg: true, coerce: whole('min-requests', 0, 1_000_000), describe: 'rates over fewer cases than this are shown but not ranked' })
          .example('$0 publish --year 2022', 'the 2022 tables into reports/2022/')
          .example('$0 publish --groups my-groups.csv --group 沿海区县', 'rank within your own group'),
      async (a) => {
        if (a.groups) {
          const [{ withDb }, { loadGroups }] = await Promise.all([import('./stages.ts'), import('./publish/groups.ts')]);
          const file = a.groups;
          const g = await withDb(a.db, log, (db) => loadGroups(db, file));
          log(`groups: ${g.groups} groups, ${g.members} members from ${file}`);
        }
        const { publish } = await import('./publish/publish.ts');
        const r = await publish({ db: a.db, out: a.out, year: a.year, group: a.group, smallN: a.minRequests, lake: a.lake }, log);
        out(`${a.out}: ${r.years.length} year(s), ${r.files.length} files`);
      },
    )
    .command(
      'fetch [csv]',
      "Download report pages and their attachments politely (robots.txt, one request at a time per host, a delay) into <out>/<host>/<path> with a .meta.json sidecar each: from a CSV of URLs, or a site's 年报 column with --index; a re-run skips what is unchanged",
      (y) =>
        y
          .positional('csv', { type: 'string', describe: 'CSV with a url column (optional body, year)' })
          .option('index', { type: 'string', array: true, requiresArg: true, describe: "a site's 年报 column page: follow its pagination and the links that look like annual reports, within the site" })
          .option('out', { type: 'string', default: DEFAULT_INPUT, normalize: true, describe: 'output folder' })
          .option('depth', { type: 'string', default: 2, requiresArg: true, coerce: whole('depth', 0, 10), describe: 'with --index: how many report links deep to follow' })
          .option('max', { type: 'string', default: 500, requiresArg: true, coerce: whole('max', 1, 1_000_000), describe: 'with --index: at most this many URLs fetched' })
          .option('per-host', { type: 'string', default: 1, requiresArg: true, coerce: whole('per-host', 1, 16), describe: 'requests at a time to one host' })
          .option('delay', { type: 'string', default: 1000, requiresArg: true, coerce: whole('delay', 0, 600_000), describe: 'ms between requests to one host (a longer robots.txt Crawl-delay wins)' })
          .option('timeout', { type: 'string', default: 60, requiresArg: true, coerce: whole('timeout', 1, 3600), describe: 'seconds for one request, body included' })
          .option('retries', { type: 'string', default: 3, requiresArg: true, coerce: whole('retries', 0, 10), describe: 'retries on 429, 5xx and connection errors (with back-off, honouring Retry-After)' })
          .option('max-mb', { type: 'string', default: 100, requiresArg: true, coerce: whole('max-mb', 1, 10_240), describe: 'size cap of one response in MB' })
          .option('allow-private', { type: 'boolean', default: false, describe: 'allow private, loopback and link-local addresses (tests, intranets)' })
          .example('$0 fetch urls.csv', 'each URL of the CSV and the attachments it links, into data/raw/')
          .example('$0 fetch --index http://www.example.gov.cn/xxgk/zfxxgknb/', "a site's 年报 column"),
      async (a) => {
        if (!a.csv && !a.index?.length) {
          complain('fetch needs a CSV of URLs or --index URL: xxgk fetch urls.csv, or see xxgk fetch --help');
          code = 2;
          return;
        }
        const { fetchCommand } = await import('./fetch/index.ts');
        code = await fetchCommand(
          { csv: a.csv, index: a.index, out: a.out, depth: a.depth, max: a.max, perHost: a.perHost, delayMs: a.delay, timeoutMs: a.timeout * 1000, retries: a.retries, maxBytes: a.maxMb * 1024 * 1024, allowPrivate: a.allowPrivate },
          out,
        );
      },
    )
    .command(
      'review',
      'Write a review workbook of every cell that needs a person (flagged cells with their candidates, cells of failed checks, rows not found), with empty corrected_value, reason and reviewer columns for xxgk correct',
      (y) =>
        withDbOption(y)
          .option('year', { type: 'string', requiresArg: true, coerce: whole('year', 2000, 2100), describe: 'only reports of this year' })
          .option('body', { type: 'string', requiresArg: true, describe: 'only this body (its name, an alias or its body_id)' })
          .option('out', { type: 'string', default: 'review.xlsx', requiresArg: true, normalize: true, describe: 'the workbook to write (.xlsx; .csv writes a CSV)' })
          .example('$0 review --year 2022 --out review-2022.xlsx', 'the 2022 cells to review')
          .example('$0 correct review-2022.xlsx', 'then store what the reviewers filled in'),
      async (a) => {
        const { runReview } = await import('./review/review.ts');
        const r = await runReview({ db: a.db, out: a.out, year: a.year, body: a.body });
        out(`${a.out}: ${r.rows} cell${r.rows === 1 ? '' : 's'} to review in ${r.reports} report${r.reports === 1 ? '' : 's'}; fill corrected_value (a number, or blank, /, -, 无), reason and reviewer, then: xxgk correct ${a.out}`);
      },
    )
    .command(
      'correct <file>',
      'Store corrections from a filled review workbook (or a CSV with columns document_sha256,cell,corrected_value,reason,reviewer) in the database and in corrections.csv beside it, and apply them at once',
      (y) =>
        withDbOption(y)
          .positional('file', { type: 'string', describe: 'review.xlsx or a .csv', normalize: true })
          .example('$0 correct review.xlsx', 'the reviewed workbook')
          .example('$0 correct fixes.csv', 'document_sha256,cell,corrected_value,reason,reviewer'),
      async (a) => {
        const { runCorrect } = await import('./review/correct.ts');
        const s = await runCorrect(a.db, a.file!, log);
        for (const r of s.redundant) out(r);
        out(
          `${a.file}: ${s.stored} correction${s.stored === 1 ? '' : 's'} stored, ${s.replaced} replaced, ${s.redundant.length} redundant${s.withdrawn ? ` (${s.withdrawn} withdrawn)` : ''}, ${s.skipped} rows without corrected_value; applied in ${a.db} and kept in ${s.file}`,
        );
      },
    )
    .command(
      'status',
      'Documents by status (loaded, rejected with reason, duplicate, removed), reports per year, failing checks',
      (y) => withDbOption(y),
      async (a) => {
        const { runStatus } = await import('./commands/status.ts');
        code = await runStatus(a.db, out);
      },
    )
    .command(
      'sql [query]',
      'Run a read-only SQL query (or an interactive shell without one) against the database',
      (y) =>
        withDbOption(y)
          .positional('query', { type: 'string', describe: 'SQL; omit for an interactive shell' })
          .option('csv', { type: 'boolean', describe: 'CSV output' })
          .option('json', { type: 'boolean', describe: 'JSON lines output' })
          .conflicts('csv', 'json')
          .example('$0 sql "SELECT * FROM report_t3_totals ORDER BY new_received DESC LIMIT 10"', 'a ranking'),
      async (a) => {
        const format: SqlFormat = a.csv ? 'csv' : a.json ? 'json' : 'table';
        const { runSql } = await import('./commands/sql.ts');
        code = await runSql(a.db, a.query, format, out);
      },
    )
    .demandCommand(1, 'Name a command; see --help.')
    .strict()
    .help()
    .alias('h', 'help')
    .version(version())
    .fail((msg, err) => {
      if (err && err.name !== 'YError') throw err; // YError: yargs' own, e.g. a bad option value
      complain(`${msg}\nRun "xxgk <command> --help" for a command's options, "xxgk --help" for the commands.`);
      throw new UsageError(msg);
    });
  try {
    await cli.parseAsync();
  } catch (e) {
    if (e instanceof UsageError) return 2;
    if (e instanceof UserError) {
      complain(e.message);
      return 1;
    }
    throw e;
  }
  return code;
}

class UsageError extends Error {}

/** Resolves once everything written to `s` so far has reached the reader (or the reader left). */
const flushed = (s: NodeJS.WriteStream) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.write('', () => resolve())));

/** Exit only after stdout and stderr are flushed: process.exit() drops what a slow pipe has not read yet. */
async function exit(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

const isMain = process.argv[1] && /(?:cli\.ts|xxgk(?:\.js)?)$/u.test(process.argv[1]);
if (isMain) {
  // the reader went away (`xxgk status | head`): it has what it wanted, so stop quietly
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  main(hideBin(process.argv)).then(exit, (e: unknown) => {
    process.stderr.write(`xxgk: ${(e as Error).stack ?? e}\n`);
    return exit(1);
  });
}
