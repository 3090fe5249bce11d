// The review loop as analysts run it, through the command line on real corpus reports and real
// DuckDB files: xxgk review -> a filled workbook -> xxgk correct -> the corrected value in the
// cells, the checks, the published tables, a fresh database, and what happens when the file
// changes (stale), when a correction says what the extractor already reads (redundant), and when
// the input is wrong.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { recomputeChecks } from '../pipeline/review/recheck.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
const PINGTAN = 'pingtan_2022_1.txt'; // P6 fails (prose 自然人72件, table 71); t2.normative_docs glued and ambiguous
const ZHZ = 'pingtan-zhz_2024_1.txt'; // P1 and P2 fail (prose 4 and 3, table 0)
const LONGGANG = 'longgang-2022.txt'; // reads ok

let dir: string;
let raw: string;
let db: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function q<T = Record<string, unknown>>(sql: string, file = db): Promise<T[]> {
  const d = await openRead(file);
  try {
    return await query<T>(d, sql);
  } finally {
    d.close();
  }
}

const sha = async (file: string) => (await q<{ sha256: string }>(`SELECT sha256 FROM documents WHERE path LIKE '%/${file}'`))[0]!.sha256;
const csvFile = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/u.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n';
const HEADER = ['document_sha256', 'cell', 'corrected_value', 'reason', 'reviewer'];

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-review-'));
  raw = path.join(dir, 'raw');
  db = path.join(dir, 'data', 'xxgk.duckdb');
  fs.mkdirSync(raw);
  for (const f of [PINGTAN, ZHZ, LONGGANG]) fs.copyFileSync(path.join(CORPUS, f), path.join(raw, f));
  await runAll({ db, input: raw, log: () => {} });
}, 120_000);
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readSheet(file: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('review')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const v = ws.getRow(n).values as unknown[];
    out.push(Object.fromEntries(header.map((h, i) => [h, v[i + 1] ?? ''])));
  }
  return out;
}

