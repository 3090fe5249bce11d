// Canonical codes of ../shared/spec/format-spec.md §6, shared by the extractor, the loader and SQL.
// Arrays are in the printed order of the national template; the unions are derived from them.

export const FORMATS = ['f2019', 'f2021'] as const;
export type Format = (typeof FORMATS)[number];

export const LEVELS = ['province', 'city', 'district', 'county', 'department', 'street', 'township', 'other'] as const;
export type Level = (typeof LEVELS)[number];

/** The six sections of a report (spec §6.1). */
export const SECTION_CODES = ['s1.overview', 's2.proactive', 's3.requests', 's4.review_litigation', 's5.problems', 's6.other'] as const;
export type SectionCode = (typeof SECTION_CODES)[number];

export const T3_COLS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
  'total',
] as const;
export type T3Col = (typeof T3_COLS)[number];

/** Rows of table 3 in printed order; `other_subtotal` is the single f2019 row （六）其他处理. */
export const T3_ROWS = [
  'new_received',
  'carried_over',
  'granted',
  'partly_granted',
  'denied_state_secret',
  'denied_prohibited_by_law',
  'denied_security_stability',
  'denied_third_party',
  'denied_internal_affairs',
  'denied_process_info',
  'denied_enforcement_file',
  'denied_admin_query',
  'unable_not_held',
  'unable_needs_creation',
  'unable_unclear',
  'not_processed_petition',
  'not_processed_duplicate',
  'not_processed_publication',
  'not_processed_excessive',
  'not_processed_confirm',
  'other_subtotal',
  'other_no_correction',
  'other_no_fee',
  'other_other',
  'total_handled',
  'carried_forward',
] as const;
export type T3Row = (typeof T3_ROWS)[number];

export const T3_ROWS_F2021: readonly T3Row[] = T3_ROWS.filter((r) => r !== 'other_subtotal');
export const T3_ROWS_F2019: readonly T3Row[] = T3_ROWS.filter(
  (r) => r !== 'other_no_correction' && r !== 'other_no_fee' && r !== 'other_other',
);

/** Rows whose sum is （七）总计 (V3.2), per format. */
export function outcomeRows(format: Format): T3Row[] {
  const rows = format === 'f2021' ? T3_ROWS_F2021 : T3_ROWS_F2019;
  const from = rows.indexOf('granted');
  const to = rows.indexOf('total_handled');
  return rows.slice(from, to);
}

export const T4_GROUPS = ['review', 'lit_direct', 'lit_after_review'] as const;
export type T4Group = (typeof T4_GROUPS)[number];
export const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Col = (typeof T4_COLS)[number];

export const T2_ROWS = [
  'regulations',
  'normative_docs',
  'x_other_proactive_docs',
  'admin_licensing',
  'other_external_services',
  'admin_penalty',
  'admin_coercion',
  'admin_fees',
  'central_procurement',
] as const;
export type T2Row = (typeof T2_ROWS)[number];

export const T2_COLS = [
  'issued',
  'repealed',
  'in_force',
  'newly_made',
  'newly_published',
  'published_total',
  'prev_year_items',
  'items_change',
  'decisions',
  'fee_amount_wan_yuan',
  'procurement_items',
  'procurement_amount',
] as const;
export type T2Col = (typeof T2_COLS)[number];

/** Valid (row, columns) of table 2 per format (§6.2), in printed column order. */
export const T2_LAYOUT: Record<Format, Partial<Record<T2Row, readonly T2Col[]>>> = {
  f2021: {
    regulations: ['issued', 'repealed', 'in_force'],
    normative_docs: ['issued', 'repealed', 'in_force'],
    x_other_proactive_docs: ['issued', 'repealed', 'in_force'],
    admin_licensing: ['decisions'],
    admin_penalty: ['decisions'],
    admin_coercion: ['decisions'],
    admin_fees: ['fee_amount_wan_yuan'],
  },
  f2019: {
    regulations: ['newly_made', 'newly_published', 'published_total'],
    normative_docs: ['newly_made', 'newly_published', 'published_total'],
    x_other_proactive_docs: ['newly_made', 'newly_published', 'published_total'],
    admin_licensing: ['prev_year_items', 'items_change', 'decisions'],
    other_external_services: ['prev_year_items', 'items_change', 'decisions'],
    admin_penalty: ['prev_year_items', 'items_change', 'decisions'],
    admin_coercion: ['prev_year_items', 'items_change', 'decisions'],
    admin_fees: ['prev_year_items', 'items_change'],
    central_procurement: ['procurement_items', 'procurement_amount'],
  },
};

/** How a printed cell was written: blank, `0`, `/`, `-` and `无` are different facts. */
export const CELL_KINDS = ['number', 'blank', 'slash', 'dash', 'none_word', 'unreadable'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** V…: the tables' identities (format-spec §6.5); P…: a figure restated in the prose against its cell (prose.ts). */
export const CHECK_RULES = ['V3.1', 'V3.2', 'V3.3', 'V3.4', 'V4.1', 'V2.2', 'V2.3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7'] as const;
export type CheckRule = (typeof CHECK_RULES)[number];
export type CheckStatus = 'pass' | 'fail' | 'not_assessable';

/** A report's publication against its deadline (31 January of the next year), sql/core/report_timeliness.sql. */
export const TIMELINESS = ['on_time', 'late', 'unknown', 'implausible'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/** Why a cell (or a row or table, spread to its cells) is flagged; `cut_short`: the file ends right after the number, which may have lost digits. */
export const FLAG_REASONS = [
  'ambiguous',
  'unsatisfiable',
  'unreadable',
  'implausible',
  'row_not_found',
  'table_not_found',
  'cut_short',
  'unit_converted',
  'year_unknown',
  'issuer_unknown',
  'issuer_inferred',
] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
