// Pages of one cell per line that print table 3's rows as one run of digits (`0000000` under the
// seven applicant columns: a real crawl style) and dumps whose cells each close with a bar, with
// lines of spaces between them (`       0  | `, then `      `). Both are edits of generated
// layout fixtures, checked against their gold.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEdited, judgeCells, MADE, readGold, reasons } from './helpers.ts';

const LAYOUTS = path.join(MADE, 'layouts');
// a row's label line, then its seven values each on a line of its own with an empty line after
const SEVEN_CELLS = /^((?:[一二三四五六七八九十]、|[（(][一二三四五六七八九十][)）]|\d\.)[^\n]*\n\n)((?: ?\d\n\n){7})/gmu;

describe('table 3 rows printed as one glued run on a page of one cell per line', () => {
  it('a run with one digit for each of the seven cells reads as those cells (exact), where it was flagged', async () => {
    const file = path.join(LAYOUTS, 'pingtan-2021--cell-lines-spaced.txt');
    let glued = 0;
    const { whole, edited } = await extractEdited(file, (s) =>
      s.replace(SEVEN_CELLS, (_, label: string, cells: string) => {
        glued++;
        return `${label}${cells.replace(/\s+/gu, '')}\n\n`;
      }),
    );
    expect(glued).toBeGreaterThan(5);
    const gold = readGold(file);
    expect(judgeCells(gold, whole).filter((c) => c.outcome !== 'exact')).toEqual([]);
    expect(judgeCells(gold, edited).filter((c) => c.outcome !== 'exact')).toEqual([]);
  });

  it('a run that does not split into seven cells adding up stays flagged (never a guess)', async () => {
    const file = path.join(LAYOUTS, 'pingtan-2021--cell-lines-spaced.txt');
    // 本年新收's seven values glued, then one digit more: no split adds up to its total
    const { edited } = await extractEdited(file, (s) => s.replace(/(本年新收政府信息公开申请数量\n\n)((?: ?\d+\n\n){7})/u, (_, l: string, c: string) => `${l}${c.replace(/\s+/gu, '')}9\n\n`));
    expect(edited.t3.new_received?.total?.value ?? null).toBeNull();
    expect(reasons(edited, 't3.new_received.total').length).toBeGreaterThan(0);
  });
});

describe('one cell per line, each closed by its bar, lines of spaces between the cells', () => {
  // the real crawl's shape: `| ` opens a row, each cell `       text  | `, a line of six spaces
  // after each cell, the padding of spanned cells indented (`    |||`), an empty line after the title
  const indent = (s: string) =>
    s
      .replace('\n', '\n\n')
      .split('\n')
      .map((l) => (l === '|' ? '| ' : /^[^|]+ \|$/u.test(l) ? `       ${l.slice(0, -2)}  | \n      ` : /^\|+$/u.test(l) ? `    ${l}` : l))
      .join('\n');
  it('the lines of spaces are spacing, not empty cells: every labelled cell exact', async () => {
    const file = path.join(LAYOUTS, 'pingtan-2021--cell-bar-rowopen-padline.txt');
    const { edited } = await extractEdited(file, indent);
    const gold = readGold(file);
    expect(judgeCells(gold, edited).filter((c) => c.outcome !== 'exact')).toEqual([]);
  });

  it('a page cut after two of a row\'s three cells: the row is flagged, no blank is taken from the spacing', async () => {
    const file = path.join(LAYOUTS, 'pingtan-2021--cell-bar-rowopen-padline.txt');
    // as a search excerpt ends: after 行政规范性文件's second value and the line of spaces after it
    const { edited } = await extractEdited(file, (s) => {
      const t = indent(s);
      const at = t.indexOf('行政规范性文件');
      const second = t.indexOf('  | ', t.indexOf('  | ', t.indexOf('  | ', at) + 1) + 1);
      return t.slice(0, t.indexOf('\n', t.indexOf('\n', second) + 1) + 1);
    });
    const row = judgeCells(readGold(file), edited).filter((c) => c.key.startsWith('t2.normative_docs.'));
    expect(row).toHaveLength(3);
    expect(row.filter((c) => c.outcome !== 'exact' && c.outcome !== 'flagged')).toEqual([]);
  });
});
