// `xxgk sql`: read-only queries for analysts (there is no DuckDB CLI on our machines), in a
// sandbox: the database can be read, nothing else touched (see openSandbox). With a query it prints
// the result of each statement; without one it is a shell in the manner of the DuckDB and sqlite
// CLIs: statements end with ";", dot commands, history, tab completion of tables and columns.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { type Db, openSandbox, UserError } from '../db/duck.ts';
import { csvTable, jsonLines, paint, textTable, useColor } from './print.ts';

export type SqlFormat = 'table' | 'csv' | 'json';

// already loaded by openSandbox; required, not imported, for the same start-up reason (db/duck.ts)
const { StatementType } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
/** Statements whose result is only DuckDB's "Success" or a count: nothing to print. */
const QUIET = new Set<number>([StatementType.VARIABLE_SET, StatementType.SET, StatementType.TRANSACTION, StatementType.PREPARE, StatementType.LOAD, StatementType.ATTACH, StatementType.DETACH]);
const FORMATS: SqlFormat[] = ['table', 'csv', 'json'];

/** DuckDB's refusal, with what the sandbox allows, so the user knows it is deliberate. */
function explain(e: Error): string {
  const m = e.message.split('\n')[0]!;
  if (/Permission Error|configuration has been locked|read-only mode|attached in read-only/u.test(m)) {
    return `${m}\n(xxgk sql is read-only and sandboxed: it reads the database's tables and views; it cannot write, read other files, attach databases, load extensions or change settings)`;
  }
  if (/^Catalog Error: (Table|Table Function|Schema) with name/u.test(m)) return `${e.message}\n(.tables in the shell, or SELECT table_name FROM duckdb_tables(), lists what there is)`;
  return e.message;
}

