// A complete report page as a government CMS publishes it: title, 发布机构 line, sections 一…六
// with prose, and the national template tables with their real rowspan/colspan structure
// (format-spec §1.2–1.4 for f2021, §2.2–2.4 for f2019). Blank cells (null) print as empty cells.
// Pure: the same report always gives the same bytes.
import { outcomeRows, T3_COLS, T3_ROWS_F2019, T3_ROWS_F2021, T4_COLS, T4_GROUPS, type Format } from '../../pipeline/codes.ts';

export type V = number | null;
export type Cells = Record<string, Record<string, V>>;

export interface Report {
  title: string;
  issuer: string;
  year: number;
  format: Format;
  t2: Cells;
  t3: Cells;
  t4: Cells;
  /** a sentence between the heading 四 and table 4 (issue 7, class 4) */
  t4Prose?: boolean;
}

/** One printed cell of an HTML table. `text` may hold `\n` (a `<br>` inside the cell). */
export interface TCell {
  text: string;
  rs?: number;
  cs?: number;
}
export type TRow = TCell[];

// ---- labels (format-spec §6, exact template text) ----

export const T3_LABELS: Record<string, string> = {
  new_received: '一、本年新收政府信息公开申请数量',
  carried_over: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partly_granted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied_state_secret: '1.属于国家秘密',
  denied_prohibited_by_law: '2.其他法律行政法规禁止公开',
  denied_security_stability: '3.危及“三安全一稳定”',
  denied_third_party: '4.保护第三方合法权益',
  denied_internal_affairs: '5.属于三类内部事务信息',
  denied_process_info: '6.属于四类过程性信息',
  denied_enforcement_file: '7.属于行政执法案卷',
  denied_admin_query: '8.属于行政查询事项',
  unable_not_held: '1.本机关不掌握相关政府信息',
  unable_needs_creation: '2.没有现成信息需要另行制作',
  unable_unclear: '3.补正后申请内容仍不明确',
  not_processed_petition: '1.信访举报投诉类申请',
  not_processed_duplicate: '2.重复申请',
  not_processed_publication: '3.要求提供公开出版物',
  not_processed_excessive: '4.无正当理由大量反复申请',
  not_processed_confirm: '5.要求行政机关确认或重新出具已获取信息',
  other_subtotal: '（六）其他处理',
  other_no_correction: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other_no_fee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other_other: '3.其他',
  total_handled: '（七）总计',
  carried_forward: '四、结转下年度继续办理',
};

/** Group cells of table 3: label, first row of the group, number of rows it spans. */
export function t3Groups(format: Format): { label: string; first: string; rows: number }[] {
  const g = [
    { label: '三、本年度办理结果', first: 'granted', rows: format === 'f2021' ? 22 : 20 },
    { label: '（三）不予公开', first: 'denied_state_secret', rows: 8 },
    { label: '（四）无法提供', first: 'unable_not_held', rows: 3 },
    { label: '（五）不予处理', first: 'not_processed_petition', rows: 5 },
  ];
  if (format === 'f2021') g.push({ label: '（六）其他处理', first: 'other_no_correction', rows: 3 });
  return g;
}

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const T4_COL_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 2 blocks per format: caption, header cells (after 信息内容), rows [code, label, columns]. */
export function t2Blocks(format: Format): { caption: string; head: string[]; rows: [string, string, string[]][] }[] {
  if (format === 'f2021') {
    return [
      { caption: '第二十条第（一）项', head: ['本年制发件数', '本年废止件数', '现行有效件数'], rows: [['regulations', '规章', ['issued', 'repealed', 'in_force']], ['normative_docs', '行政规范性文件', ['issued', 'repealed', 'in_force']]] },
      { caption: '第二十条第（五）项', head: ['本年处理决定数量'], rows: [['admin_licensing', '行政许可', ['decisions']]] },
      { caption: '第二十条第（六）项', head: ['本年处理决定数量'], rows: [['admin_penalty', '行政处罚', ['decisions']], ['admin_coercion', '行政强制', ['decisions']]] },
      { caption: '第二十条第（八）项', head: ['本年收费金额（单位：万元）'], rows: [['admin_fees', '行政事业性收费', ['fee_amount_wan_yuan']]] },
    ];
  }
  const items = ['prev_year_items', 'items_change', 'decisions'];
  return [
    { caption: '第二十条第（一）项', head: ['本年新制作数量', '本年新公开数量', '对外公开总数量'], rows: [['regulations', '规章', ['newly_made', 'newly_published', 'published_total']], ['normative_docs', '规范性文件', ['newly_made', 'newly_published', 'published_total']]] },
    { caption: '第二十条第（五）项', head: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['admin_licensing', '行政许可', items], ['other_external_services', '其他对外管理服务事项', items]] },
    { caption: '第二十条第（六）项', head: ['上一年项目数量', '本年增/减', '处理决定数量'], rows: [['admin_penalty', '行政处罚', items], ['admin_coercion', '行政强制', items]] },
    { caption: '第二十条第（八）项', head: ['上一年项目数量', '本年增/减'], rows: [['admin_fees', '行政事业性收费', ['prev_year_items', 'items_change']]] },
    { caption: '第二十条第（九）项', head: ['采购项目数量', '采购总金额'], rows: [['central_procurement', '政府集中采购', ['procurement_items', 'procurement_amount']]] },
  ];
}

