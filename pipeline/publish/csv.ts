// CSV with a UTF-8 BOM, so that Excel opens the Chinese text correctly. Text cells (body names,
// group names, file names) are formula-safe: see neutraliseFormula.
import { stringify } from 'csv-stringify/sync';
import type { Published } from './data.ts';
import { CORRECTED_MARK, isCorrected, neutraliseFormula, plainValue } from './format.ts';

export function toCsv(t: Published): string {
  const header = t.columns.map((c) => `${c.zh} (${c.en})`);
  // a value computed from a corrected cell carries the marker (58†): see the notes column
  const rows = t.rows.map((r) =>
    t.columns.map((c) => (c.kind === 'text' ? neutraliseFormula(plainValue(r[c.key], c.kind)) : plainValue(r[c.key], c.kind) + (isCorrected(r, c.key) ? CORRECTED_MARK : ''))),
  );
  return stringify([header, ...rows], { bom: true, record_delimiter: '\n' });
}
