// A dump of one cell per line sometimes prints a row's label and its first value on one line
// (`（一）予以公开 | 258 |`, then the other cells one per line, as a real crawl of a district
// office's page did). The cells after the label's line are the rest of that row, not text after
// the table.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MADE, extractEdited, judgeCells, readGold } from './helpers.ts';

// a label line (`label |`) and the value line after it (`258 |`) joined into one
const JOIN = /^([^\n|]*\p{Script=Han}[^\n|]*) \|\n(\d+ \|)$/gmu;

describe('a label line that carries the first value of its row', () => {
  for (const name of ['shanghai-bgt-2019--cell-bar.txt', 'longgang-2022--cell-bar.txt']) {
    it(`reads every cell of ${name} with each label joined to its first value`, async () => {
      const file = path.join(MADE, 'layouts', name);
      const { whole, edited } = await extractEdited(file, (s) => s.replace(JOIN, '$1 | $2'));
      const gold = readGold(file);
      const notExact = (r: typeof whole) => judgeCells(gold, r).filter((c) => c.outcome !== 'exact');
      expect(notExact(whole)).toEqual([]);
      expect(notExact(edited)).toEqual([]);
    });
  }
});