/** How a value is printed: integers plainly, decimals as given, signed changes with their sign. */
export function printValue(v: V, col = ''): string {
  if (v === null) return '';
  if (col === 'items_change' && v > 0) return `+${v}`;
  // real reports print the procurement amount with its unit (the column has none)
  if (col === 'procurement_amount' && v !== 0) return `${v}元`;
  return String(v);
}

// ---- the three tables as rows of cells ----

export function table2Rows(r: Report): TRow[] {
  const out: TRow[] = [];
  for (const b of t2Blocks(r.format)) {
    out.push([{ text: b.caption, cs: 4 }]);
    // a block with fewer than three data columns lets its last column span the rest
    const last = 4 - b.head.length;
    out.push([{ text: '信息内容' }, ...b.head.map((h, i) => ({ text: h, cs: i === b.head.length - 1 ? last : 1 }))]);
    for (const [code, label, cols] of b.rows) {
      out.push([{ text: label }, ...cols.map((c, i) => ({ text: printValue(r.t2[code]?.[c] ?? null, c), cs: i === cols.length - 1 ? last : 1 }))]);
    }
  }
  return out.map((row) => row.map((c) => (c.cs === 1 ? { text: c.text } : c)));
}

export function table3Rows(r: Report): TRow[] {
  const rows = (r.format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019) as string[];
  const groups = t3Groups(r.format);
  const inner = new Set<string>();
  for (const g of groups.slice(1)) {
    const i = rows.indexOf(g.first);
    for (let k = 0; k < g.rows; k++) inner.add(rows[i + k]!);
  }
  const out: TRow[] = [
    [{ text: T3_NOTE, rs: 3, cs: 3 }, { text: '申请人情况', cs: 7 }],
    [{ text: '自然人', rs: 2 }, { text: '法人或其他组织', cs: 5 }, { text: '总计', rs: 2 }],
    [{ text: '商业\n企业' }, { text: '科研\n机构' }, { text: '社会公益组织' }, { text: '法律服务机构' }, { text: '其他' }],
  ];
  const outcome = new Set(outcomeRows(r.format) as string[]).add('total_handled');
  for (const code of rows) {
    const row: TRow = [];
    for (const g of groups) if (g.first === code) row.push({ text: g.label, rs: g.rows });
    const label = T3_LABELS[code]!;
    if (!outcome.has(code)) row.push({ text: label, cs: 3 });
    else if (inner.has(code)) row.push({ text: label });
    else row.push({ text: label, cs: 2 });
    for (const c of T3_COLS) row.push({ text: printValue(r.t3[code]?.[c] ?? null) });
    out.push(row);
  }
  return out;
}

export function table4Rows(r: Report): TRow[] {
  return [
    [{ text: '行政复议', cs: 5 }, { text: '行政诉讼', cs: 10 }],
    [...T4_COL_LABELS.map((t) => ({ text: t, rs: 2 })), { text: '未经复议直接起诉', cs: 5 }, { text: '复议后起诉', cs: 5 }],
    [...T4_COL_LABELS, ...T4_COL_LABELS].map((t) => ({ text: t })),
    T4_GROUPS.flatMap((g) => T4_COLS.map((c) => ({ text: printValue(r.t4[g]?.[c] ?? null) }))),
  ];
}

// ---- HTML ----

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function tableHtml(rows: TRow[], cls: string): string {
  const tr = rows.map(
    (row) =>
      '<tr>' +
      row
        .map((c) => {
          const a = `${c.rs && c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs && c.cs > 1 ? ` colspan="${c.cs}"` : ''}`;
          return `<td${a}><p>${c.text === '' ? '' : c.text.split('\n').map(esc).join('<br/>')}</p></td>`;
        })
        .join('') +
      '</tr>',
  );
  return `<table class="${cls}" border="1" cellspacing="0" cellpadding="0"><tbody>\n${tr.join('\n')}\n</tbody></table>`;
}

