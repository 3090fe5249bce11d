// The digit-run solver and the resolution of glued rows.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellChunk, textChunks } from '../pipeline/extract/cells.ts';
import { toStream } from '../pipeline/extract/blocks.ts';
import { segment } from '../pipeline/extract/segment.ts';
import { extractTable3 } from '../pipeline/extract/table3.ts';
import { locateSections } from '../pipeline/extract/sections.ts';
import type { Stream } from '../pipeline/extract/blocks.ts';

const extractT3 = (s: Stream) => extractTable3(s, locateSections(s).t3);
import { extractTable4 } from '../pipeline/extract/table4.ts';
import { checkTable3 } from '../pipeline/extract/checks.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { EMPTY } from '../pipeline/extract/readers/pdfgrid.ts';

const read = (s: string, n: number) => segment(textChunks(s, 'test'), n).candidates.map((c) => c.map((v) => v.value));

describe('segment', () => {
  it('splits seven glued digits into seven cells', () => {
    expect(read('3000003', 7)).toEqual([[3, 0, 0, 0, 0, 0, 3]]);
  });
  it('reads "10 0 0 0 01" as 1,0,0,0,0,0,1: spaces are boundaries but not the only ones', () => {
    expect(read('10 0 0 0 01', 7)).toEqual([[1, 0, 0, 0, 0, 0, 1]]);
  });
  it('keeps space-separated multi-digit cells whole', () => {
    expect(read('3001 53 0 0 61 4 3119', 7)).toEqual([[3001, 53, 0, 0, 61, 4, 3119]]);
  });
  it('never gives a number a leading zero', () => {
    for (const c of read('230000023', 7)) for (const v of c) expect(String(v)).not.toMatch(/^0\d/u);
  });
  it('lists every reading when the digits allow several', () => {
    const got = read('640020470', 7);
    expect(got.length).toBeGreaterThan(1);
    expect(got).toContainEqual([64, 0, 0, 2, 0, 4, 70]);
  });
  it('finds no reading when there are fewer digits than cells (unsatisfiable)', () => {
    expect(read('0 00000', 7)).toEqual([]);
  });
  it('ignores spacing only when no reading respects it, and says so', () => {
    const s = segment(textChunks('01 0 1 20 0 0 0 0 0 0 0 00', 't'), 15);
    expect(s.candidates.map((c) => c.map((v) => v.value))).toContainEqual([0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('keeps a decimal and its unit on the last number of a glued run', () => {
    const got = segment(textChunks('1690.9913万元', 't'), 1).candidates;
    expect(got[0]![0]).toMatchObject({ value: 1690.9913, unit: '万元' });
  });
  it('reads markers as null values of their own kind', () => {
    const got = segment(textChunks('/ 3 -', 't'), 3).candidates[0]!;
    expect(got.map((v) => v.kind)).toEqual(['slash', 'number', 'dash']);
    expect(got.map((v) => v.value)).toEqual([null, 3, null]);
  });
});

const t3text = (rows: string) =>
  `三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${rows}`;

const ROWS_2021 = (granted: string, total: string) =>
  `一、本年新收政府信息公开申请数量 ${total}二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开${granted}（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息00000002.没有现成信息需要另行制作00000003.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请00000002.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他0000000（七）总计${total}四、结转下年度继续办理0000000`;

const t3 = (text: string) => extractT3(toStream([{ kind: 'text', text, loc: 'l1' }]));

describe('table 3 glued rows', () => {
  it('strips the next label\'s ordinal from glued zeros ("00000002.其他…")', () => {
    const r = t3(t3text(ROWS_2021('21710000218', '21710000218')));
    expect(r.format).toBe('f2021');
    expect(r.cells.denied_state_secret?.total?.value).toBe(0);
    expect(r.cells.granted?.natural_person?.value).toBe(217);
    expect(r.cells.granted?.commercial_enterprise?.value).toBe(1);
    expect(r.flags).toEqual([]);
  });
  it('joins a decimal cut by a line wrap (`192.` at a line end, `0` at the next start) into one cell', () => {
    const r = t3(t3text(ROWS_2021(' 192.\n0 0 0 0 0 0 192', ' 192 0 0 0 0 0 192 ')));
    expect(r.cells.granted?.natural_person?.value).toBe(192);
    expect(r.cells.granted?.commercial_enterprise?.value).toBe(0);
    expect(r.cells.granted?.total?.value).toBe(192);
  });
  it('flags a row of blanks after a row that took more values than its cells (a PDF label wrapped around its numbers)', () => {
    const E = EMPTY.repeat(7);
    const text = t3text(ROWS_2021('21710000218', '21710000218')).replace('2.重复申请00000003.要求提供公开出版物0000000', `2.重复申请 0 0 0 0 0 0 0\n1 0 0 0 0 0 1\n3.要求提供公开出版物${E}\n`);
    const r = t3(text);
    expect(r.cells.not_processed_publication?.natural_person).toMatchObject({ value: null, kind: 'unreadable' });
    expect(r.flags.find((f) => f.cell.startsWith('t3.not_processed_publication'))?.reason).toBe('ambiguous');
    expect(r.flags.some((f) => f.cell.startsWith('t3.not_processed_duplicate'))).toBe(true);
  });
  it('flags the first row when a line of bare numbers stands just above its label and it prints blanks the PDF layout shows', () => {
    const text = t3text(ROWS_2021('21710000218', ` 314${EMPTY}0 0 16479 0${EMPTY} `)).replace('一、本年新收', '\n 17770 34563\n一、本年新收');
    const r = t3(text);
    expect(r.cells.new_received?.natural_person).toMatchObject({ value: null, kind: 'unreadable' });
    expect(r.flags.find((f) => f.cell.startsWith('t3.new_received'))?.detail).toMatch(/line of numbers/u);
  });
  it('does not split printed runs beside a cell that cannot be read (the sum cannot confirm the split)', () => {
    const r = t3(t3text(ROWS_2021('21710000218', ' 353 l5653 0 16006 ')));
    expect(r.cells.new_received?.natural_person).toMatchObject({ value: null, kind: 'unreadable' });
    expect(r.cells.new_received?.total?.value ?? null).toBeNull();
    expect(r.flags.find((f) => f.cell.startsWith('t3.new_received'))?.reason).toBe('ambiguous');
  });
  it('resolves a row by the column identities when the row sum leaves several readings', () => {
    // "110000011" sums right as 11,0,0,0,0,0,11 and as 1,10,0,0,0,0,11; only V3.2 against
    // the spaced （七）总计 row (natural persons 11) decides
    const r = t3(t3text(ROWS_2021('110000011', '11 0 0 0 0 0 11')));
    expect(r.cells.granted?.natural_person?.value).toBe(11);
    expect(r.flags).toEqual([]);
  });
  it('leaves cells null and flags them with candidates when readings stay ambiguous', () => {
    // with （七）总计 left blank nothing decides between 11,0,… and 1,10,…
    const rows = ROWS_2021('110000011', '11 0 0 0 0 0 11').replace('（七）总计11 0 0 0 0 0 11', '（七）总计');
    const r = t3(t3text(rows));
    const byCell = Object.fromEntries(r.flags.map((f) => [f.cell, f]));
    expect(byCell['t3.granted.natural_person']?.reason).toBe('ambiguous');
    expect([...byCell['t3.granted.natural_person']!.candidates!].sort()).toEqual([1, 11]);
    expect([...byCell['t3.granted.commercial_enterprise']!.candidates!].sort()).toEqual([0, 10]);
    expect(r.cells.granted?.natural_person?.value).toBeNull();
    expect(r.cells.granted?.commercial_enterprise?.value).toBeNull();
    // the cells every reading agrees on are kept
    expect(r.cells.granted?.total?.value).toBe(11);
    expect(r.cells.granted?.research_institution?.value).toBe(0);
    expect(byCell['t3.total_handled']).toMatchObject({ reason: 'unsatisfiable' });
  });
  it('reads the 2019 layout: （六）其他处理 as the single row other_subtotal', () => {
    const rows = ROWS_2021('1000001', '1000001').replace(/（六）其他处理.*（七）总计/u, '（六）其他处理0000000（七）总计');
    const r = t3(t3text(rows));
    expect(r.format).toBe('f2019');
    expect(r.cells.other_subtotal?.total?.value).toBe(0);
    expect(r.cells.other_other).toBeUndefined();
  });
});

describe('table 4', () => {
  it('splits one glued run of 15 digits by the three group sums', () => {
    const s = toStream([{ kind: 'text', text: '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 10203120001200000 五、存在的主要问题', loc: 'l' }]);
    const r = extractTable4(s, 0);
    expect(r.cells.review).toEqual(expect.objectContaining({ upheld: expect.objectContaining({ value: 1 }), total: expect.objectContaining({ value: 3 }) }));
    expect(r.cells.lit_direct?.upheld?.value).toBe(12);
    expect(r.cells.lit_after_review?.total?.value).toBe(0);
    expect(r.flags).toEqual([]);
  });
  for (const prose of ['2022年，未有政府信息公开行政复议及行政诉讼有关情况。', '本年度被申请行政复议0件，提起行政诉讼1件。']) {
    it(`finds the table after a sentence between the heading and the table: ${prose}`, () => {
      const text = `四、政府信息公开行政复议、行政诉讼情况 ${prose} 行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0 五、存在的主要问题`;
      const r = extractTable4(toStream([{ kind: 'text', text, loc: 'l' }]), 0);
      expect(r.found).toBe(true);
      expect(r.cells.lit_direct?.upheld?.value).toBe(1);
      expect(r.cells.review?.total?.value).toBe(0);
      expect(r.flags).toEqual([]);
    });
  }
  it('reads review and litigation values printed under two separate headers', () => {
    const s = toStream([{ kind: 'text', text: '行政复议 结果维持 结果纠正 其他结果 尚未审结 总计 1 0 0 0 1 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 2 0 0 0 2 0 0 0 0 0 五、存在的主要问题 2024年', loc: 'l' }]);
    const r = extractTable4(s, 0);
    expect(r.flags).toEqual([]);
    expect(r.cells.review?.total?.value).toBe(1);
    expect(r.cells.lit_direct?.upheld?.value).toBe(2);
    expect(r.cells.lit_after_review?.total?.value).toBe(0);
  });
  it('flags the run when it cannot hold 15 cells', () => {
    const s = toStream([{ kind: 'text', text: '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 000 五、存在的主要问题', loc: 'l' }]);
    const r = extractTable4(s, 0);
    expect(r.flags[0]).toMatchObject({ cell: 't4', reason: 'unsatisfiable' });
    expect(r.cells.review?.total?.value).toBeNull();
  });
});

describe('uncertain splits are flagged, not guessed', () => {
  it('table 3: a single reading that needs a split and does not add up is left blank', () => {
    // "1000 1000": natural persons and total printed, the five organisation cells blank
    const r = t3(t3text(ROWS_2021('1000 1000', '11 0 0 0 0 0 11')));
    expect(r.cells.granted?.total?.value ?? null).toBeNull();
    expect(r.flags.map((f) => f.cell)).toContain('t3.granted');
  });
  it('table 2: fewer space-separated values than columns may hide a blank cell', async () => {
    const { extractTable2 } = await import('../pipeline/extract/table2.ts');
    const extractT2 = (st: typeof s) => extractTable2(st, locateSections(st).t2);
    const s = toStream([{ kind: 'text', text: '第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 12 3 行政规范性文件 000 第二十条第（五）项', loc: 'l' }]);
    const r = extractT2(s);
    expect(r.cells.regulations?.issued?.value ?? null).toBeNull();
    expect(r.flags.find((f) => f.cell === 't2.regulations.issued')).toMatchObject({ reason: 'ambiguous' });
    // a fully glued run prints every cell: read as is
    expect(r.cells.normative_docs?.in_force?.value).toBe(0);
  });
  it('reads thousands separators as one number, in cells and in text', () => {
    expect(read('3,985,758 88,283', 2)).toEqual([[3985758, 88283]]);
    const s = segment([cellChunk('3,985,758', 'c')], 1).candidates;
    expect(s[0]![0]!.value).toBe(3985758);
  });
  it('accepts label variants: 合计, 上一年结转, 结转至下年度', () => {
    const rows = ROWS_2021('1000001', '1000001')
      .replace('二、上年结转', '二、上一年结转')
      .replace('（七）总计', '（七）合计')
      .replace('四、结转下年度继续办理', '四、结转至下年度继续办理');
    const r = t3(t3text(rows));
    expect(r.cells.carried_over?.total?.value).toBe(0);
    expect(r.cells.total_handled?.total?.value).toBe(1);
    expect(r.cells.carried_forward?.total?.value).toBe(0);
    expect(r.flags).toEqual([]);
  });
});

describe('a unique reading is kept as printed', () => {
  it('table 3: a glued run with exactly one reading is kept even when its total contradicts it, and the check fails', () => {
    // 2000000: seven digits for seven cells, one reading; the printed 总计 (0) contradicts the parts
    const r = t3(t3text(ROWS_2021('2000000', '2000002')));
    expect(r.cells.granted?.natural_person?.value).toBe(2);
    expect(r.cells.granted?.total?.value).toBe(0);
    expect(r.notes.join('\n')).toMatch(/t3\.granted: .*one reading.*kept as printed/u);
    const checks = checkTable3(r.cells, 'f2021');
    expect(checks.find((c) => c.rule === 'V3.3' && c.scope === 't3.granted.*')?.status).toBe('fail');
  });
});

describe('a reading that glues spaced numbers together is refuted by the column sums', () => {
  it('"（七）总计32 0 00 0 023" (23 misprinted 32) is left blank and flagged, not read as 3, 20, …, 23', async () => {
    const text = fs.readFileSync('test/fixtures/corpus/pingtan_2019_1.txt', 'utf8');
    expect(text).toContain('（七）总计23 0 00 0 023');
    const whole = await extractBytes('a.txt', new TextEncoder().encode(text));
    expect(whole.t3.total_handled?.natural_person?.value).toBe(23);
    const r = await extractBytes('a.txt', new TextEncoder().encode(text.replace('（七）总计23 0 00 0 023', '（七）总计32 0 00 0 023')));
    // 3,20,0,0,0,0,23 adds up to its total, but 总计 must equal 新收 + 上年结转 (23, 0) column by column
    for (const col of ['natural_person', 'commercial_enterprise', 'total'] as const) expect(r.t3.total_handled?.[col]?.value ?? null).toBeNull();
    expect(r.flags.find((f) => f.cell === 't3.total_handled.natural_person')).toMatchObject({ reason: 'unsatisfiable', detail: expect.stringMatching(/contradicts the table's column sums/u) });
    // the other rows keep their numbers
    expect(r.t3.new_received?.natural_person?.value).toBe(23);
  });
});
