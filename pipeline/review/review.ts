// `xxgk review`: the review workbook, one row per cell that needs a person (review_queue), with
// empty corrected_value, reason and reviewer columns for `xxgk correct` to read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { type Db, openRead, query, UserError } from '../db/duck.ts';
import { kysely } from '../db/kysely.ts';
import { neutraliseFormula } from '../publish/format.ts';

export interface ReviewOptions {
  db: string;
  out: string;
  year?: number;
  body?: string;
}

/** The workbook's columns: the machine name (header), its Chinese meaning (the 说明 sheet), filled by whom. */
export const REVIEW_COLUMNS = [
  ['body', '单位', 'xxgk'],
  ['year', '年度', 'xxgk'],
  ['cell', '单元格代码 (format-spec §6)', 'xxgk'],
  ['label_zh', '单元格（行 · 列）', 'xxgk'],
  ['why', '需要复核的原因：存疑标记（ambiguous 等）或未通过的校验（check V3.3 等）', 'xxgk'],
  ['detail', '说明', 'xxgk'],
  ['candidates', '数字粘连时可能的读法', 'xxgk'],
  ['extracted_value', '读取的值（blank = 空白，/、-、无 照印；unreadable = 无法确定；空 = 未读取）', 'xxgk'],
  ['printed_text', '报告中印的文字', 'xxgk'],
  ['file', '文件', 'xxgk'],
  ['loc', '位置（行 line N、页 page P、表格 table T rRcC）', 'xxgk'],
  ['document_sha256', '文件内容的 SHA-256（更正按此对应文件）', 'xxgk'],
  ['corrected_value', '更正值：数字，或 blank（空白）、/、-、无；留空 = 不更正', 'reviewer'],
  ['reason', '更正理由', 'reviewer'],
  ['reviewer', '复核人', 'reviewer'],
] as const;

type ReviewRow = Record<(typeof REVIEW_COLUMNS)[number][0], string | number>;

async function queueRows(db: Db, o: ReviewOptions): Promise<ReviewRow[]> {
  const has = await query(db, `SELECT 1 FROM duckdb_views() WHERE view_name = 'review_queue'`);
  if (has.length === 0) throw new UserError(`${db.path} has no review_queue yet: run "xxgk run DIR --db ${db.path}" (or "xxgk load") first`);
  let bodyIds: string[] | undefined;
  if (o.body !== undefined) {
    const b = o.body;
    bodyIds = (
      await query<{ body_id: string }>(db, `SELECT body_id FROM bodies WHERE name = $1 OR body_id = $1 UNION SELECT body_id FROM body_aliases WHERE alias = $1`, [b])
    ).map((r) => r.body_id);
    if (bodyIds.length === 0) throw new UserError(`no body named "${b}" (a name, an alias or a body_id: SELECT name FROM bodies)`);
  }
  let q = kysely(db).selectFrom('review_queue').selectAll();
  if (o.year !== undefined) q = q.where('year', '=', o.year);
  if (bodyIds) q = q.where('body_id', 'in', bodyIds);
  const rows = await q.orderBy('body').orderBy('year').orderBy('cell').execute();
  return rows.map((r) => ({
    body: r.body,
    year: r.year,
    cell: r.cell,
    label_zh: r.label_zh,
    why: r.why,
    detail: r.detail,
    candidates: r.candidates ?? '',
    extracted_value: r.extracted_value,
    printed_text: r.printed_text,
    file: r.source_path,
    loc: r.loc,
    document_sha256: r.document_sha256,
    corrected_value: '',
    reason: '',
    reviewer: '',
  }));
}

async function workbook(rows: ReviewRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xxgk';
  const ws = wb.addWorksheet('review', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  ws.columns = REVIEW_COLUMNS.map(([key]) => ({ header: key, key, width: key === 'detail' ? 60 : key === 'document_sha256' ? 20 : key === 'label_zh' ? 36 : 14 }));
  ws.getRow(1).font = { bold: true };
  // every cell is written as a string or a number, never a formula (exceljs writes formulas only
  // from { formula } objects): names and printed text stay inert
  for (const r of rows) ws.addRow(r);
  const yellow: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  REVIEW_COLUMNS.forEach(([, , who], i) => {
    if (who !== 'reviewer') return;
    const col = ws.getColumn(i + 1);
    col.eachCell({ includeEmpty: true }, (c, n) => {
      if (n === 1) return;
      c.fill = yellow;
      c.numFmt = '@'; // typed as text, so that "/" or "-" stays what was typed
    });
    ws.getCell(1, i + 1).fill = yellow;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REVIEW_COLUMNS.length } };
  const help = wb.addWorksheet('说明');
  help.columns = [
    { header: 'column', key: 'c', width: 18 },
    { header: '含义', key: 'm', width: 80 },
    { header: 'filled by', key: 'w', width: 10 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [c, m, w] of REVIEW_COLUMNS) help.addRow({ c, m, w });
  help.addRow({});
  help.addRow({ c: 'then', m: '填好 corrected_value（及 reason、reviewer）后运行：xxgk correct review.xlsx' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: ReviewRow[]): string {
  const keys = REVIEW_COLUMNS.map(([k]) => k);
  const text = (v: string | number) => (typeof v === 'number' ? String(v) : neutraliseFormula(v));
  return stringify([keys, ...rows.map((r) => keys.map((k) => text(r[k])))], { bom: true, record_delimiter: '\n' });
}

export async function runReview(o: ReviewOptions): Promise<{ rows: number; reports: number }> {
  const db = await openRead(o.db);
  let rows: ReviewRow[];
  try {
    rows = await queueRows(db, o);
  } finally {
    db.close();
  }
  fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
  fs.writeFileSync(o.out, /\.csv$/iu.test(o.out) ? csv(rows) : await workbook(rows));
  return { rows: rows.length, reports: new Set(rows.map((r) => `${r.body}|${r.year}`)).size };
}
