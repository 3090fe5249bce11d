// Real crawl excerpts (test/fixtures/real/PROVENANCE.md): their table 2, read cell by cell.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { extractPath, valuesOf } from './helpers.ts';

const REAL = path.resolve('test/fixtures/real');

describe('real crawl excerpts', () => {
  it('衡南 2020: blank-line spacing, a space line as an empty cell, indented numbers', async () => {
    const r = await extractPath(path.join(REAL, 'hengnan-wsjkj-2020-excerpt.txt'));
    expect(r.format).toBe('f2019');
    expect(JSON.parse(valuesOf(r.t2))).toEqual({
      regulations: { newly_made: 6, newly_published: 2, published_total: 10 },
      normative_docs: { newly_made: 198, newly_published: 7, published_total: 21 },
      admin_licensing: { prev_year_items: 18, items_change: 0, decisions: 1625 },
      other_external_services: { prev_year_items: null, items_change: null, decisions: null },
      admin_penalty: { prev_year_items: 137, items_change: 0, decisions: 112 },
      admin_coercion: { prev_year_items: 12, items_change: 0, decisions: 21 },
    });
    expect(r.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
  });
  it('得荣 2019: lone-bar row openers, padding lines, the blank 本年增/减 column kept blank', async () => {
    const r = await extractPath(path.join(REAL, 'gzdr-wsjkj-2019-excerpt.txt'));
    const t2 = JSON.parse(valuesOf(r.t2));
    for (const row of ['admin_licensing', 'other_external_services', 'admin_penalty', 'admin_coercion']) expect(t2[row]).toEqual({ prev_year_items: 0, items_change: null, decisions: 0 });
    expect(t2.admin_fees).toEqual({ prev_year_items: 0, items_change: null });
    expect(t2.central_procurement).toEqual({ procurement_items: 0, procurement_amount: 0 });
    expect(r.t2.admin_licensing?.items_change?.kind).toBe('blank');
  });
  it('徐望镇 2025: a 规章 row whose label the crawl lost is read by its position, with a note', async () => {
    const r = await extractPath(path.join(REAL, 'hantai-xuwang-2025-excerpt.txt'));
    expect(r.format).toBe('f2021');
    const t2 = JSON.parse(valuesOf(r.t2));
    expect(t2.regulations).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(t2.normative_docs).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(t2.admin_licensing).toEqual({ decisions: 124 });
    expect(r.notes.some((n) => n.startsWith('t2.regulations'))).toBe(true);
    expect(r.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
  });
  it('两城镇 2020: the body that compiled the report, not its office (党政办公室)', async () => {
    const r = await extractPath(path.join(REAL, 'weishan-liangcheng-2020-excerpt.txt'));
    expect(r.issuer).toBe('两城镇人民政府');
    expect(r.year).toBe(2020);
    expect(r.level).toBe('township');
  });
  it('北坡镇 2022: block （一） without its caption is read; the body after 现将 is the issuer', async () => {
    const file = path.join(REAL, 'suixi-beipo-2022-excerpt.txt');
    const r = await extractPath(file);
    const t2 = JSON.parse(valuesOf(r.t2));
    expect(t2.regulations).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(t2.normative_docs).toEqual({ issued: 0, repealed: 0, in_force: 0 });
    expect(t2.admin_penalty).toEqual({ decisions: 4 });
    expect(t2.admin_fees).toEqual({ fee_amount_wan_yuan: 190.457379 });
    expect(r.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
    expect(r.issuer).toBe('北坡镇');
    // with block （一）'s rows lost as well, its rows are flagged, not silently absent: 规章 too, as
    // a body that makes no 规章 still prints 行政规范性文件
    const lost = fs.readFileSync(file, 'utf8').replace('規章 | 0 | 0 | 0 |\n行政規范性文件 | 0 | 0 | 0 |\n', '');
    const r2 = await extractBytes('lost-rows.txt', Buffer.from(lost));
    expect(r2.t2.normative_docs).toBeUndefined();
    expect(r2.flags.filter((f) => f.cell.startsWith('t2.normative_docs.') && f.reason === 'row_not_found')).toHaveLength(3);
    expect(r2.flags.filter((f) => f.cell.startsWith('t2.regulations.') && f.reason === 'row_not_found')).toHaveLength(3);
  });
  it('北京街道 2020 and 泗村店镇 2019: procurement in 万元 by its header (采购总金额(万元)) or by its cell (18.3万元), in 元', async () => {
    const a = await extractPath(path.join(REAL, 'beijingjie-2020-mirror-excerpt.txt'));
    expect(JSON.parse(valuesOf(a.t2)).central_procurement).toEqual({ procurement_items: 13, procurement_amount: 4773500 });
    expect(a.t2.central_procurement?.procurement_amount?.raw).toBe('477.35');
    expect(a.issuer).toBe('北京街道办事处');
    expect(a.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
    const b = await extractPath(path.join(REAL, 'wuqing-sicundian-2019-excerpt.txt'));
    expect(JSON.parse(valuesOf(b.t2)).central_procurement).toEqual({ procurement_items: 0, procurement_amount: 183000 });
    expect(JSON.parse(valuesOf(b.t2)).admin_penalty).toEqual({ prev_year_items: 283, items_change: 0, decisions: 283 });
    expect(b.issuer).toBe('武清区泗村店镇');
    expect(b.flags.filter((f) => f.cell.startsWith('t2'))).toEqual([]);
  });
  it('审计局 2020, page 9 of a flipbook: table 4 under a header printed one character per line is read', async () => {
    const r = await extractPath(path.join(REAL, 'shenji-2020-flipbook-page9.txt'));
    expect(r.status).not.toBe('rejected');
    const t4 = JSON.parse(valuesOf(r.t4));
    for (const g of ['review', 'lit_direct', 'lit_after_review']) expect(t4[g]).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    expect(r.flags.filter((f) => f.cell.startsWith('t4'))).toEqual([]);
  });
  it('黄陂 2020: row words inside another row’s annotation (其他对外管理服务事项(指…行政处罚、行政强制…)) are not labels', async () => {
    const r = await extractPath(path.join(REAL, 'huangpi-2020-annotated-excerpt.txt'));
    const t2 = JSON.parse(valuesOf(r.t2));
    expect(t2.normative_docs).toEqual({ newly_made: 87, newly_published: 0, published_total: 0 });
    expect(t2.other_external_services).toEqual({ prev_year_items: 0, items_change: 0, decisions: 0 });
    expect(t2.admin_penalty).toEqual({ prev_year_items: 0, items_change: 0, decisions: 0 });
    // the page is cut inside the 行政强制 row: its cells are flagged, not the annotation's values
    expect(t2.admin_coercion).toBeUndefined();
    expect(r.flags.filter((f) => f.cell.startsWith('t2.admin_coercion.') && f.reason === 'row_not_found')).toHaveLength(3);
  });
  it('遂溪 2019 and 绥江: 未增未减 is a change of 0; the misspelt 行政事业型收费 is the fee row (it vanished without a flag)', async () => {
    const a = JSON.parse(valuesOf((await extractPath(path.join(REAL, 'suixi-tyjrswj-2019-nochange-excerpt.txt'))).t2));
    for (const row of ['admin_licensing', 'other_external_services', 'admin_penalty', 'admin_coercion']) expect(a[row]).toEqual({ prev_year_items: 0, items_change: 0, decisions: 0 });
    expect(a.central_procurement.procurement_items).toBe(26);
    const b = await extractPath(path.join(REAL, 'suijiang-fee-typo-excerpt.txt'));
    expect(JSON.parse(valuesOf(b.t2)).admin_fees).toEqual({ fee_amount_wan_yuan: 0 });
  });
  it('岳阳楼区 2023: a text cut inside a row label (`6.属`) does not give its item number 6 to the row above', async () => {
    const r = await extractPath(path.join(REAL, 'yueyanglou-2023-cut-label-excerpt.txt'));
    const t3 = JSON.parse(valuesOf(r.t3));
    const blanks = { natural_person: null, commercial_enterprise: null, research_institution: null, social_welfare_org: null, legal_service_org: null, other_org: null };
    expect(t3.denied_internal_affairs).toEqual({ ...blanks, total: 0 });
    expect(r.t3.denied_internal_affairs?.other_org?.kind).toBe('blank');
    expect(r.flags.some((f) => f.cell.startsWith('t3.denied_process_info') && f.reason === 'row_not_found')).toBe(true);
  });
  it('庄窠乡 2020: numbers in rows whose dropped empty cells hide their columns are flagged, and the report is kept (not rejected as an unfilled template)', async () => {
    const r = await extractPath(path.join(REAL, 'quyang-zhuangke-2020-excerpt.txt'));
    expect(r).toMatchObject({ status: 'partial', issuer: '庄窠乡', year: 2020 });
    expect(r.t2.normative_docs?.newly_made).toMatchObject({ value: null, kind: 'unreadable', raw: '2' });
    expect(r.flags.some((f) => f.cell === 't2.normative_docs.newly_made')).toBe(true);
  });
  it('螅镇 2022: a report published with every table cell empty is rejected, and keeps who published it for which year', async () => {
    const r = await extractPath(path.join(REAL, 'jiaxian-xiezhen-2022-blank-excerpt.txt'));
    expect(r).toMatchObject({ status: 'rejected', error: expect.stringMatching(/every table cell is blank/u), issuer: '螅镇', year: 2022, level: 'township' });
    expect(r.t2).toEqual({});
  });
  it('汉阳 2022: a text that ends after table 3\'s first two rows reads them, and flags the rows it does not have', async () => {
    const r = await extractPath(path.join(REAL, 'hanyang-2022-cut-t3-excerpt.txt'));
    const t3 = JSON.parse(valuesOf(r.t3));
    expect(t3.new_received).toEqual({ natural_person: 8, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0, total: 8 });
    expect(t3.carried_over.total).toBe(0);
    expect(r.flags.filter((f) => f.cell.startsWith('t3.new_received') || f.cell.startsWith('t3.carried_over'))).toEqual([]);
    expect(r.flags.find((f) => f.cell === 't3.granted.total')?.reason).toBe('row_not_found');
  });
});

describe('a real report page without its tables', () => {
  it('背荫河镇 2022: rejected for its missing tables, keeping who published it and for which year', async () => {
    const r = await extractPath(path.join(REAL, 'beiyinhe-2022-no-tables-excerpt.txt'));
    expect(r.status).toBe('rejected');
    expect(r.error).toMatch(/^no tables: the headings of sections 二, 三 and 四/u);
    expect([r.issuer, r.year]).toEqual(['五常市背荫河镇', 2022]);
  });
});
