// The family of layouts: the gold numbers of two real reports (龙岗区 2022, f2021; 上海市人民政府办公厅
// 2019, f2019 with blank cells) written out in every layout seen in the wild, each of which must
// extract to exactly the gold numbers. Labels come from the dictionary (data/reference/categories.csv).
import fs from 'node:fs';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { T3_COLS, T3_ROWS_F2019, T3_ROWS_F2021, T4_COLS, T4_GROUPS } from '../pipeline/codes.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { readGold, type Gold } from './helpers.ts';

const toTraditional = (OpenCC as unknown as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 'cn', to: 't' });

const labels = new Map(
  fs
    .readFileSync('data/reference/categories.csv', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('t3.row') || l.startsWith('t3.grp'))
    .map((l) => l.split(','))
    .map((c) => [c[3]!, c[4]!.replace(' (f2019 single row)', '')]),
);

type Cellv = number | null;
type Row = { label: string; values: Cellv[] } | { group: string };

/** Table 3 as printed: group label lines, then each row's label and its 7 values. */
function t3Rows(g: Gold): Row[] {
  const rows = (g.format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019) as string[];
  const out: Row[] = [];
  for (const r of rows) {
    if (r === 'granted') out.push({ group: labels.get('results')! });
    if (r === 'denied_state_secret') out.push({ group: labels.get('denied')! });
    if (r === 'unable_not_held') out.push({ group: labels.get('unable')! });
    if (r === 'not_processed_petition') out.push({ group: labels.get('not_processed')! });
    if (r === 'other_no_correction') out.push({ group: labels.get('other')! });
    out.push({ label: labels.get(r)!, values: T3_COLS.map((c) => g.t3[r]?.[c] ?? null) });
  }
  return out;
}

/** Table 2 as printed: four blocks, each a caption, a header and its rows (f2021 only). */
function t2Lines(g: Gold, sep: string): string[] {
  const t2 = g.t2 ?? {};
  const val = (r: string, c: string) => v(t2[r]?.[c] ?? null);
  return [
    `第二十条第（一）项`, ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].join(sep),
    ['规章', val('regulations', 'issued'), val('regulations', 'repealed'), val('regulations', 'in_force')].join(sep),
    ['行政规范性文件', val('normative_docs', 'issued'), val('normative_docs', 'repealed'), val('normative_docs', 'in_force')].join(sep),
    `第二十条第（五）项`, ['信息内容', '本年处理决定数量'].join(sep), ['行政许可', val('admin_licensing', 'decisions')].join(sep),
    `第二十条第（六）项`, ['信息内容', '本年处理决定数量'].join(sep), ['行政处罚', val('admin_penalty', 'decisions')].join(sep), ['行政强制', val('admin_coercion', 'decisions')].join(sep),
    `第二十条第（八）项`, ['信息内容', '本年收费金额（单位：万元）'].join(sep), ['行政事业性收费', val('admin_fees', 'fee_amount_wan_yuan')].join(sep),
  ];
}

const t4Values = (g: Gold): Cellv[] => T4_GROUPS.flatMap((grp) => T4_COLS.map((c) => g.t4[grp]?.[c] ?? null));

const HEAD = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他';
const T4HEAD = '行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计';
const v = (x: Cellv) => (x === null ? '' : String(x));

function page(title: string, t3: string, t4: string, t2 = ''): string {
  return `${title}\n一、总体情况\n本报告统计期限为全年。\n二、主动公开政府信息情况\n${t2}\n三、收到和处理政府信息公开申请情况\n${t3}\n四、政府信息公开行政复议、行政诉讼情况\n${t4}\n五、存在的主要问题及改进情况\n无。\n`;
}

/** A layout with plain separators: between the cells of a row, and between rows and headings. */
function separated(cell: string, line: string) {
  return (g: Gold, title: string) =>
    page(
      title,
      HEAD.replaceAll('\n', line) + line + t3Rows(g).map((r) => ('group' in r ? r.group : [r.label, ...r.values.map(v)].join(cell))).join(line),
      T4HEAD.replaceAll(' ', cell) + line + t4Values(g).map(v).join(cell),
      t2Lines(g, cell).join(line),
    );
}

