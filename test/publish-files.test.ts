// The published CSV and XLSX files as a spreadsheet or a program reads them (issue 11): a real
// `xxgk run` of the bundled samples and a real `xxgk publish` into a temp folder, read back.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;
let dbFile: string;
let out: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function sql<T = Record<string, unknown>>(q: string, params: unknown[] = []): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, q, params);
  } finally {
    db.close();
  }
}

const readCsv = (f: string) => parse(fs.readFileSync(f, 'utf8').replace(/^\ufeff/u, ''), { columns: true }) as Record<string, string>[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-files-'));
  dbFile = path.join(dir, 'x.duckdb');
  out = path.join(dir, 'reports');
  const run = await xxgk('run', path.resolve('data/samples'), '--db', dbFile, '--allow-rejected');
  expect(run.code, run.stderr).toBe(0);
  const pub = await xxgk('publish', '--db', dbFile, '--out', out);
  expect(pub.code, pub.stderr).toBe(0);
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CSV', () => {
  it('each table carries year, region code and body id, so that the years stack into one table', async () => {
    const years = fs.readdirSync(out).filter((d) => /^\d{4}$/u.test(d));
    expect(years.length).toBeGreaterThan(3);
    const stacked = years.flatMap((y) => readCsv(path.join(out, y, 'outcomes.csv')));
    const db = await sql<{ year: number; body_id: string; region_code: string | null; name: string }>(
      `SELECT DISTINCT m.year, m.body_id, b.region_code, b.name FROM mart_outcomes m JOIN bodies b USING (body_id) WHERE group_kind = 'built_in'`,
    );
    expect(stacked).toHaveLength(db.length);
    const key = (y: unknown, id: unknown) => `${y}|${id}`;
    const want = new Map(db.map((r) => [key(r.year, r.body_id), r]));
    for (const r of stacked) {
      const w = want.get(key(r['年度 (year)'], r['单位代码 (body_id)']))!;
      expect(w, JSON.stringify(r)).toBeDefined();
      expect(r['单位 (body)']).toBe(w.name);
      expect(r['行政区划代码 (region_code)']).toBe(w.region_code ?? '');
    }
    // the data-quality table (whose mart has no region column) gets its region codes too
    const q = readCsv(path.join(out, '2022', 'data_quality.csv'));
    const lg = q.find((r) => r['单位 (body)'] === '深圳市龙岗区人民政府')!;
    expect(lg['行政区划代码 (region_code)']).toBe('440307');
  });

  it('ranks are whole numbers with the group size beside them, equal to metric_rankings', async () => {
    const rows = readCsv(path.join(out, '2022', 'outcomes.csv'));
    const ranked = rows.filter((r) => r['本机关不掌握相关政府信息占比名次 (not_held_share_rank)'] !== '');
    expect(ranked.length).toBeGreaterThan(1);
    const db = await sql<{ body_id: string; rank: bigint; ranked_in_group: bigint }>(
      `SELECT body_id, rank, ranked_in_group FROM metric_rankings JOIN peer_groups USING (group_id, body_id)
       WHERE kind = 'built_in' AND year = 2022 AND metric = 'not_held_share' AND rank IS NOT NULL`,
    );
    expect(ranked).toHaveLength(db.length);
    for (const r of ranked) {
      const rank = r['本机关不掌握相关政府信息占比名次 (not_held_share_rank)']!;
      const n = r['共N（参与排名数） (not_held_share_group_size)']!;
      expect(rank).toMatch(/^\d+$/u);
      const d = db.find((x) => x.body_id === r['单位代码 (body_id)'])!;
      expect([Number(rank), Number(n)]).toEqual([Number(d.rank), Number(d.ranked_in_group)]);
    }
    // nothing anywhere still reads like the page's "2/5"
    for (const t of ['applications', 'outcomes', 'review_litigation']) {
      expect(fs.readFileSync(path.join(out, '2022', `${t}.csv`), 'utf8')).not.toMatch(/,\d+\/\d+,/u);
    }
  });

  it('metrics.csv has exactly the rows of metrics.parquet, every year, with built-in ranks', async () => {
    const long = readCsv(path.join(out, 'metrics.csv'));
    expect(Object.keys(long[0]!).slice(0, 10)).toEqual(['year', 'body', 'level', 'region_code', 'metric', 'value', 'base_n', 'small_n', 'rank', 'group_size']);
    const pq = await sql<{ year: number; body: string; metric: string; value: number | null; base_n: bigint | null; small_n: boolean }>(
      `SELECT year, body, metric, value, base_n, small_n FROM read_parquet($1)`,
      [path.join(out, 'parquet', 'metrics.parquet')],
    );
    expect(long).toHaveLength(pq.length);
    expect(new Set(long.map((r) => r.year)).size).toBe(new Set(pq.map((r) => r.year)).size);
    // same rows in the same order, values to the last bit (shares as 0–1, not rounded percentages)
    long.forEach((r, i) => {
      const p = pq[i]!;
      expect([Number(r.year), r.body, r.metric, r.value === '' ? null : Number(r.value), r.base_n === '' ? null : BigInt(r.base_n!), r.small_n === 'true']).toEqual([
        p.year,
        p.body,
        p.metric,
        p.value,
        p.base_n,
        p.small_n,
      ]);
    });
    const lg = long.find((r) => r.body === '深圳市龙岗区人民政府' && r.year === '2022' && r.metric === 'not_held_share')!;
    expect(lg).toMatchObject({ level: 'district', region_code: '440307', base_n: '535', small_n: 'false' });
    expect(Number(lg.value)).toBe(283 / 535);
    const [rk] = await sql<{ rank: bigint; n: bigint }>(
      `SELECT rank, ranked_in_group AS n FROM metric_rankings JOIN peer_groups USING (group_id, body_id) JOIN bodies b USING (body_id)
       WHERE kind = 'built_in' AND b.name = '深圳市龙岗区人民政府' AND year = 2022 AND metric = 'not_held_share'`,
    );
    expect([lg.rank, lg.group_size]).toEqual([String(rk!.rank), String(rk!.n)]);
    // a small-number rate has its value but no rank
    expect(long.filter((r) => r.small_n === 'true').every((r) => r.rank === '' && r.group_size === '')).toBe(true);
  });
});

