// Figures restated in the prose against the table cells they restate (checks P1…P7).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { proseChecks, proseFigures, proseNumber } from '../pipeline/extract/prose.ts';
import type { Flag } from '../pipeline/extract/result.ts';
import { popplerAvailable } from '../pipeline/extract/readers/poppler.ts';
import { CORPUS, extractPath } from './helpers.ts';

// Both PDF word sources: pdf.js gives this PDF's digits (another font) as words of their own, and
// its prose lines once went through the table rebuilding, which moved their figures to the end.
async function withReader(reader: 'pdfjs' | 'poppler', file: string) {
  const before = process.env.XXGK_PDF_READER;
  process.env.XXGK_PDF_READER = reader;
  try {
    return await extractPath(file);
  } finally {
    if (before === undefined) delete process.env.XXGK_PDF_READER;
    else process.env.XXGK_PDF_READER = before;
  }
}
const readers = (['pdfjs', 'poppler'] as const).filter((r) => r === 'pdfjs' || popplerAvailable() || process.env.CI === 'true');
if (!readers.includes('poppler')) console.warn('prose test of huaian-2024.pdf through pdftotext: not found (apt-get install poppler-utils); skipped');

const pchecks = (r: { checks: { rule: string; status: string; detail: string }[] }) => Object.fromEntries(r.checks.filter((c) => c.rule.startsWith('P')).map((c) => [c.rule, c]));

describe('prose against tables', () => {
  for (const reader of readers) {
    it(`finds the totals the 淮安 2024 PDF restates, and they agree with its tables (${reader})`, async () => {
      const p = pchecks(await withReader(reader, path.join(CORPUS, 'huaian-2024.pdf')));
      for (const rule of ['P1', 'P2', 'P3', 'P4', 'P5']) expect(p[rule]?.status, rule).toBe('pass');
      expect(p.P1!.detail).toMatch(/3119/u);
      expect(p.P2!.detail).toMatch(/3050/u);
      expect(p.P4!.detail).toMatch(/351/u);
      expect(p.P5!.detail).toMatch(/46/u);
    });
  }
  it('reads the 龙岗 2022 mirror page (traditional characters, 件次) and its split by applicant', async () => {
    const p = pchecks(await extractPath(path.join(CORPUS, 'longgang-2022.txt')));
    expect(p.P1).toMatchObject({ status: 'pass' });
    expect(p.P6).toMatchObject({ status: 'pass' });
    expect(p.P7).toMatchObject({ status: 'pass' });
  });
  it('fails where prose and table disagree (a report that says 4 requests and tables 0)', async () => {
    const p = pchecks(await extractPath(path.join(CORPUS, 'pingtan-zhz_2024_1.txt')));
    expect(p.P1).toMatchObject({ status: 'fail' });
    expect(p.P1!.detail).toMatch(/says 4 .*table says 0/u);
  });
  it('accepts 收到申请75件 counting last year\'s carried-over request too, and says so', async () => {
    const p = pchecks(await extractPath(path.join(CORPUS, 'pingtan_2022_1.txt')));
    expect(p.P1).toMatchObject({ status: 'pass' });
    expect(p.P1!.detail).toMatch(/new_received 74 \+ carried_over 1/u);
  });
  it('does not take a hotline count (已办理2520件) for handled requests', async () => {
    const p = pchecks(await extractPath(path.join(CORPUS, 'pingtan-jtj_2021_1.txt')));
    expect(p.P2).toBeUndefined();
  });
  it('finds the carried-forward figure written either way round, the first one in the text', () => {
    const p3 = (t: string) => proseFigures(t).filter((f) => f.rule === 'P3').map((f) => f.value);
    expect(p3('办结56件，结转下年度继续办理12件。')).toEqual([12]);
    expect(p3('办结56件，另有3件申请结转下一年度办理。')).toEqual([3]);
    expect(p3('共5件结转至下年。结转下年度继续办理五件')).toEqual([5]);
    expect(p3('结转下年度继续办理七件。另有3件结转至下年')).toEqual([7]);
    // the number after 件…结转 must start at a number's start (no 3 out of 23)
    expect(p3('受理23件结转至下年')).toEqual([23]);
    expect(p3('收到申请20件，无结转。表中12 件 申请  结转到下年度')).toEqual([12]);
    expect(p3('本年无结转事项')).toEqual([]);
  });
  it('reads Chinese numerals', () => {
    expect(proseNumber('一')).toBe(1);
    expect(proseNumber('十二')).toBe(12);
    expect(proseNumber('二十')).toBe(20);
    expect(proseFigures('2023年度厚桥街道收到政府信息公开申请一件，已办理完毕。')[0]).toMatchObject({ rule: 'P1', value: 1 });
  });
  it('settles an ambiguous cell the prose names, only among its candidates, and never overrides a printed one', () => {
    const cells = new Map<string, number | null>([['t3.new_received.natural_person', null], ['t3.new_received.total', 12]]);
    const flags: Flag[] = [{ cell: 't3.new_received.natural_person', reason: 'ambiguous', detail: 'glued', candidates: [1, 11] }];
    const settled: [string, number][] = [];
    const text = '全年共收到政府信息公开申请12件，其中自然人申请11件，法人或其他组织申请1件。';
    const checks = proseChecks(text, (k) => cells.get(k) ?? null, flags, (k, v) => {
      settled.push([k, v]);
      cells.set(k, v);
    });
    expect(settled).toEqual([['t3.new_received.natural_person', 11]]);
    expect(checks.find((c) => c.rule === 'P6')?.status).toBe('pass');
    // a figure that is not among the candidates settles nothing
    const none: [string, number][] = [];
    cells.set('t3.new_received.natural_person', null);
    proseChecks('其中自然人申请7件', (k) => cells.get(k) ?? null, flags, (k, v) => none.push([k, v]));
    expect(none).toEqual([]);
  });
});
