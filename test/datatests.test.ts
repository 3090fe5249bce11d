// Data tests declared beside the models (sql/**/_tests.csv, sql/**/tests/*.sql): they pass on a
// real database built from the fixtures, each kind catches a violation planted in a copy of it,
// a failing test fails `xxgk load` inside its transaction, and `xxgk test` runs them on demand.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, openWrite, query } from '../pipeline/db/duck.ts';
import { DataTestError, readTests, runDataTests, runTestCommand, type TestFailure } from '../pipeline/load/datatests.ts';
import { runLoad, runAll, withDb } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

let dir: string;
let good: string;
let n = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-datatests-'));
  const input = path.join(dir, 'raw');
  good = path.join(dir, 'good.duckdb');
  fs.mkdirSync(input);
  for (const f of ['longgang-2022.txt', 'pingtan_2021_1.txt', 'pingtan_2022_1.txt', 'pingtan-gaj_2022_1.txt', 'pingtan-gaj_2019_1.txt', 'pingtan-shs_2025_1.txt', 'pingtan-shs_2025_1.html', 'blank-template.docx']) {
    fs.copyFileSync(path.join(CORPUS, f), path.join(input, f));
  }
  await runAll({ db: good, input, log: () => {} });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the good database with `plant` applied (committed), and the data tests' failures on it. */
async function plant(sql: string): Promise<{ file: string; failures: TestFailure[] }> {
  const file = path.join(dir, `planted-${++n}.duckdb`);
  fs.copyFileSync(good, file);
  const db = await openWrite(file);
  try {
    await db.conn.run(sql);
    return { file, failures: (await runDataTests(db)).failures };
  } finally {
    db.close();
  }
}

const summary = (fs: TestFailure[]) => fs.map((f) => `${f.test.model}: ${f.test.name}`);

