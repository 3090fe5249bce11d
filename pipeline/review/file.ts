// The corrections file (<database folder>/corrections.csv, data/corrections.csv by default): the
// plain, git-keepable copy of the `corrections` table. A load reads it (the file wins), so that a
// fresh database built from the same inputs gets the same corrections; `xxgk correct` writes it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { insertRows } from '../db/append.ts';
import { type Db, query, UserError } from '../db/duck.ts';
import { neutraliseFormula } from '../publish/format.ts';
import { type Corrected, isCellCode, parseCorrected } from './values.ts';

/** The columns of the file; the first five are also what `xxgk correct FILE.csv` reads. */
export const FILE_COLUMNS = ['document_sha256', 'cell', 'corrected_value', 'reason', 'reviewer', 'original_value', 'document_path', 'corrected_at'] as const;

export interface Correction {
  document_sha256: string;
  cell: string;
  corrected: Corrected;
  /** the extracted cell when the correction was made (cellText), '' when it was not read */
  original_value: string;
  reason: string;
  reviewer: string;
  document_path: string;
  corrected_at: Date;
}

export const correctionsFile = (dbPath: string) => path.join(path.dirname(path.resolve(dbPath)), 'corrections.csv');

export const SHA256 = /^[0-9a-f]{64}$/u;

/** Free text as written to the file: formula-safe for a spreadsheet, and read back as it was. */
const safeText = (s: string) => neutraliseFormula(s);
const unsafeText = (s: string) => (/^'[=+\-@\t\r]/u.test(s) ? s.slice(1) : s);

export function readCorrectionsFile(file: string): Correction[] {
  let records: Record<string, string>[];
  try {
    records = parse(fs.readFileSync(file), { bom: true, columns: true, skip_empty_lines: true, trim: false }) as Record<string, string>[];
  } catch (e) {
    throw new UserError(`${file}: not a readable CSV (${(e as Error).message})`);
  }
  const problems: string[] = [];
  const out: Correction[] = [];
  records.forEach((r, i) => {
    const line = i + 2; // the header is line 1
    const sha = (r.document_sha256 ?? '').trim().toLowerCase();
    const cell = (r.cell ?? '').trim();
    if (!SHA256.test(sha)) return problems.push(`line ${line}: document_sha256 "${sha}" is not a sha256 (64 hex digits)`);
    if (!isCellCode(cell)) return problems.push(`line ${line}: unknown cell code "${cell}"`);
    const c = parseCorrected(cell, r.corrected_value);
    if (c === null) return problems.push(`line ${line}: ${cell} has no corrected_value`);
    if ('error' in c) return problems.push(`line ${line}: ${c.error}`);
    const at = new Date(r.corrected_at ?? '');
    out.push({
      document_sha256: sha,
      cell,
      corrected: c,
      original_value: r.original_value ?? '',
      reason: unsafeText(r.reason ?? ''),
      reviewer: unsafeText(r.reviewer ?? ''),
      document_path: unsafeText(r.document_path ?? ''),
      corrected_at: Number.isNaN(at.getTime()) ? new Date(0) : at,
    });
  });
  if (problems.length > 0) throw new UserError(`${file} has rows that cannot be applied (fix or remove them):\n  ${problems.join('\n  ')}`);
  // one correction per document content and cell: the latest wins
  const latest = new Map<string, Correction>();
  for (const c of out) {
    const k = `${c.document_sha256} ${c.cell}`;
    const had = latest.get(k);
    if (!had || had.corrected_at <= c.corrected_at) latest.set(k, c);
  }
  return [...latest.values()];
}

/** Written whole to a temporary file and renamed: a killed write leaves the previous file. */
export function writeCorrectionsFile(file: string, rows: Correction[]): void {
  const sorted = [...rows].sort((a, b) => (a.document_path + a.cell < b.document_path + b.cell ? -1 : a.document_path + a.cell > b.document_path + b.cell ? 1 : 0));
  const body = stringify(
    [
      [...FILE_COLUMNS],
      ...sorted.map((c) => [c.document_sha256, c.cell, c.corrected.text, safeText(c.reason), safeText(c.reviewer), c.original_value, safeText(c.document_path), c.corrected_at.toISOString()]),
    ],
    { bom: true, record_delimiter: '\n' },
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, body);
  fs.renameSync(tmp, file);
}

const TABLE_COLUMNS = ['document_sha256', 'cell', 'original_value', 'corrected_value', 'corrected_kind', 'corrected_text', 'reason', 'reviewer', 'document_path', 'corrected_at'] as const;

export async function tableCorrections(db: Db): Promise<Correction[]> {
  const rows = await query<Record<(typeof TABLE_COLUMNS)[number], string | number | Date | null>>(db, `SELECT ${TABLE_COLUMNS.join(', ')} FROM corrections`);
  return rows.map((r) => ({
    document_sha256: String(r.document_sha256),
    cell: String(r.cell),
    corrected: { kind: r.corrected_kind as Corrected['kind'], value: r.corrected_value === null ? null : Number(r.corrected_value), text: String(r.corrected_text) },
    original_value: String(r.original_value ?? ''),
    reason: String(r.reason ?? ''),
    reviewer: String(r.reviewer ?? ''),
    document_path: String(r.document_path ?? ''),
    corrected_at: r.corrected_at instanceof Date ? r.corrected_at : new Date(String(r.corrected_at)),
  }));
}

export async function replaceTableCorrections(db: Db, rows: Correction[]): Promise<void> {
  await db.conn.run('DELETE FROM corrections');
  await insertRows(
    db,
    'corrections',
    rows.map((c) => ({
      document_sha256: c.document_sha256,
      cell: c.cell,
      original_value: c.original_value,
      corrected_value: c.corrected.value,
      corrected_kind: c.corrected.kind,
      corrected_text: c.corrected.text,
      reason: c.reason,
      reviewer: c.reviewer,
      document_path: c.document_path,
      corrected_at: c.corrected_at,
    })),
  );
}

/**
 * At every load: the file, when there is one, is what the table holds (a line deleted from it is a
 * correction withdrawn); without a file, a table that holds corrections writes it again.
 */
export async function syncCorrections(db: Db): Promise<{ file: string; rows: number }> {
  const file = correctionsFile(db.path);
  if (fs.existsSync(file)) {
    const rows = readCorrectionsFile(file);
    await replaceTableCorrections(db, rows);
    return { file, rows: rows.length };
  }
  const rows = await tableCorrections(db);
  if (rows.length > 0) writeCorrectionsFile(file, rows);
  return { file, rows: rows.length };
}

/** A hash of the corrections file for the load's fingerprint ('' when there is none). */
export function correctionsHash(dbPath: string): string {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(correctionsFile(dbPath))).digest('hex').slice(0, 16);
  } catch {
    return '';
  }
}
