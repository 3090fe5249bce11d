import { describe, expect, it } from 'vitest';
import { repairText } from '../pipeline/extract/repair.ts';

describe('repairText', () => {
  it('converts traditional to simplified and removes pinyin debris', () => {
    expect(repairText('當(dāng)前位置 區(qū)政府信息公開年報')).toBe('当前位置 区政府信息公开年报');
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
