// The SQL models are one per file, named after the model, and built in the order of the references
// between them (pipeline/db/sqlfiles.ts), not in the order of their names: checked on small model
// folders made here (run against a real DuckDB file) and on the project's own sql/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWrite, query } from '../pipeline/db/duck.ts';
import { buildOrder, LAYERS, parseSql, readProject, runLayer, smallNDefault } from '../pipeline/db/sqlfiles.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A sql/ folder with these files (layer/name.sql -> text). */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sqlorder-'));
  dirs.push(dir);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const names = (files: string[]) => files.map((f) => path.basename(f));

describe('build order', () => {
  it('follows the references between models, not the file names, and builds in a real database', async () => {
    // by name a_summary would run first and fail: it reads m_middle, which reads z_base
    const dir = project({
      'core/a_summary.sql': '-- reads m_middle\nCREATE OR REPLACE VIEW a_summary AS SELECT count(*) AS n, sum(doubled) AS s FROM m_middle;\n',
      'core/m_middle.sql': 'CREATE OR REPLACE TABLE m_middle AS SELECT x * 2 AS doubled FROM z_base JOIN twice USING (x);\n',
      'core/twice.sql': 'CREATE OR REPLACE TABLE twice AS SELECT * FROM range(3) t(x);\n',
      'core/z_base.sql': 'CREATE OR REPLACE TABLE z_base AS SELECT * FROM range(3) t(x);\n',
    });
    expect(names(buildOrder('core', dir))).toEqual(['twice.sql', 'z_base.sql', 'm_middle.sql', 'a_summary.sql']);
    // name order is what ran before: it fails on this folder
    expect(names(buildOrder('core', dir)).join()).not.toBe(names(fs.readdirSync(path.join(dir, 'core')).sort()).join());
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sqlorder-db-'));
    dirs.push(tmp);
    const db = await openWrite(path.join(tmp, 'x.duckdb'));
    try {
      await runLayer(db, 'core', dir);
      expect(await query(db, 'SELECT n::INT AS n, s::INT AS s FROM a_summary')).toEqual([{ n: 3, s: 6 }]);
    } finally {
      db.close();
    }
  });

  it('a macro called by a model is built before it, and a reference to an earlier layer needs no order', () => {
    const dir = project({
      'schema/base.sql': 'CREATE TABLE IF NOT EXISTS base (x INTEGER);\n',
      'metrics/a_uses.sql': 'CREATE OR REPLACE VIEW a_uses AS SELECT half(x) AS h FROM base;\n',
      'metrics/half.sql': 'CREATE OR REPLACE MACRO half(v) AS v / 2;\n',
    });
    expect(names(buildOrder('metrics', dir))).toEqual(['half.sql', 'a_uses.sql']);
  });

  it('a CTE, a string or a comment that names a model is not a reference to it', () => {
    const p = parseSql(`-- FROM flags
      CREATE OR REPLACE TABLE choice AS
      WITH flags AS (SELECT 1 AS n), m(a, b) AS (SELECT 1, 2)
      SELECT 'FROM reports' AS s, x IS NOT DISTINCT FROM y FROM flags JOIN m ON true JOIN documents d ON true;`);
    expect(p.defines).toEqual([{ name: 'choice', kind: 'TABLE' }]);
    expect(p.relations).toEqual(['documents']);
  });

  it('a cycle is an error that names the files around it', () => {
    const dir = project({
      'core/a.sql': 'CREATE OR REPLACE VIEW a AS SELECT * FROM b;\n',
      'core/b.sql': 'CREATE OR REPLACE VIEW b AS SELECT * FROM c;\n',
      'core/c.sql': 'CREATE OR REPLACE VIEW c AS SELECT * FROM a;\n',
      'core/d.sql': 'CREATE OR REPLACE TABLE d AS SELECT 1 AS x;\n',
    });
    expect(() => buildOrder('core', dir)).toThrow('a cycle of references between sql/core/a.sql → sql/core/b.sql → sql/core/c.sql → sql/core/a.sql');
  });

  it('a reference to a name no file creates is an error naming the file and the name', () => {
    const dir = project({ 'core/a.sql': 'CREATE OR REPLACE VIEW a AS SELECT * FROM repots;\n' });
    expect(() => buildOrder('core', dir)).toThrow('sql/core/a.sql reads repots, which no file of sql/ creates');
  });

  it('a reference to a model of a later layer is an error', () => {
    const dir = project({
      'staging/stg_a.sql': 'CREATE OR REPLACE VIEW stg_a AS SELECT * FROM rep;\n',
      'core/rep.sql': 'CREATE OR REPLACE TABLE rep AS SELECT 1 AS x;\n',
    });
    expect(() => buildOrder('staging', dir)).toThrow('sql/staging/stg_a.sql reads rep of sql/core/rep.sql, but core is built after staging');
  });

  it('a model created in two files is an error', () => {
    const dir = project({
      'core/a.sql': 'CREATE OR REPLACE TABLE a AS SELECT 1 AS x;\n',
      'core/b.sql': 'CREATE OR REPLACE TABLE a AS SELECT 2 AS x;\n',
    });
    expect(() => buildOrder('core', dir)).toThrow('sql/core/b.sql: a is created in sql/core/a.sql already');
  });

  it('a file of several statements (macros, temporary tables, a table and a view) still runs as one', async () => {
    const dir = project({
      'metrics/q.sql': `CREATE OR REPLACE MACRO twice(v) AS 2 * v;
        CREATE OR REPLACE TEMP TABLE tmp_q AS SELECT twice(x) AS y FROM base;
        CREATE OR REPLACE TABLE q AS SELECT sum(y)::INT AS s FROM tmp_q;
        DROP TABLE tmp_q;
        CREATE OR REPLACE VIEW q_view AS SELECT s + 1 AS t FROM q;`,
      'metrics/base.sql': 'CREATE OR REPLACE TABLE base AS SELECT * FROM range(4) t(x);\n',
      'marts/top.sql': 'CREATE OR REPLACE VIEW top AS SELECT t FROM q_view;\n',
    });
    expect(names(buildOrder('metrics', dir))).toEqual(['base.sql', 'q.sql']);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sqlorder-db-'));
    dirs.push(tmp);
    const db = await openWrite(path.join(tmp, 'x.duckdb'));
    try {
      await runLayer(db, 'metrics', dir);
      await runLayer(db, 'marts', dir);
      expect(await query(db, 'SELECT t::INT AS t FROM top')).toEqual([{ t: 13 }]);
    } finally {
      db.close();
    }
  });
});

