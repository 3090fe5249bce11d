// A table 2 block that prints fewer columns than its format (a real 2020 report cut the 2019
// block （五） to `信息内容 | 项目数量 | 处理决定数量` and （六） to `处理决定数量`): each value goes
// under the column its header names, never into the format's first columns. Edits of a
// generated f2019 fixture, checked against its gold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEdited, judgeCells, MADE, readGold, reasons } from './helpers.ts';

const FILE = path.join(MADE, 'layouts', 'pingtan-2019--pipe-row.txt');
const cut = (s: string) =>
  s
    // block （五）: a count of items and the decisions
    .replace('信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 15 | +1 | 19 |\n其他对外管理服务事项 | 21 | +1 | 0 |', '信息内容 | 项目数量 | 处理决定数量 |\n行政许可 | 16 | 19 |\n其他对外管理服务事项 | 22 | 0 |')
    // block （六）: the decisions only
    .replace('信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政处罚 | 27 | +1 | 31 |\n行政强制 | 0 | +1 | 37 |', '信息内容 | 处理决定数量 |\n行政处罚 | 31 |\n行政强制 | 37 |');

describe('table 2 blocks with fewer columns than the format', () => {
  it('reads each value under the column its header names; the columns it does not print are absent', async () => {
    const { whole, edited } = await extractEdited(FILE, cut);
    expect(whole.t2.admin_penalty).toMatchObject({ prev_year_items: { value: 27 }, decisions: { value: 31 } });
    for (const [row, decisions] of [['admin_licensing', 19], ['other_external_services', 0], ['admin_penalty', 31], ['admin_coercion', 37]] as const) {
      const cells = edited.t2[row]!;
      expect(cells.decisions?.value).toBe(decisions);
      // 项目数量 is not 上一年项目数量: no code takes it
      expect(cells.prev_year_items).toBeUndefined();
      expect(cells.items_change).toBeUndefined();
    }
    expect(edited.notes.some((n) => n.startsWith('t2.admin_penalty: its block\'s header prints 1 of the format\'s 3 columns'))).toBe(true);
    // the blocks printed whole are read as before
    expect(edited.t2.regulations).toMatchObject({ newly_made: { value: 3 }, newly_published: { value: 3 }, published_total: { value: 12 } });
  });

  it('a row that does not print one value for each header cell is flagged, not read by position', async () => {
    const { edited } = await extractEdited(FILE, (s) => cut(s).replace('行政许可 | 16 | 19 |', '行政许可 | 16 | 19 | 4 |'));
    expect(edited.t2.admin_licensing?.decisions?.value ?? null).toBeNull();
    expect(reasons(edited, 't2.admin_licensing.decisions')).toContain('ambiguous');
  });

  it('a header that lost one of its cells (its line deleted) leaves every cell of its rows flagged or exact, none lost or wrong', async () => {
    const file = path.join(MADE, 'layouts', 'pingtan-2019--cell-bar.txt');
    // block （五）'s 本年增/减: the first of the file's header cells of that name
    const { edited } = await extractEdited(file, (s) => s.replace('本年增/减 |\n', ''));
    const cells = judgeCells(readGold(file), edited).filter((c) => c.key.startsWith('t2.admin_licensing.') || c.key.startsWith('t2.other_external_services.'));
    expect(cells).toHaveLength(6);
    expect(cells.filter((c) => c.outcome !== 'exact' && c.outcome !== 'flagged')).toEqual([]);
  });
});