/** The prose of a report: enough to look like one, with the statistics period that carries the year. */
function prose(r: Report): Record<string, string[]> {
  const y = r.year;
  return {
    intro: [
      `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布${r.issuer}${y}年政府信息公开工作年度报告。本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。如对本报告有疑问，请与本机关办公室联系。`,
    ],
    s1: [
      `（一）主动公开。${y}年，${r.issuer}坚持以公开为常态、不公开为例外，通过政府门户网站及时发布各类政府信息。`,
      '（二）依申请公开。严格按照《条例》规定的程序和时限办理政府信息公开申请，做到依法答复。',
      '（三）政府信息管理。严格落实信息发布“三审三校”制度，动态更新政府信息公开目录。',
      '（四）政府信息公开平台建设。持续优化网站栏目设置，提升检索和查阅便利度。',
      '（五）监督保障。将政务公开工作纳入年度考核，强化督促检查。',
    ],
    s4: [`${y}年，本机关政府信息公开行政复议、行政诉讼情况如下。`],
    s5: ['一是公开内容的全面性有待加强；二是政策解读形式较为单一。下一步，将进一步完善工作机制，提升公开质量。'],
    s6: ['本年度未收取信息处理费。无其他需要报告的事项。'],
  };
}

export function reportHtml(r: Report): string {
  const p = prose(r);
  const para = (xs: string[]) => xs.map((x) => `<p>${esc(x)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",SimSun,sans-serif;font-size:11pt;width:18cm}table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:1px;font-size:9pt;text-align:center}td p{margin:0}</style>
</head><body>
<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<h1>${esc(r.title)}</h1>
<p class="info">发布机构：${esc(r.issuer)}　发布日期：${r.year + 1}-01-20</p>
<div class="article">
${para(p.intro!)}
<p>一、总体情况</p>
${para(p.s1!)}
<p>二、主动公开政府信息情况</p>
${tableHtml(table2Rows(r), 't2')}
<p>三、收到和处理政府信息公开申请情况</p>
${tableHtml(table3Rows(r), 't3')}
<p>四、政府信息公开行政复议、行政诉讼情况</p>
${r.t4Prose ? `${para(p.s4!)}\n` : ''}${tableHtml(table4Rows(r), 't4')}
<p>五、存在的主要问题及改进情况</p>
${para(p.s5!)}
<p>六、其他需要报告的事项</p>
${para(p.s6!)}
</div>
</body></html>
`;
}

// ---- identities (format-spec §6.5) ----

/** Every identity of §6.5 that fails on a complete table (blank cells count as failures), as text. */
export function identityFailures(r: Pick<Report, 'format' | 't2' | 't3' | 't4'>): string[] {
  const bad: string[] = [];
  const rows = (r.format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019) as string[];
  const v = (row: string, col: string) => r.t3[row]?.[col];
  for (const row of rows) for (const c of T3_COLS) {
    const x = v(row, c);
    if (x === undefined || x === null || !Number.isInteger(x) || x < 0) bad.push(`V3.4 t3.${row}.${c} = ${x}`);
  }
  if (bad.length) return bad;
  const n = (row: string, c: string) => v(row, c) as number;
  for (const c of T3_COLS) {
    if (n('new_received', c) + n('carried_over', c) !== n('total_handled', c) + n('carried_forward', c)) bad.push(`V3.1 ${c}`);
    const s = (outcomeRows(r.format) as string[]).reduce((a, row) => a + n(row, c), 0);
    if (s !== n('total_handled', c)) bad.push(`V3.2 ${c}: ${s} != ${n('total_handled', c)}`);
  }
  for (const row of rows) {
    const s = T3_COLS.slice(0, 6).reduce((a, c) => a + n(row, c), 0);
    if (s !== n(row, 'total')) bad.push(`V3.3 ${row}: ${s} != ${n(row, 'total')}`);
  }
  for (const g of T4_GROUPS) {
    const x = T4_COLS.map((c) => r.t4[g]?.[c]);
    if (x.some((y) => y === null || y === undefined)) bad.push(`V4.1 ${g}: blank`);
    else if ((x[0] as number) + (x[1] as number) + (x[2] as number) + (x[3] as number) !== x[4]) bad.push(`V4.1 ${g}`);
  }
  if (r.format === 'f2019') {
    for (const row of ['regulations', 'normative_docs']) {
      const m = r.t2[row]?.newly_made, p = r.t2[row]?.newly_published, t = r.t2[row]?.published_total;
      if (m != null && p != null && p > m) bad.push(`V2.2 ${row}: newly_published > newly_made`);
      if (t != null && p != null && t < p) bad.push(`V2.2 ${row}: published_total < newly_published`);
    }
  }
  return bad;
}