describe('XLSX', () => {
  const file = () => path.join(out, '2022', 'xxgk-2022.xlsx');
  const workbook = async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file());
    return wb;
  };
  const TABLES = ['依申请公开：收到和办理的申请', '办理结果与“本机关不掌握”占比', '行政复议与行政诉讼', '数据质量', '报告质量：完整性、与上年雷同、校验、及时性'];

  it('has the cover first, then the tables, then the dictionary', async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', ...TABLES, '指标说明']);
    const cover = wb.getWorksheet('说明')!;
    const text = new Map<string, string>();
    cover.eachRow((r) => text.set(String(r.getCell(1).value), String(r.getCell(2).value ?? '')));
    const [{ n }] = (await sql<{ n: bigint }>(`SELECT count(*) AS n FROM reports WHERE year = 2022`)) as [{ n: bigint }];
    expect(String(cover.getCell('A1').value)).toContain('2022年');
    expect(text.get('年度')).toContain('2022');
    expect(text.get('数据来源')).toContain(`共 ${n} 份`);
    expect(text.get('数据来源')).toContain('x.duckdb');
    expect(text.get('空白单元格')).toMatch(/空白表示[^]*0 表示报告中填写的就是 0/u);
    expect(text.get('2021年格式变化')).toMatch(/f2021[^]*f2019/u);
    expect(text.get('名次')).toContain('少于 10 件');
  });

  it('table sheets: codes in row 1, the Chinese header in row 2 carrying the auto-filter over every row, panes frozen below it', async () => {
    const wb = await workbook();
    for (const name of TABLES) {
      const ws = wb.getWorksheet(name)!;
      const codes = (ws.getRow(1).values as unknown[]).slice(1);
      const zh = (ws.getRow(2).values as unknown[]).slice(1);
      expect(codes.slice(0, 2), name).toEqual(['peer group', 'body']);
      expect(zh.slice(0, 2), name).toEqual(['比较组', '单位']);
      expect(codes.slice(-3)).toEqual(['year', 'region_code', 'body_id']);
      const last = ws.getColumn(codes.length).letter;
      expect(ws.autoFilter, name).toBe(`A2:${last}${ws.rowCount}`);
      expect(ws.rowCount).toBeGreaterThan(2);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 2 });
    }
  });

  it('column widths follow the content, counting CJK characters double', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('办理结果与“本机关不掌握”占比')!;
    const codes = (ws.getRow(1).values as unknown[]).map(String);
    const col = (code: string) => ws.getColumn(codes.indexOf(code));
    const names = ws.getRows(3, ws.rowCount - 2)!.map((r) => String(r.getCell(codes.indexOf('body')).value));
    const longest = Math.max(...names.map((n) => stringWidth(n)));
    expect(longest).toBeGreaterThanOrEqual(2 * Math.max(...names.map((n) => n.length)) - 2); // the names are CJK
    expect(col('body').width!).toBeGreaterThanOrEqual(longest);
    expect(col('body').width!).toBeLessThanOrEqual(longest * 1.2 + 4);
    // a column of short numbers is narrower than the names, and its header wraps instead of widening it
    expect(col('not_held_share_group_size').width!).toBeLessThan(col('body').width! / 2);
    expect(ws.getRow(2).getCell(codes.indexOf('not_held_share')).alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(2).height!).toBeGreaterThan(15);
    for (const name of TABLES) for (const c of wb.getWorksheet(name)!.columns) expect(c.width!).toBeGreaterThanOrEqual(6), expect(c.width!).toBeLessThanOrEqual(60);
  });

  it('numbers are number cells: shares 0–1 in percent format, ranks whole numbers beside 共N, equal to the database', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('办理结果与“本机关不掌握”占比')!;
    const codes = (ws.getRow(1).values as unknown[]).map(String);
    const at = (code: string) => codes.indexOf(code);
    expect(ws.getColumn(at('not_held_share')).numFmt).toBe('0.0%');
    expect(ws.getColumn(at('not_held_share_rank')).numFmt).toBe('0');
    expect(ws.getRow(2).getCell(at('not_held_share_group_size')).value).toMatch(/^共N/u);
    const db = await sql<{ body_id: string; value: number; rank: bigint | null; n: bigint | null }>(
      `SELECT body_id, value, rank, ranked_in_group AS n FROM metric_rankings JOIN peer_groups USING (group_id, body_id)
       WHERE kind = 'built_in' AND year = 2022 AND metric = 'not_held_share'`,
    );
    let ranked = 0;
    for (const row of ws.getRows(3, ws.rowCount - 2)!) {
      const d = db.find((x) => x.body_id === row.getCell(at('body_id')).value)!;
      expect(d).toBeDefined();
      const v = row.getCell(at('not_held_share'));
      if (d.value === null) expect(v.value).toBeNull();
      else expect(v.type).toBe(ExcelJS.ValueType.Number), expect(v.value).toBe(d.value);
      const rank = row.getCell(at('not_held_share_rank')).value;
      const n = row.getCell(at('not_held_share_group_size')).value;
      expect([rank, n]).toEqual([d.rank === null ? null : Number(d.rank), d.n === null ? null : Number(d.n)]);
      if (rank !== null) ranked++;
      expect(row.getCell(at('year')).value).toBe(2022);
    }
    expect(ranked).toBeGreaterThan(1);
    // no cell of a number column holds text (a "1/5" or a "52.9%" typed in)
    for (const name of TABLES) {
      const s = wb.getWorksheet(name)!;
      const kinds = (s.getRow(1).values as unknown[]).map(String);
      s.eachRow((r, i) => {
        if (i < 3) return;
        r.eachCell((c, j) => {
          if (typeof c.value === 'string') expect(['peer group', 'body', 'level', 'format', 'notes', 'region_code', 'body_id', 'extract_status', 'failed_checks', 'source', 'failed check rules', 'extract status', 'missing sections', 'sections empty or 无', 'missing tables', 'compared with', 'most similar sibling', 'timeliness']).toContain(kinds[j]);
        });
      });
    }
  });

  it('prints landscape, one page wide, with the two header rows on every page', async () => {
    const wb = await workbook();
    for (const name of [...TABLES, '指标说明']) {
      const p = wb.getWorksheet(name)!.pageSetup;
      expect(p, name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(p.printTitlesRow, name).toBe(name === '指标说明' ? '1:1' : '1:2');
    }
    expect(wb.getWorksheet(TABLES[0]!)!.headerFooter.oddFooter).toContain('&P');
  });

  it('指标说明: every metric with its formula in Chinese and in cell codes', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('指标说明')!;
    const head = (ws.getRow(1).values as unknown[]).map(String);
    expect(ws.autoFilter).toBe(`A1:H${ws.rowCount}`);
    const metrics = await sql<{ code: string; formula: string }>(`SELECT code, formula FROM metrics ORDER BY sort_order`);
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((r) => ({ code: r.getCell(1).value, zh: String(r.getCell(head.indexOf('计算方法')).value ?? ''), formula: r.getCell(head.indexOf('formula (cell codes)')).value }));
    expect(rows.map((r) => r.code)).toEqual(metrics.map((m) => m.code));
    for (const [i, r] of rows.entries()) {
      expect(r.formula).toBe(metrics[i]!.formula);
      expect(r.zh, r.code as string).toMatch(/[\u4e00-\u9fff]{2}/u);
      expect(r.zh).not.toBe(r.formula);
    }
    expect(rows.find((r) => r.code === 'not_held_share')!.zh).toContain('本机关不掌握相关政府信息');
  });

  it('LibreOffice opens it and prints it to PDF: the cover upright, the tables landscape', async (ctx) => {
    const pdfDir = path.join(dir, 'pdf');
    let error = '';
    try {
      await promisify(execFile)('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, file()], { timeout: 180_000 });
    } catch (e) {
      error = (e as Error).message;
    }
    const pdf = path.join(pdfDir, 'xxgk-2022.pdf');
    if (!fs.existsSync(pdf)) {
      const why = `LibreOffice Calc could not convert the workbook (apt-get install libreoffice-calc-nogui): ${error || 'no PDF written'}`;
      if (process.env.CI === 'true') throw new Error(`CI=true: ${why}`);
      console.warn(`SKIPPED: ${why}`);
      ctx.skip();
      return;
    }
    const bytes = fs.readFileSync(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    const boxes = [...bytes.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/gu)].map((m) => Math.sign(Number(m[1]) - Number(m[2])));
    // one page per sheet (the sample tables are short): the cover portrait, the rest landscape
    expect(boxes.filter((b) => b < 0).length).toBe(1);
    expect(boxes.filter((b) => b > 0).length).toBe(6);
  }, 240_000);
});
