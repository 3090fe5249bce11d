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
});
