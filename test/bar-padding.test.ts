// A text dump's `||` (bars with nothing between them) is a spanned cell's padding, not a cell. A
// row that prints fewer values than its cells and then only such padding (`| 0 | ||||||||`, seen
// on a real crawl of a township's page) cannot say which cells its values are: flagged, not read
// as its first cells followed by blanks.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T3_COLS } from '../pipeline/codes.ts';
import { MADE, extractEdited, readGold, reasons, valuesOf } from './helpers.ts';

const FILE = path.join(MADE, 'layouts/longgang-2022--pipe-row-padded.txt');
const ROW = /^(一、本年新收政府信息公开申请数量) \| 489 \| 51 \| 0 \| 0 \| 8 \| 4 \| 552 \| \|\|$/mu;

describe('bar padding after a row\'s values', () => {
  it('leaves a row of one value and `||` padding blank, with a flag on each of its cells', async () => {
    const { whole, edited } = await extractEdited(FILE, (s) => s.replace(ROW, '$1 | 489 | ||||||||'));
    expect(whole.t3.new_received?.natural_person?.value).toBe(489);
    for (const col of T3_COLS) {
      expect(edited.t3.new_received?.[col]?.value ?? null, col).toBeNull();
      expect(reasons(edited, `t3.new_received.${col}`), col).toContain('ambiguous');
    }
    // the rest of the table is read as before
    const { new_received: _a, ...restWhole } = whole.t3;
    const { new_received: _b, ...restEdited } = edited.t3;
    expect(valuesOf(restEdited)).toBe(valuesOf(restWhole));
    expect(whole.t3.carried_over?.total?.value).toBe(readGold(FILE).t3.carried_over!.total);
  });

  it('still reads printed empty cells (`| 489 | | | | | | |`) as the row\'s blanks', async () => {
    const { edited } = await extractEdited(FILE, (s) => s.replace(ROW, '$1 | 489 | | | | | | |'));
    expect(edited.t3.new_received?.natural_person?.value).toBe(489);
    for (const col of T3_COLS.slice(1)) expect(edited.t3.new_received?.[col]?.value ?? null, col).toBeNull();
  });

  // a real district office page (2022) of one cell per line, rows opened by a lone `|`, each row's
  // last value followed by its span's padding (`8 | |||||||||`)
  const REAL = path.join(path.dirname(MADE), 'real/hanyang-2022-cut-t3-excerpt.txt');

  it('flags a row that lost a value line instead of moving its last value into the padding\'s column', async () => {
    const lost = (s: string, row: string, n: number) => {
      const lines = s.split('\n');
      const at = lines.findIndex((l) => l.startsWith(row));
      lines.splice(at + n, 1);
      return lines.join('\n');
    };
    const { whole, edited } = await extractEdited(REAL, (s) => lost(s, '一、本年新收', 3));
    expect(whole.t3.new_received?.natural_person?.value).toBe(8);
    expect(whole.t3.new_received?.other_org?.value).toBe(0);
    expect(edited.t3.new_received?.other_org?.value ?? null).toBeNull();
    expect(reasons(edited, 't3.new_received.other_org')).toContain('ambiguous');
    // table 2 the same way: 行政规范性文件 lost its `12 |`, and the lone `|` opening the next block's caption is no cell of it
    const t2 = await extractEdited(REAL, (s) => lost(s, '行政规范性文件', 2));
    expect(t2.whole.t2.normative_docs?.repealed?.value).toBe(12);
    expect(t2.edited.t2.normative_docs?.repealed?.value ?? null).toBeNull();
    expect(reasons(t2.edited, 't2.normative_docs.repealed')).toContain('ambiguous');
  });
});