describe('xxgk review -> xxgk correct -> load and publish', () => {
  it('round trip: the workbook lists what needs a person; the filled workbook corrects cells, checks and published values, and a fresh database gets the same', async () => {
    const out = path.join(dir, 'review.xlsx');
    const r = await xxgk('review', '--db', db, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 cells to review in 2 reports/u);
    const rows = await readSheet(out);
    const find = (body: RegExp, cell: string) => rows.find((x) => body.test(String(x.body)) && x.cell === cell)!;
    // a failed prose check: the cell, its label, value, printed text and where it was read
    const np = find(/^平潭综合实验区$/u, 't3.new_received.natural_person');
    expect(np).toMatchObject({ year: 2022, label_zh: '一、本年新收政府信息公开申请数量 · 自然人', why: 'check P6', extracted_value: '71', printed_text: '71', corrected_value: '' });
    expect(String(np.loc)).toMatch(/^line \d+$/u);
    expect(String(np.file)).toBe(path.join(fs.realpathSync(raw), PINGTAN));
    expect(np.document_sha256).toBe(await sha(PINGTAN));
    expect(String(np.detail)).toMatch(/自然人72件/u);
    // a flagged cell: the candidates, and the printed run it could not split
    const amb = find(/^平潭综合实验区$/u, 't2.normative_docs.issued');
    expect(amb).toMatchObject({ why: 'ambiguous', extracted_value: 'unreadable', printed_text: '8855698', candidates: '8, 88, 885, 8855, 88556' });
    expect(rows.filter((x) => /龙岗/u.test(String(x.body)))).toEqual([]); // a clean report asks nothing
    // --year and --body narrow it
    const only = path.join(dir, 'zhz.xlsx');
    expect((await xxgk('review', '--db', db, '--year', '2024', '--body', '平潭综合实验区综合执法与应急管理局', '--out', only)).stdout).toMatch(/2 cells to review in 1 report;/u);
    expect((await readSheet(only)).map((x) => x.cell)).toEqual(['t3.new_received.total', 't3.total_handled.total']);

    // the reviewer fills two rows and leaves the others
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('review')!;
    const col = (name: string) => (ws.getRow(1).values as unknown[]).indexOf(name);
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(col('cell')).value;
      if (row.getCell(col('body')).value !== '平潭综合实验区') return;
      if (cell === 't3.new_received.natural_person') {
        row.getCell(col('corrected_value')).value = 72; // typed as a number
        row.getCell(col('reason')).value = '正文：自然人72件';
        row.getCell(col('reviewer')).value = '王';
      }
      if (cell === 't2.normative_docs.issued') {
        row.getCell(col('corrected_value')).value = '88';
        row.getCell(col('reason')).value = '正文：本年度制发规范性文件88件';
        row.getCell(col('reviewer')).value = '王';
      }
    });
    await wb.xlsx.writeFile(out);
    const c = await xxgk('correct', out, '--db', db);
    expect(c.stderr).not.toMatch(/cannot be applied/u);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/2 corrections stored, 0 replaced, 0 redundant, 4 rows without corrected_value/u);

    // applied at once: value, extracted_value, corrected
    const cells = await q<{ value: number; extracted_value: number | null; corrected: boolean }>(
      `SELECT value::DOUBLE AS value, extracted_value::DOUBLE AS extracted_value, corrected FROM t3_cells c JOIN reports r USING (report_id) JOIN bodies b USING (body_id)
       WHERE b.name = '平潭综合实验区' AND r.year = 2022 AND row_code = 'new_received' AND col_code = 'natural_person'`,
    );
    expect(cells).toEqual([{ value: 72, extracted_value: 71, corrected: true }]);
    const t2 = await q(`SELECT value, extracted_value, extracted_kind, cell_kind, corrected FROM t2_cells WHERE row_code = 'normative_docs' AND col_code = 'issued' AND corrected`);
    expect(t2).toEqual([{ value: 88, extracted_value: null, extracted_kind: 'unreadable', cell_kind: 'number', corrected: true }]);
    // the checks recomputed: the prose now agrees, the row no longer adds up (72 + 3 != 74): a failing check is data
    const checks = await q<{ rule: string; status: string; recomputed: boolean; detail: string }>(
      `SELECT rule, status, recomputed, detail FROM check_results c JOIN reports r USING (report_id) JOIN bodies b USING (body_id)
       WHERE b.name = '平潭综合实验区' AND (rule = 'P6' OR (rule = 'V3.3' AND scope = 't3.new_received.*'))  ORDER BY rule`,
    );
    expect(checks.map((x) => [x.rule, x.status, x.recomputed])).toEqual([
      ['P6', 'pass', true],
      ['V3.3', 'fail', true],
    ]);
    expect(checks[1]!.detail).toMatch(/natural_person=72/u);
    const [rep] = await q<{ n: number }>(`SELECT n_failed_checks::INT AS n FROM reports r JOIN bodies b USING (body_id) WHERE b.name = '平潭综合实验区'`);
    expect(rep!.n).toBe(2); // V3.1 and V3.3 of the corrected row: reports agree with check_results
    // kept in the file beside the database, with the original value
    const file = path.join(dir, 'data', 'corrections.csv');
    const kept = parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
    expect(kept.map((k) => [k.cell, k.corrected_value, k.original_value, k.reviewer])).toEqual([
      ['t2.normative_docs.issued', '88', 'unreadable', '王'],
      ['t3.new_received.natural_person', '72', '71', '王'],
    ]);
    // the corrected cells are not asked again
    await xxgk('review', '--db', db, '--out', out);
    expect((await readSheet(out)).filter((x) => x.cell === 't3.new_received.natural_person' || x.cell === 't2.normative_docs.issued')).toEqual([]);

    // published with the marker, and counted in the data-quality table
    const pub = path.join(dir, 'pub');
    expect((await xxgk('publish', '--db', db, '--out', pub, '--year', '2022')).code).toBe(0);
    const apps = parse(fs.readFileSync(path.join(pub, '2022', 'applications.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const pt = apps.find((a) => a['单位 (body)'] === '平潭综合实验区')!;
    expect(pt['自然人申请占比 (%) (natural_person_share)']).toBe('97.3†'); // 72 / 74
    expect(pt['本年新收申请数 (new_applications)']).toBe('74'); // not computed from a corrected cell: no marker
    expect(pt['说明 (notes)']).toMatch(/†人工更正：自然人申请占比/u);
    const lg = apps.find((a) => /龙岗/u.test(a['单位 (body)']!))!;
    expect(Object.values(lg).join(' ')).not.toMatch(/†/u);
    const dq = parse(fs.readFileSync(path.join(pub, '2022', 'data_quality.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(dq.find((a) => a['单位 (body)'] === '平潭综合实验区')!['人工更正的单元格 (corrected cells)']).toBe('2');
    expect(dq.find((a) => /龙岗/u.test(a['单位 (body)']!))!['人工更正的单元格 (corrected cells)']).toBe('0');
    expect(fs.readFileSync(path.join(pub, '2022', 'tables.md'), 'utf8')).toMatch(/97\.3%†/u);
    expect(fs.readFileSync(path.join(pub, '2022', 'index.html'), 'utf8')).toMatch(/97\.3%<sup class="corrected" title="人工更正">†<\/sup>/u);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(path.join(pub, '2022', 'xxgk-2022.xlsx'));
    const sheet = x.getWorksheet('依申请公开：收到和办理的申请')!;
    let marked: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => row.eachCell((cell) => (String(cell.numFmt).includes('†') ? (marked = cell) : undefined)));
    expect(marked!.value).toBeCloseTo(72 / 74, 6); // still a number in the workbook, shown with the marker

    // a fresh database from the same inputs and the same corrections file gets the same
    const dir2 = path.join(dir, 'fresh');
    fs.mkdirSync(dir2);
    fs.copyFileSync(file, path.join(dir2, 'corrections.csv'));
    const db2 = path.join(dir2, 'xxgk.duckdb');
    expect((await xxgk('run', raw, '--db', db2)).code).toBe(0);
    const again = await q(`SELECT row_code, col_code, value::DOUBLE AS v FROM t3_cells WHERE corrected UNION ALL SELECT row_code, col_code, value FROM t2_cells WHERE corrected ORDER BY 1`, db2);
    expect(again).toEqual([
      { row_code: 'new_received', col_code: 'natural_person', v: 72 },
      { row_code: 'normative_docs', col_code: 'issued', v: 88 },
    ]);
    // a line deleted from the file withdraws that correction on the next run (nothing else changed)
    const lines = fs.readFileSync(path.join(dir2, 'corrections.csv'), 'utf8').split('\n');
    fs.writeFileSync(path.join(dir2, 'corrections.csv'), lines.filter((l) => !l.includes('natural_person')).join('\n'));
    const rerun = await xxgk('run', raw, '--db', db2);
    expect(rerun.stderr).toMatch(/corrections: 1 applied, 0 redundant, 0 stale/u);
    expect(await q(`SELECT value::DOUBLE AS v, corrected FROM t3_cells WHERE row_code = 'new_received' AND col_code = 'natural_person' AND extracted_value = 71`, db2)).toEqual([{ v: 71, corrected: false }]);
  }, 240_000);

  it('a correction whose file changed since is stale: not applied, and listed by xxgk status', async () => {
    const input = path.join(dir, 'fix.csv');
    fs.writeFileSync(input, csvFile([HEADER, [await sha(PINGTAN), 't3.new_received.natural_person', '72', 'prose', 'li']]));
    expect((await xxgk('correct', input, '--db', db)).code).toBe(0);
    expect(await q(`SELECT value::INT AS v FROM t3_cells WHERE corrected`)).toEqual([{ v: 72 }]);
    // the report is republished with one more line: another sha256
    fs.appendFileSync(path.join(raw, PINGTAN), '\n（更新）\n');
    const run = await xxgk('run', raw, '--db', db);
    expect(run.stderr).toMatch(/corrections: 0 applied, 0 redundant, 1 stale/u);
    expect(await q(`SELECT value::INT AS v, corrected FROM t3_cells WHERE row_code = 'new_received' AND col_code = 'natural_person' AND value = 71`)).toEqual([{ v: 71, corrected: false }]);
    const status = await xxgk('status', '--db', db);
    expect(status.stdout).toMatch(/corrections not applied/u);
    const line = status.stdout.split('\n').find((l) => l.startsWith('stale') && l.includes('t3.'))!;
    expect(line).toContain(PINGTAN);
    expect(line).toContain('t3.new_received.natural_person');
    expect(status.stdout).toMatch(/^stale +\| +1$/mu);
    expect(line).toMatch(/the file changed: corrected [0-9a-f]{12}…, now [0-9a-f]{12}…/u);
    // kept, not lost: the file still has it, for a reviewer to look at again
    expect(fs.readFileSync(path.join(dir, 'data', 'corrections.csv'), 'utf8')).toContain('t3.new_received.natural_person');
    const dq = await q<{ n: number; s: number }>(`SELECT DISTINCT n_corrected::INT AS n, n_stale_corrections::INT AS s FROM mart_data_quality WHERE body = '平潭综合实验区'`);
    expect(dq).toEqual([{ n: 0, s: 1 }]);
  }, 120_000);

  it('a correction to what the extractor already reads is reported redundant and not stored', async () => {
    const input = path.join(dir, 'fix.csv');
    const zhz = await sha(ZHZ);
    fs.writeFileSync(input, csvFile([HEADER, [zhz, 't3.new_received.total', '0', 'the table says 0', 'li'], [zhz, 't3.total_handled.total', '3', 'prose: 办结3件', 'li']]));
    const r = await xxgk('correct', input, '--db', db);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/line 2: redundant: t3\.new_received\.total of .*pingtan-zhz_2024_1\.txt already reads 0; nothing stored/u);
    expect(r.stdout).toMatch(/1 correction stored, 0 replaced, 1 redundant/u);
    expect(await q(`SELECT cell FROM corrections`)).toEqual([{ cell: 't3.total_handled.total' }]);
    expect(await q(`SELECT count(*)::INT AS n FROM t3_cells WHERE corrected`)).toEqual([{ n: 1 }]);
    // correcting a cell back to what was extracted withdraws the earlier correction
    fs.writeFileSync(input, csvFile([HEADER, [zhz, 't3.total_handled.total', '0', 'the table was right', 'li']]));
    const back = await xxgk('correct', input, '--db', db);
    expect(back.stdout).toMatch(/already reads 0 \(an earlier correction of it is withdrawn\)/u);
    expect(await q(`SELECT count(*)::INT AS n FROM corrections`)).toEqual([{ n: 0 }]);
    expect(await q(`SELECT count(*)::INT AS n FROM t3_cells WHERE corrected`)).toEqual([{ n: 0 }]);
  }, 120_000);

  it('refuses bad input with a message per row and stores nothing', async () => {
    const input = path.join(dir, 'bad.csv');
    const pt = await sha(PINGTAN);
    fs.writeFileSync(
      input,
      csvFile([
        HEADER,
        [pt, 't3.new_recieved.total', '5', '', ''],
        [pt, 't3.granted.total', 'abc', '', ''],
        ['0'.repeat(64), 't3.granted.total', '5', '', ''],
        [pt, 't3.granted.total', '2.5', '', ''],
        [pt, 't3.other_subtotal.total', '1', '', ''],
        [pt, 't3.granted.total', '57', 'this one is fine', ''],
        ['abc', 't3.granted.total', '', 'no value: left alone', ''],
      ]),
    );
    const before = await q(`SELECT row_code, col_code, value FROM t3_cells ORDER BY ALL`);
    const r = await xxgk('correct', input, '--db', db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing was corrected; 5 rows cannot be applied/u);
    expect(r.stderr).toMatch(/line 2: unknown cell code "t3\.new_recieved\.total"/u);
    expect(r.stderr).toMatch(/line 3: corrected_value "abc" for t3\.granted\.total is not a number/u);
    expect(r.stderr).toMatch(/line 4: unknown document_sha256 0{64}: no ingested document has this content/u);
    expect(r.stderr).toMatch(/line 5: corrected_value "2\.5" for t3\.granted\.total must be a whole number/u);
    expect(r.stderr).toMatch(/line 6: t3\.other_subtotal\.total is not a cell of this report's table 3 layout \(f2021\)/u);
    expect(r.stderr).not.toMatch(/line [78]/u);
    expect(await q(`SELECT count(*)::INT AS n FROM corrections`)).toEqual([{ n: 0 }]);
    expect(fs.existsSync(path.join(dir, 'data', 'corrections.csv'))).toBe(false);
    expect(await q(`SELECT row_code, col_code, value FROM t3_cells ORDER BY ALL`)).toEqual(before);
    // a file that is not a correction file at all
    fs.writeFileSync(input, 'sha,cell,value\n');
    const cols = await xxgk('correct', input, '--db', db);
    expect(cols.code).toBe(1);
    expect(cols.stderr).toMatch(/no column document_sha256 in the header/u);
  }, 120_000);

  it('keeps a correction to blank, to 0 and to / apart, in the cells, the file and a fresh database', async () => {
    const lg = await sha(LONGGANG);
    const input = path.join(dir, 'kinds.csv');
    fs.writeFileSync(
      input,
      csvFile([HEADER, [lg, 't4.review.pending', '0', 'r', 'z'], [lg, 't4.review.other', 'blank', 'r', 'z'], [lg, 't4.review.upheld', '/', 'r', 'z'], [lg, 't4.review.corrected', '无', 'r', 'z']]),
    );
    const r = await xxgk('correct', input, '--db', db);
    expect(r.stderr).not.toMatch(/cannot/u);
    const kinds = async (file: string) =>
      q(`SELECT col_code, value, cell_kind, is_blank FROM t4_cells WHERE corrected AND group_code = 'review' ORDER BY col_code`, file);
    const want = [
      { col_code: 'corrected', value: null, cell_kind: 'none_word', is_blank: false },
      { col_code: 'other', value: null, cell_kind: 'blank', is_blank: true },
      { col_code: 'pending', value: 0n, cell_kind: 'number', is_blank: false },
      { col_code: 'upheld', value: null, cell_kind: 'slash', is_blank: false },
    ];
    const got = await kinds(db);
    expect(got).toEqual(want); // longgang printed 5, 1, 7, 2 there
    const file = path.join(dir, 'data', 'corrections.csv');
    const kept = (parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[]).map((k) => [k.cell, k.corrected_value]);
    expect(kept).toEqual(expect.arrayContaining([['t4.review.other', 'blank'], ['t4.review.upheld', '/'], ['t4.review.corrected', '无']]));
    const fresh = path.join(dir, 'fresh');
    fs.mkdirSync(fresh);
    fs.copyFileSync(file, path.join(fresh, 'corrections.csv'));
    await runAll({ db: path.join(fresh, 'x.duckdb'), input: raw, log: () => {} });
    expect(await kinds(path.join(fresh, 'x.duckdb'))).toEqual(got);
    // a check over a cell corrected to blank cannot be assessed; it is not computed as 0
    const [v41] = await q<{ status: string; detail: string }>(`SELECT status, detail FROM check_results WHERE rule = 'V4.1' AND scope LIKE 't4.review%' AND recomputed`);
    expect(v41).toMatchObject({ status: 'not_assessable' });
  }, 120_000);
});

describe('checks recomputed from stored cells', () => {
  it('are the extractor\'s own checks for every corpus report when nothing is corrected', async () => {
    for (const f of ['huaian-2024.pdf', 'pingtan-shs_2025_1.html', 'shanghai-bgt_2019_1.json', 'pingtan-gaj_2019_1.txt', 'pingtan-zrz_2020_1.txt', 'unknown-szfgs_2024_fragment.txt', 'pingtan_2021_1.txt']) {
      fs.copyFileSync(path.join(CORPUS, f), path.join(raw, f));
    }
    await runAll({ db, input: raw, log: () => {} });
    const d = await openRead(db);
    try {
      const ids = (await query<{ id: string }>(d, `SELECT document_id AS id FROM extractions WHERE status <> 'rejected'`)).map((r) => r.id);
      expect(ids.length).toBe(10);
      const again = await recomputeChecks(d, ids);
      const stored = await query<{ document_id: string; rule: string; scope: string; status: string; detail: string }>(d, `SELECT document_id, rule, scope, status, detail FROM extracted_checks`);
      const key = (c: { rule: string; scope: string; status: string; detail: string }) => `${c.rule}|${c.scope}|${c.status}|${c.detail}`;
      for (const id of ids) {
        expect([...again.get(id)!].map(key).sort(), id).toEqual(stored.filter((s) => s.document_id === id).map(key).sort());
      }
    } finally {
      d.close();
    }
  }, 120_000);
});
