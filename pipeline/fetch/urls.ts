// The input list: a CSV with a header row naming at least `url`, and optionally `body` (the body
// that publishes the report) and `year` (the report's year). Blank lines and duplicate URLs are
// dropped; a bad row is a usage error that names its line.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UserError } from '../db/common.ts';

export interface UrlRow {
  url: string;
  body: string | null;
  year: number | null;
  line: number;
}

export function parseUrlsCsv(text: string, name = 'the CSV'): UrlRow[] {
  const records = parse(text.replace(/^\uFEFF/u, ''), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as {
    record: Record<string, string | undefined>;
    info: { lines: number };
  }[];
  if (records.length > 0 && !('url' in records[0]!.record)) throw new UserError(`${name} has no "url" column (columns: url, and optionally body, year)`);
  const rows: UrlRow[] = [];
  const seen = new Set<string>();
  for (const { record, info } of records) {
    const raw = record.url ?? '';
    if (raw === '') continue;
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new UserError(`${name} line ${info.lines}: "${raw}" is not a URL`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UserError(`${name} line ${info.lines}: only http and https URLs are fetched ("${raw}")`);
    u.hash = '';
    const yr = record.year ?? '';
    if (yr !== '' && !/^(?:19|20)\d\d$/u.test(yr)) throw new UserError(`${name} line ${info.lines}: year must be a four-digit year ("${yr}")`);
    if (seen.has(u.href)) continue;
    seen.add(u.href);
    rows.push({ url: u.href, body: record.body || null, year: yr === '' ? null : Number(yr), line: info.lines });
  }
  return rows;
}

export function readUrlsCsv(file: string): UrlRow[] {
  if (!fs.existsSync(file)) throw new UserError(`${file} does not exist (a CSV with a url column, optionally body and year)`);
  return parseUrlsCsv(fs.readFileSync(file, 'utf8'), file);
}
