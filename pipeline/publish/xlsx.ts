// One workbook per year, for Excel and WPS: a 说明 cover sheet (what the workbook holds, where the
// numbers come from, what a blank means, the 2021 format change), a sheet per table, and 指标说明
// (the metric dictionary, each formula in Chinese and in cell codes). Each table sheet has the
// English codes in row 1 and the Chinese header in row 2 with the auto-filter on it, so that
// filtering and sorting never move the code row; columns as wide as their content (CJK counts
// double); ranks as numbers with the group size beside them; landscape, one page wide, header rows
// on every printed page. Written row by row (exceljs's streaming writer) and re-zipped with fixed
// dates, so the same database gives the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { REFERENCE_DIR } from '../db/common.ts';
import type { MetricInfo, Published } from './data.ts';
import { flatTable, GROUP_SIZE_ZH } from './flat.ts';
import { CORRECTED_MARK, displayValue, isCorrected } from './format.ts';
import type { Column, ColumnKind } from './tables.ts';
import { textWidth } from './width.ts';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  count: '#,##0',
  int: '#,##0',
  rank: '0',
  share: '0.0%',
  per_100: '0.00',
  money: '#,##0.00',
};

const UNIT_ZH: Record<string, string> = { count: '件（数）', share: '比例（百分比）', per_100: '每百件', wan_yuan: '万元' };

/** Widths in Excel's character units: the widest cell, a header wrapped to at most HEADER_MAX. */
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const HEADER_MAX = 12;
const LINE_PT = 15;
const CJK_FACTOR = 1.1;

export interface WorkbookInfo {
  year: number;
  groupLabel: string;
  smallN: number;
  /** the database file's name, said on the cover */
  database: string;
}

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** How wide a value prints in its format: thousands separators, percent signs. */
function shownWidth(v: unknown, c: Column): number {
  const s = displayValue(v, c.kind);
  const digits = /^-?\d+/u.exec(s)?.[0].replace('-', '').length ?? 0;
  const separators = c.kind === 'count' || c.kind === 'int' || c.kind === 'money' ? Math.floor(Math.max(0, digits - 1) / 3) : 0;
  return textWidth(s) + separators;
}

const lines = (text: string, width: number) =>
  text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / Math.max(1, width - 1))), 0);

/**
 * Landscape A4, one page wide and as many long as needed, `titleRows` repeated on every page. Given
 * when the sheet is added: the streaming writer writes the sheet's properties at once.
 */
function printOptions(titleRows: string | undefined, header: string, orientation: 'landscape' | 'portrait' = 'landscape') {
  return {
    pageSetup: {
      paperSize: 9,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(titleRows ? { printTitlesRow: titleRows } : {}),
    },
    headerFooter: { oddHeader: `&L${header.replaceAll('&', '&&')}`, oddFooter: '&C第 &P 页，共 &N 页' },
  } as Partial<ExcelJS.AddWorksheetOptions>;
}

type Writer = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>;

