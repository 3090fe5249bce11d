import { describe, expect, it } from 'vitest';
import { findAnchors, T3_LABELS_HEAD, T3_LABELS_TAIL, T2_LABELS } from '../pipeline/extract/labels.ts';

const rows = (text: string) => findAnchors(text, [...T3_LABELS_HEAD, ...T3_LABELS_TAIL], 0, text.length).map((a) => a.row);

describe('label matcher', () => {
  it('matches labels split by spaces and line breaks', () => {
    expect(rows('一、本年\n新收政府 信息公开申请数量 二、上年 结转')).toEqual(['new_received', 'carried_over']);
  });
  it('does not read 不予公开 as 予以公开', () => {
    const got = rows('(三)不予以公开 1.属于国家秘密');
    expect(got).not.toContain('granted');
    expect(got).toContain('denied_state_secret');
  });
  it('accepts typos and variants seen in real reports', () => {
    expect(rows('5.属于三类内容事务信息 0')).toEqual(['denied_internal_affairs']);
    expect(rows('3.危及"三安全一稳定" 0')).toEqual(['denied_security_stability']);
    expect(rows('四、结转下一年继续办理 0')).toEqual(['carried_forward']);
    // 开化县 2020 (a held-out page): 上年转结 for 上年结转
    expect(rows('一、本年新收政府信息公开申请数量 0 二、上年转结政府信息公开申请数量 0')).toEqual(['new_received', 'carried_over']);
  });
  it('takes a bracketed or 、 ordinal into the label, and never the empty cells before it', () => {
    // the empty cells of the row before are empty lines of the stream: a match starting at them would take them
    const text = '1.属于国家秘密\n0\n0\n\n\n(2)其他法律行政法规禁止公开\n4\n\n\n七)总计\n4';
    const a = findAnchors(text, [...T3_LABELS_HEAD, ...T3_LABELS_TAIL], 0, text.length);
    const law = a.find((x) => x.row === 'denied_prohibited_by_law')!;
    const total = a.find((x) => x.row === 'total_handled')!;
    expect(text.slice(a[0]!.end, law.start)).toBe('\n0\n0\n\n\n');
    expect(text.slice(law.start, law.end)).toBe('(2)其他法律');
    expect(text.slice(law.end, total.start)).toMatch(/\n4\n\n\n$/u);
    expect(text.slice(total.start, total.end)).toBe('七)总计');
  });
  it('takes the ordinal of the next label out of glued digits', () => {
    const text = '1.属于国家秘密00000002.其他法律行政法规禁止公开0000000';
    const a = findAnchors(text, T3_LABELS_HEAD, 0, text.length);
    const secret = a.find((x) => x.row === 'denied_state_secret')!;
    const law = a.find((x) => x.row === 'denied_prohibited_by_law')!;
    expect(text.slice(secret.end, law.start)).toBe('0000000');
  });
  it('finds a label whose numbers a PDF printed inside it, and keeps those numbers for the row', () => {
    const text = '4.保护第三\n0 0 0 0 0 0 0\n方合法权益\n5.属于三类';
    const a = findAnchors(text, T3_LABELS_HEAD, 0, text.length);
    expect(a.map((x) => x.row)).toEqual(['denied_third_party', 'denied_internal_affairs']);
  });
  it('finds table 2 rows with or without 行政', () => {
    const text = '规章 0 0 0 规范性文件 8 8 8 行政许可 52';
    expect(findAnchors(text, T2_LABELS, 0, text.length).map((a) => a.row)).toEqual(['regulations', 'normative_docs', 'admin_licensing']);
  });
});
