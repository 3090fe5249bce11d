// Unlabelled corpus files: each reads as ok or partial, and whatever is unsure or failing says why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, extractEdited, extractPath, MADE, readGold, valuesOf } from './helpers.ts';

const reports = fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.json') || f.endsWith('_1.json')).filter((f) => !f.endsWith('.gold.json') && !f.endsWith('.md') && f !== 'blank-template.docx');

describe('every corpus report', () => {
  for (const file of reports) {
    it(`${file} extracts as ok or partial, with explained checks and flags`, async () => {
      const r = await extractPath(path.join(CORPUS, file));
      expect(['ok', 'partial']).toContain(r.status);
      if (r.year === null) expect(r.flags.map((f) => f.reason)).toContain('year_unknown');
      else expect(r.year).toBeGreaterThanOrEqual(2019);
      for (const c of r.checks.filter((c) => c.status === 'fail')) {
        expect(c.detail).toMatch(/=/u);
        expect(c.cells.length).toBeGreaterThan(0);
      }
      for (const f of r.flags) expect(f.detail.length).toBeGreaterThan(10);
      // a flagged cell is never also given a number
      const t3 = r.t3 as Record<string, Record<string, { value: number | null }>>;
      for (const f of r.flags.filter((f) => f.reason === 'ambiguous' && f.cell.startsWith('t3.'))) {
        const [, row, col] = f.cell.split('.');
        expect(t3[row!]?.[col!]?.value ?? null).toBeNull();
      }
    });
  }

  it('rejects the blank national template instead of reading it as zeros', async () => {
    const r = await extractPath(path.join(CORPUS, 'blank-template.docx'));
    expect(r.status).toBe('rejected');
    expect(r.error).toMatch(/blank/u);
  });

  it('keeps a report that answers 无 in every cell it prints (a real 2023 township page): 无 is an answer, not a blank', async () => {
    // the table 2 of a generated report, every value written 无, cut before table 3 as the page was
    const { whole, edited } = await extractEdited(path.join(MADE, 'layouts', 'pingtan-2021--cell-bar.txt'), (s) => {
      const t2 = s.slice(0, s.indexOf('三、收到和处理'));
      return t2.replace(/^[\d.]+ \|$/gmu, '无 |');
    });
    expect(whole.status).not.toBe('rejected');
    expect(edited.status).toBe('partial');
    expect(edited.issuer).toBe(whole.issuer);
    expect(edited.t2.regulations?.issued).toMatchObject({ value: null, kind: 'none_word' });
    expect(edited.t2.admin_licensing?.decisions).toMatchObject({ value: null, kind: 'none_word' });
  });

  it('keeps the printed numbers of a report that does not add up and reports the failed identity', async () => {
    const r = await extractPath(path.join(CORPUS, 'pingtan-zrz_2020_1.txt'));
    expect(r.t3.unable_not_held?.legal_service_org?.value).toBe(1);
    const failed = r.checks.filter((c) => c.status === 'fail').map((c) => `${c.rule} ${c.scope}`);
    expect(failed).toContain('V3.2 t3.*.total');
  });

  it('keeps blank cells null (not 0) and the total column blank where it is printed blank', async () => {
    const r = await extractPath(path.join(CORPUS, 'shanghai-bgt_2019_1.json'));
    expect(r.t3.granted?.total).toMatchObject({ value: null, kind: 'blank' });
    expect(r.t4.review?.corrected).toMatchObject({ value: null, kind: 'blank' });
    expect(r.t3.granted?.natural_person?.value).toBe(258);
    const v32 = r.checks.find((c) => c.rule === 'V3.2' && c.scope === 't3.*.total');
    expect(v32?.status).toBe('not_assessable');
  });

  it('reads the fragment of a PDF text extraction as partial with the rows it has', async () => {
    const r = await extractPath(path.join(CORPUS, 'unknown-szfgs_2024_fragment.txt'));
    expect(r.status).toBe('partial');
    expect(r.format).toBe('f2021');
    expect(r.t3.new_received?.total?.value).toBe(3119);
    expect(r.t3.unable_not_held?.total?.value).toBe(769);
    expect(r.t2.admin_fees?.fee_amount_wan_yuan?.value).toBe(96171.6);
    expect(r.flags.map((f) => f.cell)).toContain('t3.total_handled.total');
  });
});

describe('layout fixtures made from a corpus report extract to the same numbers as the source', () => {
  const gold = readGold('pingtan-shs_2025_1.html');
  for (const file of ['shs-2025-gbk.html', 'shs-2025-pipes.md', 'shs-2025.docx', 'shs-2025.pdf']) {
    it(file, async () => {
      const r = await extractPath(path.join(MADE, file));
      const src = await extractPath(path.join(CORPUS, 'pingtan-shs_2025_1.html'));
      expect(r.status).toBe('ok');
      expect(r.issuer).toBe(gold.issuer);
      expect(r.year).toBe(gold.year);
      // all three tables, every cell, equal to what the source HTML gives
      for (const t of ['t2', 't3', 't4'] as const) {
        expect(valuesOf(r[t])).toBe(valuesOf(src[t]));
      }
    });
  }
});
