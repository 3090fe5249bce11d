// Table 2 damaged as crawls and the fuzz harness (`npm run fuzz`, also with `--dir` over the made
// layouts) damage it. A row label the extractor cannot read (a misspelling, a garbled character)
// loses that row: it must be flagged row_not_found, never vanish as if the report had no such row.
// A cell that vanished leaves fewer numbers than columns: flagged, never made up by splitting a
// number into digits.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { CORPUS, MADE, extractEdited, reasons, silentlyLost } from './helpers.ts';

const read = (file: string, edit: (s: string) => string = (s) => s) => {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const changed = edit(text);
  expect(changed).not.toBe(text); // the edit applies to this report
  return extractBytes(file, new TextEncoder().encode(changed));
};

describe('a garbled row label in table 2', () => {
  it('the last row (行政事业性费, 收 lost), with the block caption before it: flagged, the other rows kept', async () => {
    const file = 'pingtan-zrz_2022_1.txt';
    const whole = await read(file, (s) => s + ' ');
    const r = await read(file, (s) => s.replace('行政事业性收费', '行政事业性费'));
    expect(whole.t2.admin_fees?.fee_amount_wan_yuan?.value).toBe(0);
    expect(r.t2.admin_fees).toBeUndefined();
    expect(reasons(r, 't2.admin_fees.fee_amount_wan_yuan')).toEqual(['row_not_found']);
    expect(r.t2.admin_coercion).toEqual(whole.t2.admin_coercion);
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('the last row with its caption garbled too (笾二十条, 行政事业怔收费): the block header 信息内容 still says the table goes on', async () => {
    const file = 'unknown-szfgs_2024_fragment.txt';
    const whole = await read(file, (s) => s + ' ');
    const r = await read(file, (s) => s.replace('第二十条 第（八）项', '笾二十条 第（八）项').replace('行政事业性收费', '行政事业怔收费'));
    expect(whole.t2.admin_fees?.fee_amount_wan_yuan?.value).toBe(96171.6);
    expect(reasons(r, 't2.admin_fees.fee_amount_wan_yuan')).toEqual(['row_not_found']);
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('the last row of a page that prints no later block (行政强制 with a character broken): flagged by the numbers after it', async () => {
    // a real department page of 2020 whose table 2 ends with 行政强制 (12, 0, 21), one cell per line
    const file = path.join(path.dirname(CORPUS), 'real/hengnan-wsjkj-2020-excerpt.txt');
    for (const damage of ['\u0001', '\ufffd', '■']) {
      const { whole, edited } = await extractEdited(file, (s) => s.replace('行政强制', `行政强${damage}制`));
      expect(whole.t2.admin_coercion?.decisions?.value).toBe(21);
      expect(edited.t2.admin_coercion, JSON.stringify(damage)).toBeUndefined();
      for (const col of ['prev_year_items', 'items_change', 'decisions']) expect(reasons(edited, `t2.admin_coercion.${col}`)).toEqual(['row_not_found']);
      expect(edited.t2.admin_penalty).toEqual(whole.t2.admin_penalty);
      expect(silentlyLost(whole, edited)).toEqual([]);
    }
    // the page as printed (no block after 行政强制) flags nothing of the blocks it does not print
    const { whole } = await extractEdited(file, (s) => s + ' ');
    expect(reasons(whole, 't2.admin_fees')).toEqual([]);
  });

  it('the first row (徢章000 before 行政规范性文件): flagged, not read by position as an unlabelled 规章 would be', async () => {
    const file = 'pingtan-zrz_2022_1.txt';
    const whole = await read(file, (s) => s + ' ');
    const r = await read(file, (s) => s.replace('规章000', '徢章000'));
    expect(whole.t2.regulations?.issued?.value).toBe(0);
    expect(r.t2.regulations).toBeUndefined();
    for (const col of ['issued', 'repealed', 'in_force']) expect(reasons(r, `t2.regulations.${col}`)).toEqual(['row_not_found']);
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('the whole first block (both labels garbled): 规章 is flagged with 行政规范性文件, not taken as left out', async () => {
    const file = 'pingtan-zrz_2022_1.txt';
    const whole = await read(file, (s) => s + ' ');
    const r = await read(file, (s) => s.replace('规章000行政规范性文件', '徢章000行政规范徃文件'));
    expect(Object.keys(r.t2)).not.toContain('normative_docs');
    for (const row of ['regulations', 'normative_docs']) expect(reasons(r, `t2.${row}.issued`)).toEqual(['row_not_found']);
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('a report that prints no 规章 row and ends table 2 at 行政事业性收费 gets no row_not_found', async () => {
    const r = await read('pingtan-zrz_2022_1.txt', (s) => s.replace('规章000', ''));
    expect(r.flags.filter((f) => f.reason === 'row_not_found')).toEqual([]);
  });
});

describe('a table 2 cell that vanished from a spaced dump', () => {
  const made = (file: string, from: string, to: string) => {
    const text = fs.readFileSync(path.join(MADE, 'layouts', file), 'utf8');
    expect(text).toContain(from);
    return extractBytes(file, new TextEncoder().encode(text.replace(from, to)));
  };
  it('leaves one number for two columns: flagged, never split into digits where the report glues none (45 is not 4 and 5)', async () => {
    const file = 'pingtan-zrz-2020--flipbook.txt';
    const r = await made(file, '政府集中采购 43 45 元', '政府集中采购 45 元');
    expect(r.t2.central_procurement?.procurement_items?.value ?? null).toBeNull();
    expect(r.t2.central_procurement?.procurement_amount?.value ?? null).toBeNull();
    expect(reasons(r, 't2.central_procurement.procurement_items')).toContain('ambiguous');
    // as printed, the row is read
    expect((await made(file, '政府集中采购 43 45 元', '政府集中采购 43 45 元')).t2.central_procurement?.procurement_items?.value).toBe(43);
  });
  it('still splits a glued run where the report glues its digits (a run with a leading zero: 规章000)', async () => {
    const r = await read('pingtan-zrz_2022_1.txt', (s) => s + ' ');
    expect(r.t2.regulations).toMatchObject({ issued: { value: 0 }, repealed: { value: 0 }, in_force: { value: 0 } });
  });
});

describe('table 2 read only as far as block （一）', () => {
  it('flags the rows of the other blocks instead of leaving them out (a PDF-to-Markdown dump that printed them elsewhere)', async () => {
    const text = fs.readFileSync(path.join(MADE, 'layouts/huaian-2024--pipe-row.txt'), 'utf8');
    // the blocks after （一） moved up into section 一's prose, where no table 2 is looked for
    const lines = text.split('\n');
    const head = lines.indexOf('二、主动公开政府信息情况');
    const from = lines.findIndex((l) => l.startsWith('第二十条第（五）项'));
    const to = lines.findIndex((l) => l.startsWith('三、收到和处理'));
    expect(0 < head && head < from && from < to).toBe(true);
    const moved = [...lines.slice(0, head - 1), ...lines.slice(from, to), ...lines.slice(head - 1, from), ...lines.slice(to)].join('\n');
    const r = await extractBytes('moved.txt', new TextEncoder().encode(moved));
    expect(r.t2.normative_docs?.in_force?.value).toBe(66);
    for (const key of ['admin_licensing.decisions', 'admin_penalty.decisions', 'admin_coercion.decisions', 'admin_fees.fee_amount_wan_yuan']) {
      expect(reasons(r, `t2.${key}`), key).toContain('row_not_found');
    }
  });
});

describe('a money unit on a count', () => {
  it('`45元` read as 采购项目数量 after the count\'s own cell was lost is flagged, not kept as 45 items', async () => {
    const file = path.join(MADE, 'layouts', 'pingtan-2019--cell-bar-rowopen-padline.txt');
    const { whole, edited: r } = await extractEdited(file, (s) => s.replace('政府集中采购 |\n43 |\n', '政府集中采购 |\n'));
    expect(whole.t2.central_procurement?.procurement_items?.value).toBe(43);
    expect(r.t2.central_procurement?.procurement_items?.value ?? null).toBeNull();
    expect(reasons(r, 't2.central_procurement.procurement_items')).toEqual(['ambiguous']);
  });
  it('a real page listing its purchases one by one (`政府集中采購 | 閻良區公務用車10輛 | 1530000元`): no item count of 1,530,000', async () => {
    const file = path.resolve('test/fixtures/real/openings/b036.txt');
    const r = await extractBytes(file, fs.readFileSync(file));
    expect(r.t2.central_procurement?.procurement_items?.value ?? null).toBeNull();
    expect(reasons(r, 't2.central_procurement.procurement_items')).toEqual(['ambiguous']);
  });
});

describe('a page cut short after table 2', () => {
  it('a year after the last value (`21` / `2025年`, the next date or heading cut off) is no value of the row', async () => {
    const file = path.join(MADE, 'layouts', 'pingtan-2021--cell-lines.txt');
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('行政事业性收费\n21\n');
    expect(at).toBeGreaterThan(0);
    const r = await extractBytes(file, new TextEncoder().encode(`${text.slice(0, at)}行政事业性收费\n21\n\n2025年\n`));
    expect(r.t2.admin_fees?.fee_amount_wan_yuan?.value).toBe(21);
    expect(reasons(r, 't2.admin_fees.fee_amount_wan_yuan')).toEqual([]);
  });
});

describe('a row printed on its label\'s line', () => {
  // the end of a real page opening (川主乡 2019, dazhu.gov.cn): `行政事业性收费00` and then only empty lines
  const page = (last: string) =>
    `二、主动公开政府信息情况\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n规范性文件000\n第二十条(八)项\n信息内容上一年项目数量本年增/减\n行政事业性收费${last}\n\n`;
  const read = (last: string) => extractBytes('chuanzhu.txt', new TextEncoder().encode(page(last)));
  it('the empty line after it is spacing, not its blank cell: `00` reads 0 and 0', async () => {
    const r = await read('00');
    expect([r.t2.admin_fees?.prev_year_items?.value, r.t2.admin_fees?.items_change?.value]).toEqual([0, 0]);
  });
  it('and `31` is not 31 and a blank made of that empty line', async () => {
    const r = await read('31');
    expect(r.t2.admin_fees?.items_change?.kind).not.toBe('blank');
  });
});

describe('a damaged byte in a number', () => {
  it('leaves the number unreadable (`3\ufffd`: its lost byte may have been a digit), flagged, not read as 3, and still reads the file as UTF-8', async () => {
    const file = path.join(MADE, 'layouts/pingtan-zrz-2020--cell-bar-rowopen.txt');
    const bytes = new Uint8Array(fs.readFileSync(file));
    const at = Buffer.from(bytes).indexOf('\n39 |\n') + 2; // the 9 of 行政事业性收费's 39
    const damaged = Uint8Array.from(bytes);
    damaged[at] = 0xff; // no UTF-8 byte: decoded as U+FFFD
    const whole = await extractBytes(file, bytes);
    const r = await extractBytes(file, damaged);
    expect(whole.t2.admin_fees?.prev_year_items?.value).toBe(39);
    expect(r.t2.admin_fees?.prev_year_items?.value ?? null).toBeNull();
    expect(reasons(r, 't2.admin_fees.prev_year_items').length).toBeGreaterThan(0);
    expect(silentlyLost(whole, r)).toEqual([]);
    // a control character in it likewise (`3\u00009`): neither 3 nor 9
    const text = new TextDecoder().decode(bytes).replace('\n39 |\n', '\n3\u00009 |\n');
    const ctl = await extractBytes(file, new TextEncoder().encode(text));
    expect(ctl.t2.admin_fees?.prev_year_items?.value ?? null).toBeNull();
    expect(silentlyLost(whole, ctl)).toEqual([]);
  });
});
