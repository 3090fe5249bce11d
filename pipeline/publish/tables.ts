// The annual comparison tables: which mart each reads, its columns and how each is shown. The
// metric tables, their metrics, rank columns and order come from the metric dictionary
// (data/reference/metric_tables.csv and the tables column of data/reference/metrics.csv, read by
// pipeline/db/metricsql.ts, which also generates their marts from the same rows).
import { placed, readMetricDictionary } from '../db/metricsql.ts';

export type ColumnKind = 'text' | 'count' | 'share' | 'per_100' | 'rank' | 'money' | 'int';

export interface Column {
  key: string;
  zh: string;
  en: string;
  kind: ColumnKind;
}

export interface TableSpec {
  /** a table of data/reference/metric_tables.csv */
  id: string;
  view: string;
  zh: string;
  en: string;
  /** metric columns (labels come from the metric dictionary) */
  metrics: string[];
  /** metrics that also get a rank column */
  ranked: string[];
  /** the metric rows are ordered by (descending) */
  orderBy: string;
}

export const BODY_COLUMNS: Column[] = [
  { key: 'group_name', zh: '比较组', en: 'peer group', kind: 'text' },
  { key: 'body', zh: '单位', en: 'body', kind: 'text' },
  { key: 'level', zh: '层级', en: 'level', kind: 'text' },
  { key: 'format', zh: '报告格式', en: 'format', kind: 'text' },
];

const DICTIONARY = readMetricDictionary();

export const METRIC_TABLES: TableSpec[] = DICTIONARY.tables
  .filter((t) => t.kind === 'table')
  .map((t) => ({ id: t.id, view: t.mart, zh: t.titleZh, en: t.titleEn, ...placed(DICTIONARY, 'table', t.id), orderBy: t.orderBy }));

export const QUALITY_TABLE = {
  id: 'data_quality' as const,
  view: 'mart_data_quality',
  zh: '数据质量',
  en: 'Data quality',
  columns: [
    ...BODY_COLUMNS,
    { key: 'extract_status', zh: '读取状态', en: 'extract status', kind: 'text' },
    { key: 'n_failed_checks', zh: '未通过的校验', en: 'failed checks', kind: 'int' },
    { key: 'n_flags', zh: '存疑标记', en: 'flags', kind: 'int' },
    { key: 'n_duplicates', zh: '重复文件', en: 'duplicate files', kind: 'int' },
    { key: 'failed_checks', zh: '未通过的校验项', en: 'failed check rules', kind: 'text' },
    { key: 'n_corrected', zh: '人工更正的单元格', en: 'corrected cells', kind: 'int' },
    { key: 'n_stale_corrections', zh: '未应用的过期更正', en: 'stale corrections', kind: 'int' },
    // the page the report was published on when it was fetched (xxgk fetch), else the local file
    { key: 'source', zh: '来源', en: 'source', kind: 'text' },
  ] as Column[],
};

export const NOTES_COLUMN: Column = { key: 'notes', zh: '说明', en: 'notes', kind: 'text' };

/** The quality of the reports themselves (report_quality_ranked): completeness, copied text, checks, timeliness. */
export const REPORT_QUALITY_TABLE = {
  id: 'report_quality' as const,
  zh: '报告质量：完整性、与上年雷同、校验、及时性',
  en: 'Report quality: completeness, text carried over, checks, timeliness',
  columns: [
    { key: 'group_name', zh: '比较组', en: 'peer group', kind: 'text' },
    { key: 'body', zh: '单位', en: 'body', kind: 'text' },
    { key: 'level', zh: '层级', en: 'level', kind: 'text' },
    { key: 'sections_present', zh: '六部分齐全数', en: 'sections present (of 6)', kind: 'int' },
    { key: 'missing_sections', zh: '缺少的部分', en: 'missing sections', kind: 'text' },
    { key: 'empty_sections', zh: '内容为空或“无”的部分', en: 'sections empty or 无', kind: 'text' },
    { key: 'missing_tables', zh: '缺少的表格', en: 'missing tables', kind: 'text' },
    { key: 'n_failed_table_checks', zh: '表内校验未通过', en: 'failed table checks', kind: 'int' },
    { key: 'n_prose_mismatches', zh: '正文与表格不一致', en: 'prose mismatches', kind: 'int' },
    { key: 'previous_year', zh: '对比年度', en: 'compared with', kind: 'text' },
    { key: 's1_similarity', zh: '“总体情况”与上年相似度 (%)', en: 'section 一 similarity to last year', kind: 'share' },
    { key: 'sentences_carried_share', zh: '沿用上年原句占比 (%)', en: 'sentences carried over', kind: 'share' },
    // a rank: "2/5" on the page and in Markdown, a number and a 共N column in the CSV and the workbook (flat.ts)
    { key: 'carried_rank', zh: '沿用占比名次', en: 'carried_rank', kind: 'text' },
    { key: 's1_sibling_similarity', zh: '“总体情况”与同级单位最高相似度 (%)', en: 'section 一 similarity to siblings', kind: 'share' },
    { key: 's1_sibling', zh: '“总体情况”最相似的同级单位', en: 'most similar sibling', kind: 'text' },
    { key: 'sentences_shared_share', zh: '与同级单位相同原句占比 (%)', en: 'sentences shared with siblings', kind: 'share' },
    { key: 'timeliness', zh: '发布及时性', en: 'timeliness', kind: 'text' },
    { key: 'days_late', zh: '逾期天数', en: 'days late', kind: 'int' },
  ] as Column[],
};
