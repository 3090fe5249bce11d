// The report-quality section of a body page: for each of the body's reports, the checks that fail,
// prose figures that disagree with the tables, similarity to last year's report and to the other
// bodies of the same government, days late and missing sections (report_quality). Read for a
// batch of bodies at a time; rendered as a table with a column per report, like the metrics above it.
import { type Db, query } from '../../db/duck.ts';
import { esc } from '../html.ts';

export interface ReportQuality {
  n_failed_table_checks: number;
  n_prose_mismatches: number;
  missing_sections: string | null;
  s5_empty: boolean | null;
  s6_empty: boolean | null;
  previous_year: number | null;
  s1_similarity: number | null;
  sentences_carried_share: number | null;
  n_siblings: number | null;
  /** per section (s1, s5, s6): the highest similarity to a sibling's same section, and that sibling */
  siblings: Record<'s1' | 's5' | 's6', { similarity: number | null; body_id: string | null; name: string | null }>;
  sentences_shared_share: number | null;
  timeliness: string | null;
  days_late: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const sibling = (r: Record<string, unknown>, s: string) => ({
  similarity: num(r[`${s}_sibling_similarity`]),
  body_id: (r[`${s}_sibling_body_id`] as string | null) ?? null,
  name: (r[`${s}_sibling`] as string | null) ?? null,
});

/** report_id -> its row of report_quality, with the name of the most similar sibling; of the bodies whose ids lie in `range` when given. */
export async function loadReportQuality(db: Db, range?: [string, string]): Promise<Map<string, ReportQuality>> {
  const rows = await query<Record<string, unknown>>(
    db,
    `SELECT q.report_id, q.n_failed_table_checks, q.n_prose_mismatches, q.missing_sections, q.s5_empty, q.s6_empty,
            q.previous_year, q.s1_similarity, q.sentences_carried_share, q.n_siblings, q.sentences_shared_share, q.timeliness, q.days_late,
            q.s1_sibling_similarity, q.s1_sibling_body_id, b1.name AS s1_sibling,
            q.s5_sibling_similarity, q.s5_sibling_body_id, b5.name AS s5_sibling,
            q.s6_sibling_similarity, q.s6_sibling_body_id, b6.name AS s6_sibling
     FROM report_quality q LEFT JOIN bodies b1 ON b1.body_id = q.s1_sibling_body_id
       LEFT JOIN bodies b5 ON b5.body_id = q.s5_sibling_body_id LEFT JOIN bodies b6 ON b6.body_id = q.s6_sibling_body_id
     ${range ? 'WHERE q.body_id BETWEEN $1 AND $2' : ''}`,
    range ?? [],
  );
  return new Map(
    rows.map((r) => [
      String(r.report_id),
      {
        n_failed_table_checks: Number(r.n_failed_table_checks),
        n_prose_mismatches: Number(r.n_prose_mismatches),
        missing_sections: (r.missing_sections as string | null) ?? null,
        s5_empty: (r.s5_empty as boolean | null) ?? null,
        s6_empty: (r.s6_empty as boolean | null) ?? null,
        previous_year: num(r.previous_year),
        s1_similarity: num(r.s1_similarity),
        sentences_carried_share: num(r.sentences_carried_share),
        n_siblings: num(r.n_siblings),
        siblings: {
          s1: sibling(r, 's1'),
          s5: sibling(r, 's5'),
          s6: sibling(r, 's6'),
        },
        sentences_shared_share: num(r.sentences_shared_share),
        timeliness: (r.timeliness as string | null) ?? null,
        days_late: num(r.days_late),
      },
    ]),
  );
}

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
const TIMELINESS: Record<string, string> = { on_time: '按时', late: '逾期', unknown: '未知（无发布日期）', implausible: '日期不可信' };

/**
 * The section's HTML: one row per measure, one column per report (in the order of `years`). A
 * blank cell is unknown or not applicable (no previous report, no sibling), never a 0.
 * `link(body_id, name)` gives a sibling's name as HTML, linked to its page; every other value is escaped.
 */
export function qualitySection(reports: { year: number; quality?: ReportQuality }[], link: (id: string | null, name: string | null) => string): string {
  if (reports.length === 0) return '';
  const rows: [string, string, (q: ReportQuality) => string, boolean?][] = [
    ['表内校验未通过（项）', '报告表格自身的算术关系（V…）不成立的项数，详见下方“未通过的校验”', (q) => String(q.n_failed_table_checks)],
    ['正文与表格不一致（项）', '正文复述的数字（如“共收到申请58件”）与表格单元格不一致的项数（P…）', (q) => String(q.n_prose_mismatches)],
    ['缺少的部分', '六个部分（一至六）中未找到标题的部分；“无”表示六部分齐全', (q) => q.missing_sections ?? '无'],
    ['内容为空或“无”的部分', '第五、六部分为空或只写“无”“暂无”等', (q) => [q.s5_empty ? '五' : '', q.s6_empty ? '六' : ''].join(' ').trim()],
    ['“总体情况”与上年相似度', '第一部分与本单位上一年报告第一部分的相似度（5 字片段的 Jaccard，数字不计）；空白：没有上一年报告', (q) => pct(q.s1_similarity)],
    ['沿用上年原句占比', '第一、五、六部分中与上一年报告完全相同的句子所占比例（数字不计）', (q) => pct(q.sentences_carried_share)],
    ['同级单位报告数', '同一上级单位、同一年度的其他单位报告数；空白：没有上级单位', (q) => (q.n_siblings === null ? '' : String(q.n_siblings))],
    ...(['s1', 's5', 's6'] as const).map((sec): [string, string, (q: ReportQuality) => string, boolean] => {
      const [n, name] = { s1: ['一', '一、总体情况'], s5: ['五', '五、存在的主要问题及改进情况'], s6: ['六', '六、其他需要报告的事项'] }[sec];
      return [
        `与同级单位最高相似度（${n}）`,
        `第${n}部分（${name}）与同级单位（同一上级单位）同年报告同一部分的最高相似度，及其单位（由候选检索找到，不高于真实最高值）；空白：没有同级单位的报告有这一部分`,
        (q) => {
          const x = q.siblings[sec];
          return x.similarity === null ? '' : `${esc(pct(x.similarity))}${x.body_id ? ` <small>${link(x.body_id, x.name)}</small>` : ''}`;
        },
        true,
      ];
    }),
    ['与同级单位相同原句占比', '第一、五、六部分中至少一个同级单位同年报告也有的句子所占比例', (q) => pct(q.sentences_shared_share)],
    ['发布及时性', '按《条例》第五十条，年度报告应于次年 1 月 31 日前公布；未知：文件中没有发布日期', (q) => (q.timeliness ? (TIMELINESS[q.timeliness] ?? q.timeliness) : '')],
    ['逾期天数', '1 月 31 日之后的天数（按时为 0；未知时空白）', (q) => (q.days_late === null ? '' : String(q.days_late))],
  ];
  const body = rows
    .map(
      ([label, tip, cell, html]) =>
        `<tr><th scope="row" class="name" title="${esc(tip)}">${esc(label)}</th>${reports
          .map((r) => `<td class="n">${r.quality ? (html ? cell(r.quality) : esc(cell(r.quality))) : ''}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const head = reports.map((r) => `<th scope="col" class="n">${r.year}</th>`).join('');
  return `<section id="quality"><h2>报告质量</h2>
<p class="note">每列一份年度报告。相似度按 5 字片段计算，数字不计（换了数字的照抄仍算照抄）；空白表示无从比较或未知，不是 0。悬停项目名称可看定义。</p>
<div class="scroll"><table class="plain body-quality"><thead><tr><th scope="col" class="name">项目</th>${head}</tr></thead><tbody>
${body}
</tbody></table></div></section>`;
}
