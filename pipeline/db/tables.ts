// Kysely types of the tables and views the pipeline queries (DDL in sql/). Checked against the
// schema by test/sql-kysely-types.test.ts: every column is here with a type that fits its DuckDB
// type as @duckdb/node-api returns it (BIGINT as bigint), non-NULL only where the DDL says NOT NULL
// or a not_null data test checks it, and the values of each accepted_values data test as a union.
import type { CheckRule, CheckStatus, Format, Level } from '../codes.ts';

export interface DocumentsTable {
  document_id: string;
  path: string;
  size_bytes: number | bigint;
  mtime_ms: number;
  sha256: string;
  file_type: 'html' | 'text' | 'json' | 'docx' | 'doc' | 'pdf';
  encoding: string | null;
  ingest_state: 'new' | 'changed' | 'unchanged' | 'removed';
  first_seen: Date;
  last_seen: Date;
  source_url: string | null;
  source_final_url: string | null;
  source_page_url: string | null;
  fetched_at: Date | null;
  source_last_modified: Date | null;
}

export interface ExtractionsTable {
  document_id: string;
  sha256: string;
  status: 'ok' | 'partial' | 'rejected';
  error: string | null;
  issuer: string | null;
  publisher: string | null;
  year: number | null;
  level: Level | null;
  format: Format | null;
  t2_format: Format | null;
  notes: string[] | null;
  extracted_at: Date;
  published_on: Date | null;
  published_source: string | null;
  published_text: string | null;
}

export interface BodiesTable {
  body_id: string;
  name: string;
  level: Level;
  region_code: string | null;
  parent_body_id: string | null;
  inferred: boolean;
}

export interface BodyAliasesTable {
  alias: string;
  body_id: string;
  source: 'issuer' | 'publisher';
}

export interface DocumentBodiesTable {
  document_id: string;
  body_id: string | null;
  year: number | null;
}

export interface ReportsTable {
  report_id: string;
  body_id: string;
  year: number;
  format: Format | null;
  extract_status: 'ok' | 'partial';
  document_id: string;
  source_path: string;
  source_url: string | null;
  source_page_url: string | null;
  n_failed_checks: bigint | number;
  n_flags: bigint | number;
  n_duplicates: bigint | number;
}

export interface DocumentStatusView {
  document_id: string;
  path: string;
  status: 'loaded' | 'duplicate' | 'rejected' | 'removed' | 'pending';
  reason: string | null;
  issuer: string | null;
  year: number | null;
  extract_status: string | null;
}

export interface CheckResultsTable {
  report_id: string;
  rule: CheckRule;
  scope: string;
  status: CheckStatus;
  detail: string;
  cells: string[];
  recomputed: boolean;
}

export interface FlagsTable {
  report_id: string;
  cell: string;
  reason: string;
  detail: string;
  candidates: number[] | null;
  corrected: boolean;
}

export interface ReviewQueueView {
  report_id: string;
  body_id: string;
  body: string;
  year: number;
  document_id: string;
  document_sha256: string;
  source_path: string;
  cell: string;
  label_zh: string;
  why: string;
  detail: string;
  candidates: string | null;
  extracted_value: string;
  printed_text: string;
  loc: string;
}

export interface StgCellCorrectionsView {
  document_sha256: string;
  cell: string;
  table_code: string;
  row_code: string;
  col_code: string;
  document_id: string | null;
  path: string | null;
  original_value: string | null;
  extracted_value: number | null;
  extracted_kind: string | null;
  corrected_value: number | null;
  corrected_kind: string;
  corrected_text: string;
  reason: string | null;
  reviewer: string | null;
  corrected_at: Date;
  status: 'applied' | 'redundant' | 'stale';
}

export interface CorrectionsTable {
  document_sha256: string;
  cell: string;
  original_value: string | null;
  corrected_value: number | null;
  corrected_kind: 'number' | 'blank' | 'slash' | 'dash' | 'none_word';
  corrected_text: string;
  reason: string | null;
  reviewer: string | null;
  document_path: string | null;
  corrected_at: Date;
}

export interface CorrectedChecksTable {
  document_id: string;
  rule: CheckRule;
  scope: string;
  status: CheckStatus;
  detail: string;
  cells: string[];
}

export interface UserGroupsTable {
  group_name: string;
  body_id: string;
}

export interface MetaTable {
  key: string;
  value: string | null;
}

export interface RegionsTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
  province: string;
  city: string | null;
  full_name: string;
}

export interface Database {
  documents: DocumentsTable;
  extractions: ExtractionsTable;
  bodies: BodiesTable;
  body_aliases: BodyAliasesTable;
  document_bodies: DocumentBodiesTable;
  reports: ReportsTable;
  document_status: DocumentStatusView;
  check_results: CheckResultsTable;
  flags: FlagsTable;
  corrections: CorrectionsTable;
  corrected_checks: CorrectedChecksTable;
  user_groups: UserGroupsTable;
  meta: MetaTable;
  regions: RegionsTable;
  review_queue: ReviewQueueView;
  stg_cell_corrections: StgCellCorrectionsView;
}