describe('data tests', () => {
  it('are declared for every kind and all pass on a database built from the fixtures', async () => {
    const tests = readTests();
    expect(new Set(tests.map((t) => t.kind))).toEqual(new Set(['unique', 'not_null', 'relationships', 'accepted_values', 'expression', 'singular']));
    const db = await openRead(good);
    try {
      const r = await runDataTests(db, tests);
      expect(r.failures.map((f) => f.test.name)).toEqual([]);
      expect(r.run).toBe(tests.length);
    } finally {
      db.close();
    }
  });

  it('unique: a duplicated report', async () => {
    const { failures } = await plant(`INSERT INTO reports SELECT * FROM reports ORDER BY report_id LIMIT 1`);
    expect(summary(failures)).toContain('reports: unique(report_id)');
    const f = failures.find((x) => x.test.name === 'unique(report_id)')!;
    expect(f.rows).toBe(1);
    expect(f.sample[0]).toMatchObject({ n: 2n });
  });

  it('not_null: a metric without its Chinese name', async () => {
    const { failures } = await plant(`UPDATE metrics SET name_zh = NULL WHERE code = 'not_held_share'`);
    expect(summary(failures)).toEqual(['metrics: not_null(name_zh)']);
    expect(failures[0]!.sample[0]).toMatchObject({ code: 'not_held_share', name_zh: null });
  });

  it('relationships: a body whose parent does not exist', async () => {
    const { failures } = await plant(`UPDATE bodies SET parent_body_id = '000000000000' WHERE body_id = (SELECT min(body_id) FROM bodies)`);
    expect(summary(failures)).toEqual(['bodies: relationships(parent_body_id -> bodies.body_id)']);
    expect(failures[0]!.sample[0]).toMatchObject({ parent_body_id: '000000000000' });
  });

  it('accepted_values: a cell kind outside the dictionary', async () => {
    const { failures } = await plant(`UPDATE t3_cells SET cell_kind = 'smudge' WHERE rowid = (SELECT min(rowid) FROM t3_cells)`);
    expect(summary(failures)).toEqual(['t3_cells: accepted_values(cell_kind: number blank slash dash none_word unreadable)']);
    expect(failures[0]!.sample).toHaveLength(1);
    expect(failures[0]!.sample[0]).toMatchObject({ cell_kind: 'smudge' });
  });

  it('expression: a report whose failed-check count disagrees with check_results', async () => {
    const { failures } = await plant(`UPDATE reports SET n_failed_checks = n_failed_checks + 1`);
    const f = failures.find((x) => x.test.name.startsWith('expression(n_failed_checks'));
    expect(f).toBeDefined();
    expect(f!.rows).toBeGreaterThan(5);
    expect(f!.sample).toHaveLength(5); // at most five sample rows
  });

  it('singular (check_results agrees with the cells): a V3.1 that passes on cells that no longer add up', async () => {
    const db = await openRead(good);
    const [c] = await query<{ report_id: string }>(db, `SELECT report_id FROM check_results WHERE rule = 'V3.1' AND scope = 't3.*.total' AND status = 'pass' ORDER BY report_id LIMIT 1`);
    db.close();
    const { failures } = await plant(`UPDATE t3_cells SET value = value + 1 WHERE report_id = '${c!.report_id}' AND row_code = 'new_received' AND col_code = 'total'`);
    const f = failures.find((x) => x.test.kind === 'singular');
    expect(f?.test.name).toBe('check_results_agree_with_cells');
    // V3.1 on the total column, and V3.3 on the new_received row, now disagree with the cells
    expect(f!.sample.map((r) => [r.rule, r.scope, r.status, r.expected])).toEqual(
      expect.arrayContaining([['V3.1', 't3.*.total', 'pass', 'fail'], ['V3.3', 't3.new_received.*', 'pass', 'fail']]),
    );
  });

  it('a failing test fails the load with the model, the test and sample rows; the last good database stays', async () => {
    const file = path.join(dir, 'load-fails.duckdb');
    fs.copyFileSync(good, file);
    const before = async () => {
      const db = await openRead(file);
      try {
        return await query(db, `SELECT (SELECT count(*) FROM reports) AS reports, (SELECT value FROM meta WHERE key = 'loaded_fingerprint') AS fp,
                                       (SELECT count(comment) FROM duckdb_columns() WHERE table_name = 'reports') AS comments`);
      } finally {
        db.close();
      }
    };
    const was = await before();
    // planted and committed: one document loses its body (a good load would drop its report) and
    // one body gets a level outside the accepted values
    const db = await openWrite(file);
    await db.conn.run(`DELETE FROM document_bodies WHERE document_id = (SELECT min(document_id) FROM reports);
                       UPDATE bodies SET level = 'galaxy' WHERE body_id = (SELECT min(body_id) FROM bodies)`);
    db.close();
    const err = await withDb(file, () => {}, (d) => runLoad(d, () => {})).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataTestError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^1 data test failed; nothing was loaded, the previous database is unchanged:/u);
    expect(msg).toContain('bodies: accepted_values(level: province city district county department street township other) failed on 1 row (sql/schema/_tests.csv)');
    expect(msg).toMatch(/"level":"galaxy"/u);
    expect(await before()).toEqual(was); // the rebuild was rolled back
  });

  it('xxgk test runs them on demand against an existing database (read-only)', async () => {
    const lines: string[] = [];
    expect(await runTestCommand(good, (s) => lines.push(s))).toBe(0);
    expect(lines.at(-1)).toBe(`${readTests().length} passed, 0 failed`);
    expect(lines).toContain('ok    reports: unique(report_id)');
    const { file } = await plant(`UPDATE bodies SET level = 'galaxy' WHERE body_id = (SELECT min(body_id) FROM bodies)`);
    lines.length = 0;
    expect(await runTestCommand(file, (s) => lines.push(s))).toBe(1);
    expect(lines.filter((l) => l.startsWith('FAIL'))).toEqual([expect.stringContaining('bodies: accepted_values(level:')]);
    expect(lines.at(-1)).toBe(`${readTests().length - 1} passed, 1 failed`);
  });

  it('xxgk test is a command: exit 0 when all pass, 1 with the failure when one fails', async () => {
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['bin/xxgk.js', 'test', '--db', file]).then(
        (r) => ({ code: 0, stdout: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
      );
    const ok = await run(good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/\n\d+ passed, 0 failed\n$/u);
    const { file } = await plant(`UPDATE reports SET report_id = 'x' WHERE report_id = (SELECT min(report_id) FROM reports)`);
    const bad = await run(file);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}reports: expression\(report_id = body_id \|\| '-' \|\| year\) failed on 1 row/u);
  }, 120_000);
});