const LAYOUTS: Record<string, { ext: string; make: (g: Gold, title: string) => string | Buffer; blanks: boolean; t2?: boolean }> = {
  'space-separated lines': { t2: true, ext: 'txt', blanks: false, make: separated(' ', '\n') },
  'one cell per line': { t2: true, ext: 'txt', blanks: false, make: separated('\n', '\n') },
  'one cell per line, traditional characters with pinyin debris': {
    ext: 'txt',
    blanks: false,
    make: (g, title) => toTraditional(separated('\n', '\n')(g, title)).replaceAll('當', '當(dāng)').replaceAll('區', '區(qū)'),
  },
  'digits glued (crawl of the page text)': { t2: true, ext: 'txt', blanks: false, make: separated('', '') },
  'tab-separated': { t2: true, ext: 'txt', blanks: true, make: separated('\t', '\n') },
  'Markdown pipe table': {
    ext: 'md',
    blanks: true,
    make: (g, title) =>
      page(
        title,
        '| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n' +
          t3Rows(g).map((r) => ('group' in r ? `| ${r.group} | | | | | | | |` : `| ${r.label} | ${r.values.map(v).join(' | ')} |`)).join('\n'),
        `| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n| ${T4HEAD.split(' ').slice(2).filter((w) => !/起诉/u.test(w)).join(' | ')} |\n| ${t4Values(g).map(v).join(' | ')} |`,
      ),
  },
  'HTML table with rowspan group cells and &nbsp; blanks, GBK': {
    ext: 'html',
    blanks: true,
    make: (g, title) => {
      const rows = t3Rows(g);
      const tr: string[] = [];
      let group = '';
      for (const r of rows) {
        if ('group' in r) {
          group = r.group;
          continue;
        }
        const cells = r.values.map((x) => `<td>${x === null ? '&nbsp;' : x}</td>`).join('');
        tr.push(`<tr>${group ? `<td rowspan="1">${group}</td>` : ''}<td colspan="${group ? 1 : 2}"><p>${r.label}</p></td>${cells}</tr>`);
        group = '';
      }
      const t4 = `<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr><tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr><tr>${t4Values(g).map((x) => `<td>${x === null ? '&nbsp;' : x}</td>`).join('')}</tr></table>`;
      const html = `<html><head><meta charset="gbk"><title>${title}</title></head><body><p>${title}</p><p>三、收到和处理政府信息公开申请情况</p><table><tr><td rowspan="3" colspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr><tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr><tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>${tr.join('')}</table><p>四、政府信息公开行政复议、行政诉讼情况</p>${t4}<p>五、存在的主要问题及改进情况</p></body></html>`;
      return encodeGbk(html);
    },
  },
};

/** GBK bytes of a string (Node's TextEncoder only writes UTF-8): map through a decoding table. */
function encodeGbk(s: string): Buffer {
  const dec = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

const REPORTS: [string, string][] = [
  ['longgang-2022.txt', '深圳市龙岗区2022年政府信息公开工作年度报告'],
  ['shanghai-bgt_2019_1.json', '2019年上海市人民政府办公厅政府信息公开工作年度报告'],
];

describe('every layout of the family extracts to the gold numbers', () => {
  for (const [goldFile, title] of REPORTS) {
    const gold = readGold(goldFile);
    for (const [name, layout] of Object.entries(LAYOUTS)) {
      // without cell boundaries a blank cell leaves no trace: those layouts only for reports without blanks
      const hasBlanks = JSON.stringify(gold.t3).includes('null') || JSON.stringify(gold.t4).includes('null');
      if (hasBlanks && !layout.blanks) continue;
      it(`${goldFile} as ${name}`, async () => {
        const data = layout.make(gold, title);
        const r = await extractBytes(`made.${layout.ext}`, typeof data === 'string' ? new TextEncoder().encode(data) : data);
        expect(r.status, r.error).not.toBe('rejected');
        const got = (t: 't2' | 't3' | 't4', row: string, col: string) => (r[t] as Record<string, Record<string, { value: Cellv }>>)[row]?.[col]?.value;
        const flagged = new Set(r.flags.map((f) => f.cell));
        const wrong: string[] = [];
        for (const t of ['t3', 't4'] as const) {
          for (const [row, cols] of Object.entries(gold[t])) {
            for (const [col, want] of Object.entries(cols)) if (got(t, row, col) !== want) wrong.push(`${t}.${row}.${col}: want ${want}, got ${got(t, row, col)}`);
          }
        }
        // table 2 has no sums: glued runs may stay ambiguous, but then they are NULL and flagged
        for (const [row, cols] of Object.entries(gold.t2 ?? {})) {
          if (!layout.t2) continue;
          for (const [col, want] of Object.entries(cols)) {
            const g2 = got('t2', row, col);
            if (g2 !== want && !(g2 === null && flagged.has(`t2.${row}.${col}`))) wrong.push(`t2.${row}.${col}: want ${want}, got ${g2}`);
          }
        }
        expect(wrong).toEqual([]);
        expect(r.format).toBe(gold.format);
        expect(r.issuer).toBe(gold.issuer);
        expect(r.year).toBe(gold.year);
      });
    }
  }
});
