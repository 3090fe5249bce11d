// Numbers no report can hold are flagged and left blank, never loaded as if printed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { T3_COLS } from '../pipeline/codes.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { CORPUS } from './helpers.ts';

const html = fs.readFileSync(path.join(CORPUS, 'pingtan-shs_2025_1.html'), 'utf8');

/** The report with the first cell after 本年新收 (natural persons, printed 3) replaced. */
async function withNewReceived(printed: string) {
  const page = html.replace(/(本年新收政府信息公开申请数量.*?<p>)3(<\/p>)/su, `$1${printed}$2`);
  expect(page).not.toBe(html);
  return extractBytes('shs.html', Buffer.from(page));
}

describe('impossible numbers', () => {
  for (const [printed, why] of [
    ['-3', /negative/u],
    ['2.5', /decimals/u],
    ['1000000000000000', /larger/u],
    ['555555555555555555555555555555', /larger/u],
    ['9007199254740993', /larger/u],
  ] as const) {
    it(`"${printed}" in a count cell is flagged, kept as printed text, and its value left blank`, async () => {
      const r = await withNewReceived(printed);
      const cell = r.t3.new_received?.natural_person;
      expect(cell?.value).toBeNull();
      expect(cell?.raw).toBe(printed);
      const flag = r.flags.find((f) => f.cell === 't3.new_received.natural_person');
      expect(flag?.reason).toBe('implausible');
      expect(flag?.detail).toMatch(why);
      expect(r.status).toBe('partial');
    });
  }
  it('leaves ordinary values alone', async () => {
    const r = await withNewReceived('4');
    expect(r.t3.new_received?.natural_person?.value).toBe(4);
    expect(r.flags.filter((f) => f.reason === 'implausible')).toEqual([]);
  });
});

describe('signed values of the 2019 table 2', () => {
  it('keeps the sign of 本年增/减, and flags a signed value glued to its neighbours', async () => {
    const { toStream } = await import('../pipeline/extract/blocks.ts');
    const { readText } = await import('../pipeline/extract/readers/text.ts');
    const { extractTable2 } = await import('../pipeline/extract/table2.ts');
    const { locateSections } = await import('../pipeline/extract/sections.ts');
    const extractT2 = (s: ReturnType<typeof toStream>) => extractTable2(s, locateSections(s).t2);
    const text = '第二十条第（五）项 信息内容 上一年项目数量 本年增/减 处理决定数量 行政许可 12 -10 5 其他对外管理服务事项 1-10 第二十条第（六）项 行政处罚 5 +2 7';
    const r = extractT2(toStream(readText(text).blocks));
    expect(r.format).toBe('f2019');
    expect(r.cells.admin_licensing?.items_change?.value).toBe(-10);
    expect(r.cells.admin_penalty?.items_change?.value).toBe(2);
    expect(r.cells.other_external_services?.items_change?.value ?? null).toBeNull();
    expect(r.flags.find((f) => f.cell === 't2.other_external_services.items_change')?.reason).toBe('ambiguous');
  });
});

describe('flags at cell level', () => {
  it('a row that was not read flags each of its cells, so a missing cell is told from an absent one', async () => {
    const html = fs.readFileSync(path.join(CORPUS, 'pingtan-shs_2025_1.html'), 'utf8');
    // damage the label of 2.其他法律行政法规禁止公开 beyond recognition
    const page = html.replace(/2\.其他法律行政法规禁止公开/u, '2.□□□□□□□□□□□□');
    expect(page).not.toBe(html);
    const r = await extractBytes('shs.html', Buffer.from(page));
    const cells = r.flags.filter((f) => f.reason === 'row_not_found').map((f) => f.cell);
    expect(cells).toEqual(T3_COLS.map((c) => `t3.denied_prohibited_by_law.${c}`));
    expect(r.flags.some((f) => f.cell === 't3.denied_prohibited_by_law')).toBe(false);
    // and its numbers are not given to a neighbouring row
    expect(r.t3.denied_state_secret?.natural_person?.value).toBe(0);
    expect(r.flags.filter((f) => f.cell.startsWith('t3.denied_state_secret'))).toEqual([]);
  });
});
