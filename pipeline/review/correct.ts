// `xxgk correct FILE`: read a filled review workbook (or a CSV with the columns document_sha256,
// cell, corrected_value, reason, reviewer), check every row, store the corrections in the table and
// the corrections file, and load again so that they are applied at once. All or nothing: one bad
// row and nothing is stored, with every problem listed.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type Db, query, UserError } from '../db/duck.ts';
import { runLoad, withDb, type Log } from '../stages.ts';
import { type Correction, correctionsFile, SHA256, syncCorrections, tableCorrections, replaceTableCorrections, writeCorrectionsFile } from './file.ts';
import { cellText, type Corrected, formatProblem, isCellCode, parseCorrected } from './values.ts';
import { sqlString } from '../db/duck.ts';

const REQUIRED = ['document_sha256', 'cell', 'corrected_value'] as const;

/** One input row: where it is (for messages) and its cells by column name. */
interface InputRow {
  where: string;
  get(col: string): unknown;
}

/** A workbook cell as plain text or number; a formula is kept as such, to be refused. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v.toISOString();
  if ('formula' in v || 'sharedFormula' in v) return { formula: true };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return String(v);
}

const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? '' : String(v)).trim();

async function readXlsx(file: string): Promise<InputRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UserError(`${file}: not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = wb.getWorksheet('review') ?? wb.worksheets[0];
  if (!ws) throw new UserError(`${file}: the workbook has no sheet`);
  const header = new Map<string, number>();
  ws.getRow(1).eachCell((c, i) => header.set(text(plain(c.value)).toLowerCase(), i));
  for (const col of REQUIRED) if (!header.has(col)) throw new UserError(`${file}: sheet "${ws.name}" has no column ${col} in its first row (the columns are ${REQUIRED.join(', ')}, reason, reviewer)`);
  const rows: InputRow[] = [];
  for (let n = 2; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    rows.push({ where: `row ${n}`, get: (col) => (header.has(col) ? plain(row.getCell(header.get(col)!).value) : null) });
  }
  return rows;
}

function readCsv(file: string): InputRow[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(fs.readFileSync(file), { bom: true, columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, info: true }) as never;
  } catch (e) {
    throw new UserError(`${file}: not a readable CSV (${(e as Error).message})`);
  }
  const cols = records.length > 0 ? Object.keys(records[0]!.record) : (parse(fs.readFileSync(file), { bom: true, to_line: 1 }) as string[][])[0]?.map((x) => x.trim().toLowerCase()) ?? [];
  for (const col of REQUIRED) if (!cols.includes(col)) throw new UserError(`${file}: no column ${col} in the header (the columns are ${REQUIRED.join(', ')}, reason, reviewer)`);
  return records.map(({ record, info }) => ({ where: `line ${info.lines}`, get: (col) => record[col] ?? null }));
}

export async function readCorrectionInput(file: string): Promise<InputRow[]> {
  if (!fs.existsSync(file)) throw new UserError(`${file} does not exist`);
  if (/\.xlsx$/iu.test(file)) return readXlsx(file);
  if (/\.csv$/iu.test(file)) return readCsv(file);
  throw new UserError(`${file}: give the review workbook (.xlsx) or a .csv with the columns ${REQUIRED.join(', ')}, reason, reviewer`);
}

interface Target {
  document_id: string;
  path: string;
  format: 'f2019' | 'f2021' | null;
  t2_format: 'f2019' | 'f2021' | null;
}

export interface CorrectSummary {
  stored: number;
  replaced: number;
  redundant: string[];
  withdrawn: number;
  skipped: number;
  file: string;
}

/** Check the rows against the database; the corrections to store and the redundant ones. */
async function validate(db: Db, rows: InputRow[], now: Date) {
  const shas = [...new Set(rows.map((r) => text(r.get('document_sha256')).toLowerCase()).filter((s) => SHA256.test(s)))];
  const targets = new Map<string, Target>();
  const known = new Map<string, string>();
  if (shas.length > 0) {
    const list = `[${shas.map(sqlString).join(', ')}]`;
    for (const t of await query<Target & { sha256: string }>(
      db,
      `SELECT d.sha256, d.document_id, d.path, e.format, e.t2_format FROM documents d JOIN extractions e USING (document_id)
       WHERE list_contains(${list}, d.sha256) AND d.ingest_state <> 'removed' AND e.sha256 = d.sha256 AND e.status <> 'rejected' ORDER BY d.path`,
    )) {
      if (!targets.has(t.sha256)) targets.set(t.sha256, t);
    }
    for (const k of await query<{ sha256: string; why: string }>(
      db,
      `SELECT d.sha256, CASE WHEN d.ingest_state = 'removed' THEN 'the file ' || d.path || ' was removed'
                             WHEN e.status = 'rejected' THEN d.path || ' was rejected (' || e.error || '): it has no cells'
                             ELSE d.path || ' is not extracted yet' END AS why
       FROM documents d LEFT JOIN extractions e USING (document_id) WHERE list_contains(${list}, d.sha256)`,
    )) {
      known.set(k.sha256, k.why);
    }
  }
  const problems: string[] = [];
  const valid: { row: InputRow; c: Correction; target: Target }[] = [];
  let skipped = 0;
  for (const row of rows) {
    const raw = row.get('corrected_value');
    const sha = text(row.get('document_sha256')).toLowerCase();
    const cell = text(row.get('cell'));
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      skipped++; // a row the reviewer left alone
      continue;
    }
    if (!SHA256.test(sha)) {
      problems.push(`${row.where}: document_sha256 "${sha}" is not a sha256 (64 hex digits, as in the review workbook)`);
      continue;
    }
    const target = targets.get(sha);
    if (!target) {
      problems.push(`${row.where}: unknown document_sha256 ${sha}: ${known.get(sha) ?? 'no ingested document has this content'} (xxgk review lists each report's sha256)`);
      continue;
    }
    if (!isCellCode(cell)) {
      problems.push(`${row.where}: unknown cell code "${cell}" (codes are t3.<row>.<col>, t4.<group>.<col> and t2.<row>.<col> of format-spec §6, e.g. t3.new_received.total)`);
      continue;
    }
    const fit = formatProblem(cell, target.format, target.t2_format);
    if (fit) {
      problems.push(`${row.where}: ${fit}`);
      continue;
    }
    const parsed = parseCorrected(cell, raw && typeof raw === 'object' ? { formula: true } : raw);
    if (parsed === null) {
      skipped++;
      continue;
    }
    if ('error' in parsed) {
      problems.push(`${row.where}: ${parsed.error}`);
      continue;
    }
    valid.push({
      row,
      target,
      c: {
        document_sha256: sha,
        cell,
        corrected: parsed as Corrected,
        original_value: '',
        reason: text(row.get('reason')),
        reviewer: text(row.get('reviewer')),
        document_path: target.path,
        corrected_at: now,
      },
    });
  }
  return { problems, valid, skipped };
}