function tableSheet(wb: Writer, table: Published, info: WorkbookInfo) {
  const t = flatTable(table);
  const ws = wb.addWorksheet(t.zh.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }], ...printOptions('1:2', `${info.year}年 ${t.zh}`) });
  // the columns first (widths from every row, formats): the rows are written as they are added
  let headLines = 1;
  ws.columns = t.columns.map((c) => {
    const fmt = c.key === 'year' ? '0' : NUM_FMT[c.kind];
    const content = Math.max(textWidth(c.en) * 0.6, ...t.rows.map((r) => shownWidth(r[c.key], c)));
    // CJK glyphs are a little wider than two digits; + 2 for the filter button beside the header
    const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(Math.max(content, Math.min(textWidth(c.zh), HEADER_MAX)) * CJK_FACTOR) + 2));
    headLines = Math.max(headLines, lines(c.zh, (width - 2) / CJK_FACTOR));
    return { width, style: { ...(fmt ? { numFmt: fmt } : {}), ...(c.kind !== 'text' ? { alignment: { horizontal: 'right' } } : {}) } } as Partial<ExcelJS.Column>;
  });
  const codes = ws.addRow(t.columns.map((c) => c.en));
  // a long code shrinks into its column rather than widening it (shrinkToFit, below)
  codes.font = { italic: true, size: 9, color: { argb: 'FF777777' } };
  const head = ws.addRow(t.columns.map((c) => c.zh));
  head.font = { bold: true };
  head.height = headLines * LINE_PT + 4;
  t.columns.forEach((c, i) => {
    const horizontal = c.kind === 'text' ? 'left' : 'right';
    codes.getCell(i + 1).alignment = { horizontal, shrinkToFit: true };
    const h = head.getCell(i + 1);
    h.alignment = { horizontal, vertical: 'bottom', wrapText: true };
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    h.border = { bottom: { style: 'thin' } };
  });
  codes.commit();
  head.commit();
  for (const r of t.rows) {
    const row = ws.addRow(t.columns.map((c) => cellValue(r[c.key])));
    // a value computed from a corrected cell stays a number, shown with the marker (see 说明)
    t.columns.forEach((c, i) => {
      if (isCorrected(r, c.key)) row.getCell(i + 1).numFmt = `${(c.key === 'year' ? '0' : NUM_FMT[c.kind]) ?? 'General'}"${CORRECTED_MARK}"`;
    });
    row.commit();
  }
  // the filter on the Chinese header row, over every data row
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, t.rows.length + 2), column: t.columns.length } };
  ws.commit();
}

/** A sheet of label/text rows (the cover) or a small table with a header (the dictionary); committed. */
function textSheet(ws: ExcelJS.Worksheet, rows: string[][], widths: number[], headerRows: number, style: (row: ExcelJS.Row, r: number) => void = () => {}) {
  ws.columns = widths.map((w) => ({ width: w, style: { alignment: { wrapText: true, vertical: 'top' } } }) as Partial<ExcelJS.Column>);
  rows.forEach((values, i) => {
    const row = ws.addRow(values);
    const n = values.reduce((m, v, j) => Math.max(m, lines(String(v ?? ''), widths[j]!)), 1);
    // a header mixing Chinese and English words wraps at word ends: one line of slack
    row.height = (n + (i < headerRows && n > 1 ? 1 : 0)) * LINE_PT + 2;
    if (i < headerRows) row.font = { bold: true };
    style(row, i + 1);
    row.commit();
  });
}

/** Per metric, the formula in Chinese (data/reference/metric_formulas_zh.csv). */
export function chineseFormulas(): Map<string, string> {
  const rows = parse(fs.readFileSync(path.join(REFERENCE_DIR, 'metric_formulas_zh.csv'), 'utf8'), { columns: true }) as { code: string; formula_zh: string }[];
  return new Map(rows.map((r) => [r.code, r.formula_zh]));
}

