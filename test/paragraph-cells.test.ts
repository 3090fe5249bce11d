// One cell per paragraph with each empty cell printed as one more empty line (readers/text.ts,
// collapsedCell): `12` / `` / `` … / `12` is 12, empty cells, 12. Real pages of this class
// (兴化市大营镇 2023, 榆阳区驼峰路街道 2020) left every row with a blank cell flagged.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { randomReport } from '../scripts/layouts/reports.ts';
import { renderStyle } from '../scripts/layouts/styles.ts';
import { reportHtml } from '../scripts/layouts/template.ts';
import { type Gold, MADE, extractEdited, judgeCells, readGold } from './helpers.ts';

const STYLE = 'cell-paragraphs-collapsed';
const page = (seed: number) => {
  const report = randomReport(seed, 'f2021', true);
  const gold: Gold = { file: 'r.txt', issuer: report.issuer, year: report.year, format: 'f2021', t2: report.t2, t3: report.t3, t4: report.t4 };
  return { text: renderStyle(STYLE, reportHtml(report)), gold };
};
const read = async (text: string, gold: Gold) => judgeCells(gold, await extractBytes('r.txt', new TextEncoder().encode(text)));

describe('empty cells printed as empty paragraphs', () => {
  it('are read as the empty cells between the numbers, every labelled cell exact', async () => {
    const { text, gold } = page(1003);
    // the page has rows with blank cells, printed as runs of more than one empty line
    expect(text).toMatch(/\n\d+\n\n\n+\d+\n/u);
    const cells = await read(text, gold);
    expect(cells.filter((c) => c.want === null).length).toBeGreaterThan(10);
    expect(cells.filter((c) => c.outcome !== 'exact')).toEqual([]);
  });

  it('are not counted where the page leaves two empty lines between filled cells: the extra line is spacing', async () => {
    const { text, gold } = page(1004);
    // every empty line doubled: a row of filled cells now has more empty lines than cells
    const cells = await read(text.replace(/\n\n/gu, '\n\n\n'), gold);
    expect(cells.filter((c) => c.outcome === 'wrong' || c.outcome === 'missing')).toEqual([]);
  });

  it('are not counted after a number broken over two lines (`25` / `8`): that row is flagged, not read as 25 and 8', async () => {
    const { text, gold } = page(1003);
    // the first table 3 value of two or more digits, followed by a line of its own and empty lines
    const m = /\n(\d)(\d+)\n\n\n/u.exec(text.slice(text.indexOf('本年新收')));
    expect(m).not.toBeNull();
    const at = text.indexOf('本年新收') + m!.index;
    const broken = `${text.slice(0, at)}\n${m![1]}\n${m![2]}\n\n\n${text.slice(at + m![0].length)}`;
    const cells = await read(broken, gold);
    expect(cells.filter((c) => c.outcome === 'wrong' || c.outcome === 'missing')).toEqual([]);
    expect(cells.filter((c) => c.outcome === 'flagged').length).toBeGreaterThan(0);
  });

  it('are not read where the page prints its empty cells (`&nbsp;` lines): a cell whose text was lost is no two blanks', async () => {
    // table 4 of a made layout, 5 _ _ 2 7 | 8 _ _ 1 9 | _ _ _ _ _ with each _ an `&nbsp;` line, its 8
    // emptied (the fuzz harness's cell drop): that row is one cell short and flagged, not shifted.
    // (Where empty cells are empty paragraphs the same loss still reads as two blanks: see the notes.)
    for (const name of ['shanghai-bgt-2019--cell-lines-spaced.txt']) {
      const file = path.join(MADE, 'layouts', name);
      const { whole, edited } = await extractEdited(file, (s) => {
        const t4 = s.indexOf('四、政府信息公开行政复议');
        return s.slice(0, t4) + s.slice(t4).replace(/\n8\n/u, '\n\n');
      });
      expect(whole.t4.lit_direct?.total?.value, name).toBe(9);
      const cells = judgeCells(readGold(file), edited);
      expect(cells.filter((c) => c.outcome === 'wrong'), name).toEqual([]);
      expect(edited.t4.lit_direct?.total?.value ?? null, name).toBeNull();
      expect(edited.flags.some((f) => f.cell.startsWith('t4.lit_direct')), name).toBe(true);
    }
  });
});
