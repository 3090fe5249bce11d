// Each reader on real bytes, and the rejections of what is not a report.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { readHtml } from '../pipeline/extract/readers/html.ts';
import { readDocument } from '../pipeline/extract/readers/index.ts';
import { readJson } from '../pipeline/extract/readers/json.ts';
import { readText } from '../pipeline/extract/readers/text.ts';
import { barCells } from '../pipeline/extract/readers/bars.ts';
import { CORPUS, MADE, extractEdited } from './helpers.ts';

describe('HTML reader', () => {
  it('expands rowspan and colspan into a rectangular grid', () => {
    const doc = readHtml('<table><tr><td rowspan="2" colspan="2">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td><td>e</td><td>f</td></tr></table>');
    const t = doc.blocks.find((b) => b.kind === 'table');
    expect(t?.kind).toBe('table');
    if (t?.kind !== 'table') return;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([['a', 'a', 'b'], ['a', 'a', 'c'], ['d', 'e', 'f']]);
    expect(t.rows.map((r) => r.map((c) => c.origin))).toEqual([[true, false, true], [false, false, true], [true, true, true]]);
  });
  it('joins a cell split over several <p> and turns &nbsp; padding into a blank cell', () => {
    const doc = readHtml('<table><tr><td><p>本年新</p><p>制作数量</p></td><td>&nbsp;</td></tr></table>');
    const t = doc.blocks[0]!;
    if (t.kind !== 'table') throw new Error('no table');
    expect(t.rows[0]!.map((c) => c.text)).toEqual(['本年新\n制作数量', '']);
  });
  it('reads report tables nested in a layout table (CMS page templates)', async () => {
    const body = fs.readFileSync(path.join(CORPUS, 'pingtan-shs_2025_1.html'), 'utf8');
    const page = `<html><body><table width="100%"><tr><td>导航</td></tr><tr><td><h1>平潭综合实验区社会事业局2025年政府信息公开工作年度报告</h1>${body}</td></tr></table></body></html>`;
    const r = await extractBytes('nested.html', new TextEncoder().encode(page));
    const direct = await extractBytes('direct.html', new TextEncoder().encode(body));
    expect(r.status).toBe('ok');
    expect(JSON.stringify(r.t3)).toBe(JSON.stringify(direct.t3));
    expect(r.t4.lit_direct?.total?.value).toBe(6);
  });
  it('decodes a GBK page declared as gb2312', async () => {
    const bytes = fs.readFileSync(path.join(MADE, 'shs-2025-gbk.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = await readDocument('x.html', bytes);
    expect(doc.titles[0]).toBe('平潭综合实验区社会事业局2025年政府信息公开工作年度报告');
  });
  it('rejects a truncated PDF instead of reading what pdf.js can recover', async () => {
    const full = fs.readFileSync(path.join(CORPUS, 'huaian-2024.pdf'));
    const r = await extractBytes('cut.pdf', full.subarray(0, Math.floor(full.length * 0.8)));
    expect(r).toMatchObject({ status: 'rejected', error: expect.stringMatching(/truncated/u) });
  });
  it('rejects a truncated download', async () => {
    const full = fs.readFileSync(path.join(MADE, 'shs-2025-gbk.html'));
    const r = await extractBytes('cut.html', full.subarray(0, Math.floor(full.length / 2)));
    expect(r.status).toBe('rejected');
    expect(r.error).toMatch(/truncated/u);
  });
});

describe('text reader', () => {
  it('reads pipe tables as grids and drops Markdown rule lines', () => {
    const doc = readText('标题: x\n| 规章 | 0 | 0 | |\n|---|---|---|---|\n| 规范性文件 | 1 | 2 | 3 |\n正文');
    const t = doc.blocks.find((b) => b.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([['规章', '0', '0', ''], ['规范性文件', '1', '2', '3']]);
    expect(doc.titles).toEqual(['x']);
  });
  it('drops page footers of PDF text', () => {
    const doc = readText('- 4 -\n行政处罚 12\n第 5 页');
    expect(doc.blocks.map((b) => (b.kind === 'text' ? b.text : ''))).toEqual(['行政处罚 12']);
  });
});

describe('JSON reader', () => {
  it('reads an HTML report stored as a JSON string with raw control characters', () => {
    const raw = fs.readFileSync(path.join(CORPUS, 'shanghai-bgt_2019_1.json'), 'utf8');
    expect(() => JSON.parse(raw)).toThrow();
    const doc = readJson(raw);
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
  });
  it('reads a JSON object whose longest string is the report', () => {
    const doc = readJson(JSON.stringify({ id: 1, body: '<p>2024年某某县人民政府政府信息公开工作年度报告</p><table><tr><td>1</td></tr></table>' }));
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });
});

describe('rejections: what is not a report is never half-read into numbers', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(), /empty/u],
    ['blank.txt', new TextEncoder().encode('   \n  \n'), /empty/u],
    ['junk.txt', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256), /binary|not a report/u],
    ['news.html', new TextEncoder().encode('<html><body><p>区政府召开政府信息公开工作会议，部署2024年工作。</p></body></html>'), /not a report/u],
    ['report.doc', new TextEncoder().encode('<html>not a word file</html>'), /not a Word \.doc/u],
    ['cut.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj <<'), /truncated download/u],
    ['broken.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << garbage\n%%EOF\n'), /not a readable PDF|no text layer/u],
    ['broken.docx', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]), /not a readable Word/u],
  ];
  for (const [name, bytes, why] of cases) {
    it(name, async () => {
      const r = await extractBytes(name, bytes);
      expect(r.status).toBe('rejected');
      expect(r.error).toMatch(why);
      expect(r.t3).toEqual({});
    });
  }
});