describe("the project's sql/", () => {
  const p = readProject();

  it('holds one model per file, named after the model', () => {
    const wrong = p.files
      .filter((f) => f.defines.length !== 1 || `${f.defines[0]!.name}.sql` !== path.basename(f.file))
      .map((f) => `${path.relative('sql', f.file)}: ${f.defines.map((d) => d.name).join(', ')}`);
    expect(wrong).toEqual([]);
    expect(p.files.length).toBeGreaterThan(50);
  });

  it('builds every file after the files of its layer it reads', () => {
    const late: string[] = [];
    for (const layer of LAYERS) {
      const order = p.order.get(layer)!;
      order.forEach((f, i) => {
        for (const r of f.refs) {
          const o = p.owner.get(r)!;
          if (o.layer === layer && order.indexOf(o) > i) late.push(`${path.basename(f.file)} before ${path.basename(o.file)}`);
        }
      });
    }
    expect(late).toEqual([]);
    // the references are found: the wide view of table 3 reads t3_cells, the marts the rankings
    expect(p.owner.get('report_t3_totals')!.refs).toContain('t3_cells');
    expect(p.owner.get('mart_long')!.refs).toEqual(expect.arrayContaining(['metric_rankings', 'level_zh', 'peer_groups']));
  });

  it('writes the small-number default once, and the command line shows that value', async () => {
    const n = smallNDefault();
    expect(Number.isInteger(n)).toBe(true);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-sqlorder-db-'));
    dirs.push(tmp);
    const db = await openWrite(path.join(tmp, 'x.duckdb'));
    try {
      await db.conn.run(fs.readFileSync('sql/metrics/small_n_default.sql', 'utf8'));
      expect(await query(db, 'SELECT small_n_default()::INT AS n')).toEqual([{ n }]);
    } finally {
      db.close();
    }
    const cli = fs.readFileSync('pipeline/cli.ts', 'utf8');
    expect(cli).toMatch(/'min-requests', \{[^}]*default: smallNDefault\(\)/u);
  });
});
