import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { textChunks } from '../pipeline/extract/cells.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { CORPUS, valuesOf } from './helpers.ts';
import { repairText } from '../pipeline/extract/repair.ts';

describe('repairText', () => {
  it('converts traditional to simplified and removes pinyin debris', () => {
    expect(repairText('當(dāng)前位置 區(qū)政府信息公開年報')).toBe('当前位置 区政府信息公开年报');
  });
  it('converts a text whose only traditional character is a lone one, also beyond the BMP (a surrogate pair)', () => {
    // one traditional character anywhere decides: the first, the last, and one written as two UTF-16 units
    expect(repairText('許可0')).toBe('许可0');
    expect(repairText('行政许可 0 0 行政處')).toBe('行政许可 0 0 行政处');
    expect(repairText('行政许可𠁞')).toBe('行政许可𠀾');
    expect(repairText('行政许可 𠀾')).toBe('行政许可 𠀾');
  });
  it('fixes the machine-conversion slips of mirror sites (檔案, 製)', () => {
    expect(repairText('規範性檔案 行政強製')).toBe('规范性文件 行政强制');
  });
  it('maps full-width digits, brackets and punctuation to ASCII', () => {
    expect(repairText('（一）予以公开 ３０ １．属于')).toBe('(一)予以公开 30 1.属于');
  });
  it('turns NBSP and ideographic spaces into plain spaces', () => {
    expect(repairText('3\u00a00\u30000')).toBe('3 0 0');
  });
  it('leaves bracketed Latin text and simplified text alone', () => {
    expect(repairText('网址(www.pingtan.gov.cn) 干部 乾隆')).toBe('网址(www.pingtan.gov.cn) 干部 乾隆');
  });
});

describe('control characters', () => {
  it('reads every line-breaking character (form feed, vertical tab, CR, NEL, U+2028/9) as a line break', () => {
    expect(repairText('a\fb\vc\rd\u0085e\u2028f\u2029g')).toBe('a\nb\nc\nd\ne\nf\ng');
  });
  it('never throws scanning text with any whitespace or control character between values', () => {
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      expect(() => textChunks(`3${ch}0${ch} 0${ch}`, 'x')).not.toThrow();
    }
  });
  it('extracts a pdftotext-style report (form feeds between pages) to the same numbers', async () => {
    const text = fs.readFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), 'utf8');
    const paged = text.replaceAll('。', '。\f').replace(/(\d) /gu, '$1\v');
    const a = await extractBytes('a.txt', Buffer.from(text));
    const b = await extractBytes('b.txt', Buffer.from(paged));
    expect(b.status).not.toBe('rejected');
    expect(valuesOf(b.t3)).toBe(valuesOf(a.t3));
    expect(valuesOf(b.t4)).toBe(valuesOf(a.t4));
  });
});