describe('bar dumps of HTML tables', () => {
  it('where rows open with a lone bar, the one before a label opens its row: a lost value is flagged, not made up by that bar as an empty cell', async () => {
    // (the fuzz harness: `0 |` of 行政强制 deleted left `+1 |`, `37 |`, `|`, read as 1, 37 and a blank)
    const file = path.join(MADE, 'layouts', 'shanghai-bgt-2019--cell-bar-rowopen-padline.txt');
    const { whole, edited: r } = await extractEdited(file, (s) => s.replace('行政强制 |\n0 |\n', '行政强制 |\n'));
    expect(whole.t2.admin_coercion?.items_change?.value).toBe(1);
    expect(r.t2.admin_coercion?.items_change?.value ?? null).toBeNull();
    expect(r.flags.some((f) => f.cell.startsWith('t2.admin_coercion'))).toBe(true);
  });
  it('reads the padding of spanned cells and trailing empties as weak cells', () => {
    expect(barCells('行政许可 | 0 | ||')).toEqual([
      { text: '行政许可', weak: false },
      { text: '0', weak: false },
      { text: '', weak: true, bare: true },
      { text: '', weak: true, bare: true },
    ]);
    expect(barCells('8 | |||||')!.filter((c) => !c.weak).map((c) => c.text)).toEqual(['8']);
  });
  it('keeps an empty cell between values as a real blank, and `||` inside a row as padding', () => {
    expect(barCells('| 规章 |  | 3 |')).toEqual([
      { text: '规章', weak: false },
      { text: '', weak: false },
      { text: '3', weak: false },
    ]);
    expect(barCells('a ||b |')!.map((c) => c.weak)).toEqual([false, true, false]);
    // `||` is padding, and so is the space after the last cell's bar that opens it (dumps print a
    // span's padding as ` |||`); `| |` before that is a printed empty cell
    expect(barCells('a | | ||')!.map((c) => c.bare ?? false)).toEqual([false, false, true, true]);
    expect(barCells('a | | | ||')!.map((c) => c.bare ?? false)).toEqual([false, false, false, true, true]);
  });
  it('has no cells in a Markdown rule line and none without bars', () => {
    expect(barCells('|---|:---:|')).toEqual([]);
    expect(barCells('行政许可 97')).toBeNull();
  });
  it('turns a lone bar after a value printed without its bar into nothing, after a cell into a weak blank', () => {
    const afterValue = readText('3\n|\n0\n|');
    expect(afterValue.blocks.filter((b) => b.kind === 'cells')).toEqual([]);
    const afterCell = readText('3 |\n|\n0 |');
    expect(afterCell.blocks.map((b) => (b.kind === 'cells' ? b.cells : b.kind))).toEqual([
      [{ text: '3', weak: false }],
      [{ text: '', weak: true }],
      [{ text: '0', weak: false }],
    ]);
  });
});

describe('a pipe row broken inside a cell', () => {
  // the Huai'an report as a `label | v | v |` dump, every row closed by its bar; a line break (or a
  // vertical tab, form feed or CR, which the repair turns into one) lands inside a number
  const whole = fs.readFileSync(path.join(MADE, 'layouts/huaian-2024--pipe-row.txt'), 'utf8');
  const broken = (from: string, to: string) => {
    expect(whole).toContain(from);
    return extractBytes('broken.txt', Buffer.from(whole.replace(from, to)));
  };
  it('leaves the cell unsure instead of reading the piece before the break', async () => {
    for (const cut of ['\n', '\v', '\f', '\r']) {
      const r = await broken('| 96171.6 |', `| 9617${cut}1.6 |`);
      expect(r.t2.admin_fees?.fee_amount_wan_yuan?.value ?? null).toBeNull();
      expect(r.flags.some((f) => f.cell.startsWith('t2.admin_fees'))).toBe(true);
    }
  });
  it('reads the rest of the row from the next line, its closing bar included', async () => {
    for (const rest of ['61\n | 4 | 3119 |', '61 | 4\n | 3119 |']) {
      const r = await broken('| 61 | 4 | 3119 |', `| ${rest}`);
      expect(Object.values(r.t3.new_received ?? {}).map((c) => c.value)).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
      expect(r.flags.filter((f) => f.cell.startsWith('t3.new_received'))).toEqual([]);
    }
  });
});
