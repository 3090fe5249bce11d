// A file cut short (a download that stopped, a copy that ran out of space) loses what followed
// the cut: every cell it takes away is flagged, and a number at the very end, which may have
// lost digits, is left blank and flagged cut_short, never read as the shorter number (issue 8).
// Real corpus reports, cut at the byte offsets the fuzz harness found losing cells silently.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { CORPUS, reasons, silentlyLost } from './helpers.ts';

const cut = (file: string, at: number) => extractBytes(file, new Uint8Array(fs.readFileSync(path.join(CORPUS, file))).slice(0, at));
describe('a file cut short', () => {
  it('inside a number at the very end: 行政许可12 cut to 行政许可1 is left blank and flagged, the rows after it are not found', async () => {
    const file = 'pingtan-lyy_2022_1.txt';
    const whole = await cut(file, Infinity);
    const r = await cut(file, 2723); // the text ends "…本年处理决定数量行政许可1"
    expect(whole.t2.admin_licensing?.decisions?.value).toBe(12);
    expect(r.t2.admin_licensing?.decisions).toMatchObject({ value: null, raw: '1' });
    expect(r.flags.find((f) => f.cell === 't2.admin_licensing.decisions')).toMatchObject({ reason: 'cut_short', candidates: [1] });
    for (const key of ['t2.admin_penalty.decisions', 't2.admin_coercion.decisions', 't2.admin_fees.fee_amount_wan_yuan']) expect(reasons(r, key)).toContain('row_not_found');
    // the rows before the cut keep their numbers
    expect(r.t2.regulations).toEqual(whole.t2.regulations);
    expect(r.t2.regulations?.in_force?.value).toBe(0);
    expect(r.status).toBe('partial');
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('inside table 3’s （六） of an f2021 report: the sub-rows are not found, and （六） is not read as the f2019 row', async () => {
    const file = 'pingtan-czj_2022_1.txt';
    const r = await cut(file, 8372); // ends inside "（六）其他处理 1.申请人无正当理由逾…"
    expect(r.t3.other_subtotal).toBeUndefined();
    for (const row of ['other_no_correction', 'other_no_fee', 'other_other', 'total_handled', 'carried_forward']) expect(reasons(r, `t3.${row}.total`)).toContain('row_not_found');
    expect(r.t3.not_processed_confirm?.total?.value).toBe(0);
    expect(silentlyLost(await cut(file, Infinity), r)).toEqual([]);
  });

  it('before table 3 of a report whose table 3 is f2019 while table 2 is f2021: the rows of both formats are flagged', async () => {
    const file = 'pingtan-haitan_2023_1.txt';
    const whole = await cut(file, Infinity);
    expect([whole.t2Format ?? whole.format, whole.format]).toEqual(['f2021', 'f2019']);
    const r = await cut(file, 4534);
    expect(reasons(r, 't3.other_subtotal.natural_person')).toEqual(['table_not_found']);
    expect(reasons(r, 't3.other_no_correction.natural_person')).toEqual(['table_not_found']);
    expect(silentlyLost(whole, r)).toEqual([]);
  });

  it('before table 2’s header words: the prose of section 一 is not read as table 2', async () => {
    const file = 'pingtan-zrz_2019_1.txt';
    // cut inside section 一, whose prose names 主动公开政府信息, 规范性文件 and 行政处罚 (…行政处罚。其中公示公告类159条)
    const r = await cut(file, 4560);
    expect(r.status).toBe('rejected');
    expect(r.error).toMatch(/not a report: no table 2, 3 or 4/u);
    // cut inside table 2: its rows up to the cut are read, the rest are not found
    const t2 = await cut(file, 5200);
    expect(t2.format).toBe('f2019');
    expect(reasons(t2, 't3.granted.total')).toEqual(['table_not_found']);
    expect(silentlyLost(await cut(file, Infinity), t2)).toEqual([]);
  });

  it('inside section 一 whose sub-heading is the name of section 二 ((一)主动公开政府信息情况): no table 2 in its prose', async () => {
    // a real township page (西柳镇, 2023): section 一 opens with `(一)主动公开政府信息情况:…` and says
    // `共制定规范性文件0件,废止规范性文件0件,现行有效的规范性文件0件`
    const file = path.join(path.dirname(CORPUS), 'real/openings/b060.txt');
    const bytes = new Uint8Array(fs.readFileSync(file));
    const whole = await extractBytes(file, bytes);
    expect(whole.t2.regulations?.issued?.value).toBe(0);
    for (const at of [1117, 1241]) {
      const r = await extractBytes(file, bytes.slice(0, at));
      expect(r.status).toBe('rejected');
      expect(r.error).toMatch(/not a report: no table 2, 3 or 4/u);
    }
  });

  it('inside the first character of a sub-row label (`3.` and half of 危): the item number is no value of the row before', async () => {
    // a real district page (岳阳楼区, 2023) of one cell per line; 2.其他法律… ends `0 |`, then `3.危及…`
    const file = path.join(path.dirname(CORPUS), 'real/yueyanglou-2023-cut-label-excerpt.txt');
    const bytes = new Uint8Array(fs.readFileSync(file));
    const whole = await extractBytes(file, bytes);
    const at = Buffer.from(bytes).indexOf('3.危') + 3; // the cut leaves `3.` and one byte of 危
    const r = await extractBytes(file, bytes.slice(0, at));
    expect(r.t3.denied_prohibited_by_law?.total?.value).toBe(0);
    expect(r.t3.denied_prohibited_by_law?.other_org?.value ?? null).toBeNull();
    expect(silentlyLost(whole, r)).toEqual([]);
    // cut right after the item number's dot (`3.`, `3、`): the same, not the row's last value
    for (const end of ['3.', '3、']) {
      const text = new TextDecoder().decode(bytes.slice(0, at - 1)).replace(/3\.$/u, end);
      const dot = await extractBytes(file, new TextEncoder().encode(text));
      expect(dot.t3.denied_prohibited_by_law?.total?.value, end).toBe(0);
      expect(dot.t3.denied_prohibited_by_law?.other_org?.value ?? null, end).toBeNull();
      expect(silentlyLost(whole, dot), end).toEqual([]);
    }
  });

  it('at every byte of one report: no number changes silently and no cell is lost without a flag', async () => {
    const file = 'pingtan-lyy_2022_1.txt';
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
    const whole = await extractBytes(file, bytes);
    const bad: string[] = [];
    // every 7th byte (3 bytes a CJK character in UTF-8: all three phases are visited), and every digit's end
    for (let at = 1; at < bytes.length; at++) {
      const digitEnd = bytes[at - 1]! >= 0x30 && bytes[at - 1]! <= 0x39;
      if (at % 7 !== 0 && !digitEnd) continue;
      const r = await extractBytes(file, bytes.slice(0, at));
      if (r.status === 'rejected') continue;
      for (const s of silentlyLost(whole, r)) bad.push(`cut at ${at}: ${s}`);
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it('a number at the end that its row’s sum proves complete is kept (the fragment ending "… 10 1 769")', async () => {
    const r = await extractBytes('unknown-szfgs_2024_fragment.txt', new Uint8Array(fs.readFileSync(path.join(CORPUS, 'unknown-szfgs_2024_fragment.txt'))));
    expect(r.t3.unable_not_held?.total?.value).toBe(769);
    expect(r.flags.filter((f) => f.reason === 'cut_short')).toEqual([]);
    // the same row cut to "… 10 1 76" does not add up: 76 is left blank and flagged
    const text = fs.readFileSync(path.join(CORPUS, 'unknown-szfgs_2024_fragment.txt'), 'utf8');
    const short = await extractBytes('fragment.txt', new TextEncoder().encode(text.slice(0, -1)));
    expect(short.t3.unable_not_held?.total?.value ?? null).toBeNull();
    expect(reasons(short, 't3.unable_not_held.total').length).toBeGreaterThan(0);
  });
});
