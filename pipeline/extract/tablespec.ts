// One declarative spec per table and format (format-spec §6.2-6.5): the section it is printed in,
// the header words that identify it (and its format), its row labels in printed order, its
// columns and its identities. The drivers (table2.ts, table3.ts, table4.ts), the checks and the
// solver read them from here; a new label variant or header word is an addition to this data
// (row label keys live in labels.ts, section headings in sections.ts, windows in spec.ts).
import { type Format, type SectionCode, type T2Col, type T2Row, type T3Col, type T3Row, T2_LAYOUT, T3_COLS, T3_ROWS_F2019, T3_ROWS_F2021, T4_COLS, T4_GROUPS } from '../codes.ts';
import { type RowLabel, T2_LABELS, escapeChar, T3_LABELS_HEAD, T3_LABELS_OTHER_2021, T3_LABELS_TAIL, T3_OTHER_GROUP } from './labels.ts';
import { type SumIdentity, columnIdentities, groupIdentity, rowIdentity } from './spec.ts';

export interface TableSpec<R extends string, C extends string> {
  table: 't2' | 't3' | 't4';
  format: Format;
  section: SectionCode;
  /** header words printed in this table in this format only: seeing one decides the format */
  formatWords: string[];
  /** row labels in printed order (a group label such as （六）其他处理 in f2021 bounds rows, no values) */
  rows: RowLabel<R>[];
  /** the rows the format prints */
  printedRows: readonly R[];
  /** each row's columns in printed order */
  columns: (row: R) => readonly C[];
  /** the arithmetic identities over the table's cells (V…), for the checks and the solver */
  identities: SumIdentity[];
}

const t2 = (format: Format, formatWords: string[]): TableSpec<T2Row, T2Col> => ({
  table: 't2',
  format,
  section: 's2.proactive',
  formatWords,
  rows: T2_LABELS.filter((l) => T2_LAYOUT[format][l.row]),
  printedRows: T2_LABELS.map((l) => l.row).filter((r) => T2_LAYOUT[format][r]),
  columns: (row) => T2_LAYOUT[format][row] ?? [],
  identities: [], // V2.2/V2.3 are inequalities and a plausibility rule: checks.ts
});

const t3 = (format: Format): TableSpec<T3Row, T3Col> => {
  const printedRows = format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019;
  return {
    table: 't3',
    format,
    section: 's3.requests',
    // （六） with sub-rows is f2021, （六） as one row is f2019: the rows decide, not header words
    formatWords: [],
    rows: format === 'f2021' ? [...T3_LABELS_HEAD, T3_OTHER_GROUP, ...T3_LABELS_OTHER_2021, ...T3_LABELS_TAIL] : [...T3_LABELS_HEAD, T3_OTHER_GROUP, ...T3_LABELS_TAIL],
    printedRows,
    columns: () => T3_COLS,
    identities: [...columnIdentities(format), ...printedRows.map(rowIdentity)],
  };
};

/** Table 4 is one row of 15 cells in both formats (three groups of five) under these header words. */
export const T4_HEADER_WORDS = ['行政复议', '行政诉讼', '结果', '维持', '纠正', '其他', '尚未', '审结', '总计', '直接起诉', '复议后起诉', '未经复议'];
const t4 = (format: Format): TableSpec<'cases', string> => ({
  table: 't4',
  format,
  section: 's4.review_litigation',
  formatWords: [],
  rows: [],
  printedRows: ['cases'],
  columns: () => T4_GROUPS.flatMap((g) => T4_COLS.map((c) => `${g}.${c}`)),
  identities: T4_GROUPS.map(groupIdentity),
});

export const TABLE_SPECS = {
  t2: {
    // `本年制发件数` / `现行有效件数` / `收费金额` are 2021 words; `新制作数量` / `对外公开总数量` /
    // `上一年项目数量` / the 2019 procurement row (第二十条第（九）项) are 2019 words
    f2021: t2('f2021', ['本年制发', '本年废止', '现行有效', '收费金额']),
    f2019: t2('f2019', ['新制作', '对外公开总', '上一年项目', '集中采购', '第二十条第(九']),
  },
  t3: { f2021: t3('f2021'), f2019: t3('f2019') },
  t4: { f2021: t4('f2021'), f2019: t4('f2019') },
} as const;

/** Words with optional spaces between their characters (a PDF or a wrapped cell spaces them). */
export function spacedWords(words: string[]): RegExp {
  return new RegExp(words.map((w) => [...w].map(escapeChar).join('\\s*')).join('|'), 'gu');
}
