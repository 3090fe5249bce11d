// One workbook per year: a sheet per table, Chinese headers with the English code beneath,
// frozen header rows, number and percent formats. Re-zipped with fixed dates so that the same
// database always gives a byte-identical file.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { MetricInfo, Published } from './data.ts';
import { CORRECTED_MARK, isCorrected } from './format.ts';
import type { ColumnKind } from './tables.ts';

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  count: '#,##0',
  int: '#,##0',
  share: '0.0%',
  per_100: '0.00',
  money: '#,##0.00',
};

function cellValue(v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export async function toXlsx(tables: Published[], dictionary: MetricInfo[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xxgk';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.zh.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
    ws.addRow(t.columns.map((c) => c.zh)).font = { bold: true };
    ws.addRow(t.columns.map((c) => c.en)).font = { italic: true, color: { argb: 'FF666666' } };
    const marked: [number, number, string][] = [];
    for (const r of t.rows) {
      const row = ws.addRow(t.columns.map((c) => cellValue(r[c.key])));
      t.columns.forEach((c, i) => {
        // a value computed from a corrected cell stays a number, shown with the marker
        if (isCorrected(r, c.key)) marked.push([row.number, i + 1, `${NUM_FMT[c.kind] ?? 'General'}"${CORRECTED_MARK}"`]);
      });
    }
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      const fmt = NUM_FMT[c.kind];
      if (fmt) col.numFmt = fmt;
      col.width = Math.min(40, Math.max(10, c.zh.length * 2 + 2));
    });
    for (const [r, c, fmt] of marked) ws.getCell(r, c).numFmt = fmt;
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: t.columns.length } };
  }
  const dict = wb.addWorksheet('指标说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  dict.addRow(['指标代码 code', '中文名称', 'English name', '定义 formula', '单位 unit', '可跨格式比较 comparable f2019/f2021', '注意 caveats']).font = { bold: true };
  for (const m of dictionary) dict.addRow([m.code, m.name_zh, m.name_en, m.formula, m.unit, m.comparable_across_formats ? '是 yes' : '否 no', m.caveats ?? '']);
  dict.columns.forEach((c) => (c.width = 30));

  // exceljs stamps each zip entry with the current time: copy the entries into a zip with fixed dates
  const zin = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const zout = new JSZip();
  for (const name of Object.keys(zin.files).sort()) {
    const f = zin.files[name]!;
    if (!f.dir) zout.file(name, await f.async('uint8array'), { date: FIXED_DATE, createFolders: false });
  }
  return zout.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
