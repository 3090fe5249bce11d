// PDF-to-Markdown conversions of reports that nest the statistics in a larger one (the
// `markdown-converted` layout of scripts/layouts/styles.ts, seen in real 上海 conversions): the
// sections numbered anew, table 2's one-row blocks as plain lines before block （一）'s table,
// table 4 as a table per group, section 五's heading lost. Each case edits a generated fixture the
// way real conversions differ, and checks what is read, and that what is not read is flagged.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { MADE, reasons, silentlyLost } from './helpers.ts';

const DIR = path.join(MADE, 'layouts');
const read = (file: string, edit: (s: string) => string = (s) => s) => {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const changed = edit(text);
  return extractBytes(file, new TextEncoder().encode(changed));
};
const gold = (file: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${file}.gold.json`), 'utf8'));

describe('table 2 blocks printed as plain lines before block （一）', () => {
  const file = 'pingtan-2021--markdown-converted.md';
  it('are read from their lines: 行政许可 15 comes before the 规章 row in the text', async () => {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    expect(text.indexOf('行政许可 15')).toBeLessThan(text.indexOf('| 规章 |'));
    const r = await read(file);
    expect(r.t2.admin_licensing?.decisions?.value).toBe(gold(file).t2.admin_licensing.decisions);
    expect(r.t2.admin_fees?.fee_amount_wan_yuan?.value).toBe(gold(file).t2.admin_fees.fee_amount_wan_yuan);
    expect(r.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
  });
  it('a label in a sentence there is no row: 本年度办理行政许可15件，… is not read as the row, which is flagged', async () => {
    const r = await read(file, (s) => s.replace('行政许可 15', '本年度办理行政许可15件，均在法定时限内办结。'));
    expect(r.t2.admin_licensing).toBeUndefined();
    expect(reasons(r, 't2.admin_licensing.decisions')).toEqual(['row_not_found']);
  });
  it('a block whose row label is not recognised (政府集中釆购) is flagged, not lost: its caption has no row after it', async () => {
    const f = 'pingtan-2019--markdown-converted.md';
    const whole = await read(f);
    const r = await read(f, (s) => s.replace('政府集中采购', '政府集中釆购'));
    expect(whole.t2.central_procurement?.procurement_items?.value).toBe(gold(f).t2.central_procurement.procurement_items);
    expect(reasons(r, 't2.central_procurement.procurement_items')).toEqual(['row_not_found']);
    expect(silentlyLost(whole, r)).toEqual([]);
  });
});

describe('table 4 as a Markdown table per group', () => {
  const file = 'pingtan-2021--markdown-converted.md';
  it('reads the three groups across the blank lines and ### headings between them', async () => {
    const r = await read(file);
    expect(r.t4).toEqual(
      Object.fromEntries(Object.entries(gold(file).t4 as Record<string, Record<string, number>>).map(([g, cols]) => [g, Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, expect.objectContaining({ value: v })]))])),
    );
  });
  it('ends at a sub-heading after it (`（一）2024 年…`: section 五\'s heading lost), whose year is no value', async () => {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    expect(text).toMatch(/\| 0 \| 0 \| 0 \| 0 \| 0 \|\n\n（一）2024 年/u);
    const r = await read(file);
    expect(r.flags.filter((f) => f.cell.startsWith('t4'))).toEqual([]);
  });
  it('a row of empty cells (`|  |  |  |  |  |`) is five blanks, not padding', async () => {
    const f = 'shanghai-bgt-2019--markdown-converted.md';
    const text = fs.readFileSync(path.join(DIR, f), 'utf8');
    expect(text).toContain('### 行政诉讼（复议后起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| --- | --- | --- | --- | --- |\n|  |  |  |  |  |\n');
    const r = await read(f);
    for (const c of ['upheld', 'corrected', 'other', 'pending', 'total'] as const) expect(r.t4.lit_after_review?.[c]).toMatchObject({ kind: 'blank', value: null });
    expect(r.t4.review?.upheld?.value).toBe(gold(f).t4.review.upheld);
  });
});

describe('table 3 rows whose labels were printed apart from their numbers', () => {
  // a label of several lines leaves the converted table as text lines; its numbers stay a row
  const file = 'pingtan-2021--markdown-converted.md';
  const detach = (s: string) =>
    s.replace('|  |  | 7.属于行政执法案卷 |', '7.属于行政执法\n案卷\n|  |  |  |').replace('|  |  | 8.属于行政查询事项 |', '|  |  |  |');
  it('are read from the unlabelled number rows at their place, with a note', async () => {
    const r = await read(file, detach);
    const g = gold(file).t3;
    for (const row of ['denied_enforcement_file', 'denied_admin_query'] as const) {
      expect(Object.fromEntries(Object.entries(r.t3[row] ?? {}).map(([c, v]) => [c, v?.value]))).toEqual(g[row]);
      expect(r.notes.some((n) => n.startsWith(`t3.${row}: its label is printed apart`))).toBe(true);
    }
    expect(r.flags.filter((f) => f.cell.startsWith('t3'))).toEqual([]);
  });
  it('not when the unlabelled rows are fewer than the rows missing there (one was lost): flagged', async () => {
    const r = await read(file, (s) => detach(s).replace(/\|  \|  \|  \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|\n/u, ''));
    for (const row of ['denied_enforcement_file', 'denied_admin_query']) {
      expect(r.t3[row as 'denied_admin_query']?.total?.value ?? null).toBeNull();
      expect(reasons(r, `t3.${row}.total`).length).toBeGreaterThan(0);
    }
  });
  it('an unlabelled row that does not add up (6 0 0 0 0 0 7) is flagged at its place; the other is still read', async () => {
    const r = await read(file, (s) => detach(s).replace('|  |  |  | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '|  |  |  | 6 | 0 | 0 | 0 | 0 | 0 | 7 |'));
    expect(r.t3.denied_enforcement_file?.total?.value ?? null).toBeNull();
    expect(reasons(r, 't3.denied_enforcement_file.total')).toEqual(['unsatisfiable']);
    expect(r.t3.denied_admin_query?.total?.value).toBe(gold(file).t3.denied_admin_query.total);
  });
});