export async function runCorrect(dbFile: string, input: string, log: Log): Promise<CorrectSummary> {
  const rows = await readCorrectionInput(input);
  const file = correctionsFile(dbFile);
  const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
  try {
    return await withDb(dbFile, log, async (db) => {
      await syncCorrections(db); // the table as the file has it (the file is what a load applies)
      const { problems, valid, skipped } = await validate(db, rows, new Date());
      if (problems.length > 0) {
        throw new UserError(`${input}: nothing was corrected; ${problems.length} row${problems.length === 1 ? '' : 's'} cannot be applied:\n  ${problems.join('\n  ')}`);
      }
      const current = new Map((await tableCorrections(db)).map((c) => [`${c.document_sha256} ${c.cell}`, c]));
      const summary: CorrectSummary = { stored: 0, replaced: 0, redundant: [], withdrawn: 0, skipped, file };
      for (const { row, c, target } of valid) {
        const [t, r, col] = c.cell.split('.');
        const [x] = await query<{ value: number | null; cell_kind: string }>(
          db,
          `SELECT value, cell_kind FROM extracted_cells WHERE document_id = $1 AND table_code = $2 AND row_code = $3 AND col_code = $4`,
          [target.document_id, t, r, col],
        );
        c.original_value = x ? cellText(x.value, x.cell_kind) : '';
        const key = `${c.document_sha256} ${c.cell}`;
        if (x && x.cell_kind === c.corrected.kind && (x.value === null ? c.corrected.value === null : Number(x.value) === c.corrected.value)) {
          const had = current.delete(key);
          if (had) summary.withdrawn++;
          summary.redundant.push(`${row.where}: redundant: ${c.cell} of ${target.path} already reads ${c.corrected.text}${had ? ' (an earlier correction of it is withdrawn)' : ''}; nothing stored`);
          continue;
        }
        if (current.has(key)) summary.replaced++;
        else summary.stored++;
        current.set(key, c);
      }
      const all = [...current.values()];
      await replaceTableCorrections(db, all);
      writeCorrectionsFile(file, all);
      await runLoad(db, log); // applied at once: cells, checks, metrics, published tables
      return summary;
    });
  } catch (e) {
    // the database is as it was (the transaction rolled back): so is the file
    if (before === null) fs.rmSync(file, { force: true });
    else if (!fs.existsSync(file) || !fs.readFileSync(file).equals(before)) fs.writeFileSync(file, before);
    throw e;
  }
}