function coverRows(tables: Published[], info: WorkbookInfo): string[][] {
  const quality = tables.find((t) => t.id === 'data_quality');
  const reports = quality?.rows ?? [];
  const bodies = new Set(reports.map((r) => r.body_id ?? r.body)).size;
  const formats = [...new Set(reports.map((r) => String(r.format)))].sort();
  const byFormat = formats.map((f) => `${f === 'f2021' ? '2021年格式' : f === 'f2019' ? '2019年格式' : f}（${f}）${reports.filter((r) => String(r.format) === f).length} 份`).join('，');
  const sheets = tables.map((t) => [`“${t.zh.slice(0, 31)}”`, `${t.en}：每行一个单位，按比较组排列`]);
  return [
    [`${info.year}年 政府信息公开工作年度报告 比较表`, ''],
    ['年度', `${info.year}年度报告（报告所统计的年份）`],
    ['数据来源', `各单位公开发布的《${info.year}年政府信息公开工作年度报告》，共 ${reports.length} 份，来自 ${bodies} 个单位；${byFormat || '无报告'}。每份报告的网址或文件见“数据质量”表的“来源”列。数字由 xxgk 逐格读取报告的表二、表三、表四，并用表格自身的合计关系校验（数据库 ${info.database}）。`],
    ['比较组', info.groupLabel],
    ['空白单元格', '空白表示没有可用的数值：报告中该格空白或填“/”“-”“无”，读取时无法确定（存疑，不猜测，见“数据质量”表的“存疑标记”），比率的分母为 0，或该指标不适用于该报告的格式。0 表示报告中填写的就是 0。组合项（如不予公开八项之和）只要有一项空白即为空白，从不部分求和。'],
    ['名次', `在同一比较组、同一年度内排名，1 为数值最高，数值相同者名次相同；“${GROUP_SIZE_ZH}”为该组参与排名的单位数。分母少于 ${info.smallN} 件的比率照常显示但不排名（见“说明”列）。`],
    ['2021年格式变化', '2021年度报告起，各单位按国务院办公厅政府信息公开办公室2021年印发的新格式（国办公开办函〔2021〕30号，f2021）编写：表三“（六）其他处理”拆为三项，表二的栏目改为“本年制发件数、本年废止件数、现行有效件数”等，含义与旧格式（国办公开办函〔2019〕60号，f2019）不同。这些指标在“指标说明”中标为“不可跨格式比较”：只在同一格式的报告之间排名，跨格式的同比增长为空。'],
    ['比率的单位', '比率以百分比显示，单元格中是 0–1 的数值，可直接计算；“每百件申请行政诉讼数”为每 100 件新收申请的案件数。'],
    ['代码', '每个表第 1 行为英文代码（与 CSV、Parquet 和数据库的列名一致），第 2 行为中文表头，可筛选；最后三列为年度、行政区划代码和单位代码，多年表格可直接上下拼接。'],
    ['工作表', ''],
    ...sheets,
    ['“指标说明”', '每个指标的中文名称、计算方法（中文与单元格代码）、单位和注意事项'],
  ];
}

export async function toXlsx(tables: Published[], dictionary: MetricInfo[], info: WorkbookInfo): Promise<Buffer> {
  // exceljs's streaming writer: each row is written as it is added, never the whole workbook held
  // (at 40k reports the in-memory workbook of a year took 600 MB and 8 s; issue 9); stored, not
  // deflated, as it is deflated once below
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    zip: { store: true },
    creator: 'xxgk',
    created: FIXED_DATE,
    modified: FIXED_DATE,
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  (wb as unknown as { title: string }).title = `${info.year}年政府信息公开工作年度报告比较`;

  const cover = wb.addWorksheet('说明', printOptions(undefined, `${info.year}年 说明`, 'portrait'));
  textSheet(cover, coverRows(tables, info), [18, 100], 0, (row, r) => {
    row.getCell(1).font = r === 1 ? { bold: true, size: 14 } : { bold: true };
    if (r !== 1) return;
    row.height = 24;
    // merged once the title is in A1 (merged first, the streaming writer dropped its value)
    cover.mergeCells('A1:B1');
  });
  cover.commit();

  for (const t of tables) tableSheet(wb, t, info);

  const zh = chineseFormulas();
  const head = ['指标代码 code', '中文名称', 'English name', '计算方法', 'formula (cell codes)', '单位 unit', '可跨格式比较 comparable f2019/f2021', '注意 caveats'];
  const rows = dictionary.map((m) => [m.code, m.name_zh, m.name_en, zh.get(m.code) ?? '', m.formula, UNIT_ZH[m.unit] ?? m.unit, m.comparable_across_formats ? '是 yes' : '否 no', m.caveats ?? '']);
  const widths = head.map((h, i) => Math.min(i === 3 || i === 4 || i === 7 ? 45 : MAX_WIDTH, Math.max(textWidth(h) * (i === 6 ? 0.5 : 1), ...rows.map((r) => textWidth(r[i]!))) + 2));
  const dict = wb.addWorksheet('指标说明', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }], ...printOptions('1:1', `${info.year}年 指标说明`) });
  dict.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: head.length } };
  textSheet(dict, [head, ...rows], widths, 1);
  dict.commit();
  await wb.commit();
  await ended;

  // the zip's entries carry the current time: copy them into a zip with fixed dates, deflated once
  const zin = await JSZip.loadAsync(Buffer.concat(chunks));
  const zout = new JSZip();
  for (const name of Object.keys(zin.files).sort()) {
    const f = zin.files[name]!;
    if (!f.dir) zout.file(name.replace(/^\//u, ''), await f.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return zout.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
