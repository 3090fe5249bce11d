// `xxgk sql`: read-only queries for analysts (there is no DuckDB CLI on our machines), in a
// sandbox: the database can be read, nothing else touched (see openSandbox).
import readline from 'node:readline';
import { type Db, openSandbox, UserError } from '../db/duck.ts';
import { csvTable, jsonLines, textTable } from './print.ts';

export type SqlFormat = 'table' | 'csv' | 'json';

/** DuckDB's refusal, with what the sandbox allows, so the user knows it is deliberate. */
function explain(e: Error): string {
  const m = e.message.split('\n')[0]!;
  if (/Permission Error|configuration has been locked|read-only mode|attached in read-only/u.test(m)) {
    return `${m}\n(xxgk sql is read-only and sandboxed: it reads the database's tables and views; it cannot write, read other files, attach databases, load extensions or change settings)`;
  }
  return e.message;
}

async function runOne(db: Db, sql: string, format: SqlFormat): Promise<string> {
  let reader;
  try {
    reader = await db.conn.runAndReadAll(sql);
  } catch (e) {
    throw new Error(explain(e as Error));
  }
  const columns = reader.columnNames();
  const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
  if (format === 'csv') return csvTable(columns, rows);
  if (format === 'json') return jsonLines(rows);
  return textTable(columns, rows);
}

export async function runSql(file: string, sql: string | undefined, format: SqlFormat, out: (s: string) => void): Promise<number> {
  const db = await openSandbox(file);
  try {
    if (sql !== undefined) {
      try {
        out(await runOne(db, sql, format));
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

/** An interactive shell: statements end with `;`, `.tables` lists tables, `.quit` leaves. */
async function shell(db: Db, format: SqlFormat, out: (s: string) => void): Promise<number> {
  const tty = process.stdin.isTTY === true;
  // piped SQL (xxgk sql < queries.sql) gets results only, no prompts
  const rl = readline.createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, prompt: 'xxgk> ', terminal: tty });
  if (tty) out(`connected read-only to ${db.path}; end statements with ";", ".tables" lists tables, ".quit" leaves`);
  let buf = '';
  let failed = 0;
  const prompt = () => (tty ? rl.prompt() : undefined);
  prompt();
  for await (const line of rl) {
    const t = line.trim();
    if (buf === '' && (t === '.quit' || t === '.exit')) break;
    if (buf === '' && t === '.tables') {
      out(await runOne(db, `SELECT table_name, comment FROM duckdb_tables() UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE NOT internal ORDER BY 1`, format));
      prompt();
      continue;
    }
    buf += line + '\n';
    if (t.endsWith(';')) {
      try {
        out(await runOne(db, buf, format));
      } catch (e) {
        failed++;
        out(`error: ${(e as Error).message}`);
      }
      buf = '';
    }
    prompt();
  }
  if (buf.trim()) {
    try {
      out(await runOne(db, buf, format));
    } catch (e) {
      failed++;
      out(`error: ${(e as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