interface Result {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Each statement of `sql` in turn (DuckDB's own parser splits them); results of those that return columns. */
async function runStatements(db: Db, sql: string, each: (r: Result) => void): Promise<void> {
  try {
    const statements = await db.conn.extractStatements(sql);
    for (let i = 0; i < statements.count; i++) {
      const prepared = await statements.prepare(i);
      const reader = await prepared.runAndReadAll();
      const columns = reader.columnNames();
      if (columns.length > 0 && !QUIET.has(prepared.statementType)) each({ columns, rows: reader.getRowObjectsJS() as Record<string, unknown>[] });
    }
  } catch (e) {
    throw new Error(explain(e as Error));
  }
}

function render(r: Result, format: SqlFormat, color: boolean): string {
  if (format === 'csv') return csvTable(r.columns, r.rows);
  if (format === 'json') return jsonLines(r.rows);
  return textTable(r.columns, r.rows, { maxWidth: process.stdout.isTTY ? process.stdout.columns : undefined, color });
}

export async function runSql(file: string, sql: string | undefined, format: SqlFormat, out: (s: string) => void): Promise<number> {
  const db = await openSandbox(file);
  try {
    if (sql !== undefined) {
      const color = useColor();
      try {
        await runStatements(db, sql, (r) => out(render(r, format, color)));
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      return 0;
    }
    return await shell(db, format, out);
  } finally {
    db.close();
  }
}

const HELP = `.tables          the tables and views, with what each holds
.schema NAME     the columns of a table or view, with their types and descriptions
.mode csv|table|json   how results are printed (now: {mode})
.help            this list
.quit, .exit     leave (or Ctrl-D)
SQL statements end with ";" and may span lines; Ctrl-C cancels the statement being typed or running.`;

/** Where the shell keeps its history: XXGK_HISTORY, else ~/.xxgk_history. */
export const historyFile = () => process.env.XXGK_HISTORY || path.join(os.homedir(), '.xxgk_history');
const HISTORY_SIZE = 1000;

function readHistory(file: string): string[] {
  try {
    // oldest first in the file, newest first in readline
    return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** An interactive shell on a terminal; with piped input (xxgk sql < queries.sql) only the results. */
async function shell(db: Db, initial: SqlFormat, out: (s: string) => void): Promise<number> {
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const style = paint(useColor());
  let mode = initial;
  let names: string[] | undefined;
  const loadNames = async () => {
    if (names) return names;
    const reader = await db.conn.runAndReadAll(
      `SELECT table_name AS n FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal
       UNION SELECT column_name FROM duckdb_columns() WHERE NOT internal ORDER BY 1`,
    );
    names = (reader.getRowObjectsJS() as { n: string }[]).map((r) => r.n);
    return names;
  };
  const DOT = ['.tables', '.schema ', '.mode ', '.help', '.quit', '.exit'];
  const completer = (line: string, done: (err: Error | null, result: [string[], string]) => void) => {
    if (/^\s*\.\w*$/u.test(line)) {
      const word = line.trim();
      done(null, [DOT.filter((d) => d.startsWith(word)), word]);
      return;
    }
    if (/^\s*\.mode\s+\w*$/u.test(line)) {
      const word = /\w*$/u.exec(line)![0];
      done(null, [FORMATS.filter((f) => f.startsWith(word)), word]);
      return;
    }
    const word = /[\p{L}\p{N}_]*$/u.exec(line)![0];
    loadNames().then(
      (all) => {
        const w = word.toLowerCase();
        done(null, [word === '' ? [] : all.filter((n) => n.toLowerCase().startsWith(w)), word]);
      },
      () => done(null, [[], word]),
    );
  };
  const hfile = historyFile();
  const rl = readline.createInterface({
    input: process.stdin,
    output: tty ? process.stdout : undefined,
    terminal: tty,
    prompt: 'xxgk> ',
    ...(tty ? { completer, history: readHistory(hfile), historySize: HISTORY_SIZE, removeHistoryDuplicates: true } : {}),
  });
  if (tty) {
    rl.on('history', (h: string[]) => {
      try {
        fs.writeFileSync(hfile, [...h].reverse().join('\n') + '\n', { mode: 0o600 });
      } catch {
        // a home without write access: the session still works, only without a saved history
      }
    });
    out(`connected read-only to ${db.path}. End each statement with ";"; .tables lists the tables, .help the commands, .quit or Ctrl-D leaves.`);
  }

  let buf = '';
  let failed = 0;
  let running = false;
  let quit = false;
  const prompt = () => {
    if (!tty || quit) return;
    rl.setPrompt(buf === '' ? 'xxgk> ' : ' ...> ');
    rl.prompt();
  };
  const fail = (msg: string) => {
    failed++;
    const [first, ...rest] = msg.split('\n');
    out([`${style('error', 'error:')} ${first}`, ...rest].join('\n'));
  };
  const show = (r: Result) => out(render(r, mode, useColor()));

  const dot = async (cmd: string) => {
    const [name, ...args] = cmd.split(/\s+/u);
    const arg = args.join(' ');
    switch (name) {
      case '.tables':
        return runStatements(
          db,
          `SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE NOT internal
           UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal ORDER BY 1`,
          show,
        );
      case '.schema': {
        if (!arg) return fail('.schema needs a name: .schema reports (.tables lists them)');
        const lit = `'${arg.replace(/^"|"$/gu, '').replaceAll("'", "''")}'`;
        let found = false;
        await runStatements(db, `SELECT table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE table_name = ${lit} UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal AND view_name = ${lit}`, (r) => {
          found = r.rows.length > 0;
          if (found && mode === 'table') out(`${r.rows[0]!.kind} ${r.rows[0]!.name}: ${r.rows[0]!.comment ?? ''}`);
        });
        if (!found) return fail(`no table or view named ${arg}: .tables lists them`);
        return runStatements(db, `SELECT column_name AS "column", data_type AS type, comment FROM duckdb_columns() WHERE table_name = ${lit} ORDER BY column_index`, show);
      }
      case '.mode':
        if (!FORMATS.includes(arg as SqlFormat)) return fail(`.mode takes csv, table or json (got "${arg}"); it is ${mode} now`);
        mode = arg as SqlFormat;
        return;
      case '.help':
        return out(HELP.replace('{mode}', mode));
      default:
        return fail(`unknown command ${name}: .help lists the commands`);
    }
  };

  /** Runs what has been typed once it ends with ";" outside a string or comment (DuckDB's parser decides). */
  const execute = async (force: boolean) => {
    const sql = buf;
    if (!force && !sql.trimEnd().endsWith(';')) return;
    try {
      await db.conn.extractStatements(sql);
    } catch (e) {
      // a ";" inside a string or comment that is still open: keep reading lines
      if (!force && /unterminated/iu.test((e as Error).message)) return;
    }
    buf = '';
    running = true;
    try {
      await runStatements(db, sql, show);
    } catch (e) {
      fail((e as Error).message);
    } finally {
      running = false;
    }
  };

  const handle = async (line: string) => {
    if (quit) return;
    const t = line.trim();
    if (buf === '' && t.startsWith('.')) {
      if (t === '.quit' || t === '.exit') {
        quit = true;
        rl.close();
        return;
      }
      try {
        await dot(t);
      } catch (e) {
        fail((e as Error).message);
      }
    } else if (buf !== '' || t !== '') {
      buf += line + '\n';
      await execute(false);
    }
    prompt();
  };

  rl.on('SIGINT', () => {
    if (running) {
      // stop the query; its error ("INTERRUPT Error") is printed as its result
      db.conn.interrupt();
      return;
    }
    const typed = buf !== '' || rl.line !== '';
    buf = '';
    // drop what is on the line, as a shell does on Ctrl-C (readline keeps it in line and cursor)
    Object.assign(rl, { line: '', cursor: 0 });
    process.stdout.write(typed ? '^C\n' : '^C (to leave: .quit or Ctrl-D)\n');
    prompt();
  });

  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(() => handle(line));
  });
  prompt();
  await new Promise<void>((resolve) => rl.once('close', resolve));
  await queue;
  if (!quit && buf.trim()) await execute(true); // piped input whose last statement has no ";"
  if (tty) process.stdout.write('\n');
  // piped statements: exit 1 when one failed, like a script; a person at the terminal saw each error
  return failed > 0 && !tty ? 1 : 0;
}
