// Extraction results as NDJSON rows on disk, written by whichever thread did the extraction, so
// the main thread never holds millions of cells. The files are handed over in batches of about
// ROTATE_BYTES (the spool closes them and starts new ones) and inserted while extraction goes on,
// so the temporary disk is a few batches, not the whole corpus (2.7 GB at 40k reports before).
import fs from 'node:fs';
import path from 'node:path';
import { extractRead, type Extractor, readInput } from '../commands/extract.ts';
import { extractBytes } from './extract.ts';
import type { Row } from '../db/append.ts';
import { checkRowNames } from '../db/rownames.ts';
import type { ExtractResult } from './result.ts';

export const SPOOL_TABLES = ['extractions', 'extracted_cells', 'extracted_checks', 'extracted_flags', 'extracted_prose', 'extracted_sections'] as const;
export type SpoolTable = (typeof SPOOL_TABLES)[number];

export interface SpoolDoc {
  documentId: string;
  sha256: string;
  path: string;
}

/** One extraction job: a file, and every document whose content is identical to it. */
export interface SpoolJob {
  path: string;
  docs: SpoolDoc[];
}

/** A spool hands its files over once they hold this much (all tables together). */
export const ROTATE_BYTES = 32 * 1024 * 1024;

/** Closed spool files ready to insert: one per table that got rows. */
export type SpoolBatch = { table: SpoolTable; file: string }[];

export interface SpoolContext {
  dir: string;
  tag: string;
  /** hand the files over at this size (default ROTATE_BYTES) */
  rotateBytes?: number;
  /** each table's column names in the database, to check the rows' names against */
  columns: Record<SpoolTable, string[]>;
  now: string;
}

/**
 * One document's rows, as objects keyed by column name (the NDJSON is read by name: see
 * insertNdjson). extractions is typed by its table in pipeline/db/tables.ts; the other tables' names
 * are checked against the database's columns when a Spool first writes each table (checkRowNames:
 * every row of a table is made by the same object literal, so its first row stands for the rest).
 */
function rowsOf(doc: SpoolDoc, r: ExtractResult, now: string): Record<SpoolTable, Record<string, unknown>[]> {
  const cells: Record<string, unknown>[] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, { value: number | null; kind: string; raw: string; loc: string }>>)) {
      for (const [col, c] of Object.entries(cols)) {
        cells.push({ document_id: doc.documentId, table_code: t, row_code: row, col_code: col, value: c.value, cell_kind: c.kind, raw_text: c.raw, loc: c.loc });
      }
    }
  }
  const extraction: Row<'extractions'> = {
    document_id: doc.documentId,
    sha256: doc.sha256,
    status: r.status,
    error: r.error ?? null,
    issuer: r.issuer,
    publisher: r.publisher,
    year: r.year,
    level: r.level,
    format: r.format,
    t2_format: r.t2Format,
    notes: r.notes,
    extracted_at: now,
    published_on: r.published?.date ?? null,
    published_source: r.published?.source ?? null,
    published_text: r.published?.text ?? null,
  };
  return {
    extractions: [extraction],
    extracted_cells: cells,
    extracted_checks: r.checks.map((c) => ({ document_id: doc.documentId, rule: c.rule, scope: c.scope, status: c.status, detail: c.detail, cells: c.cells })),
    extracted_flags: r.flags.map((f) => ({ document_id: doc.documentId, cell: f.cell, reason: f.reason, detail: f.detail, candidates: f.candidates ?? null })),
    extracted_sections: r.sections.map((x) => ({ document_id: doc.documentId, section: x.code, found: x.found, text: x.text, sketch: x.sketch })),
    extracted_prose: r.prose.map((f) => ({ document_id: doc.documentId, rule: f.rule, value: f.value, sentence: f.sentence, cells: f.cells, or_cells: f.or ?? null })),
  };
}

export class Spool {
  private readonly fds = new Map<SpoolTable, number>();
  /** bytes written to the open files, per table */
  private readonly sizes = new Map<SpoolTable, number>();
  private written = 0;
  private part = 0;
  /** the tables whose row names were checked against ctx.columns */
  private readonly checked = new Set<SpoolTable>();
  constructor(
    private readonly ctx: SpoolContext,
    private readonly extract: Extractor = extractBytes,
  ) {
    this.open();
  }

  private file(t: SpoolTable): string {
    return path.join(this.ctx.dir, `${t}-${this.ctx.tag}-${this.part}.ndjson`);
  }

  private open(): void {
    for (const t of SPOOL_TABLES) {
      this.fds.set(t, fs.openSync(this.file(t), 'a'));
      this.sizes.set(t, 0);
    }
    this.written = 0;
  }

  /**
   * The files written so far once they hold ROTATE_BYTES (closed; the spool goes on in new ones),
   * else null. Empty files are removed, not handed over.
   */
  takeBatch(force = false): SpoolBatch | null {
    if (!force && this.written < (this.ctx.rotateBytes ?? ROTATE_BYTES)) return null;
    const batch: SpoolBatch = [];
    for (const t of SPOOL_TABLES) {
      fs.closeSync(this.fds.get(t)!);
      if (this.sizes.get(t)! > 0) batch.push({ table: t, file: this.file(t) });
      else fs.rmSync(this.file(t), { force: true });
    }
    this.part++;
    this.open();
    return batch;
  }

  /**
   * Extract one job's content and write its rows for each of the job's documents; the status of
   * each document, in order. The bytes are read from the first document whose file can still be
   * read: one that vanished since ingest is rejected alone, not with every copy of it.
   */
  async run(job: SpoolJob): Promise<ExtractResult['status'][]> {
    const statuses: ExtractResult['status'][] = [];
    for (const [i, doc] of job.docs.entries()) {
      const read = readInput(doc.path);
      if ('failed' in read) {
        this.write([doc], read.failed);
        statuses.push('rejected');
        continue;
      }
      const r = await extractRead(doc.path, read.bytes, this.extract);
      const rest = job.docs.slice(i);
      this.write(rest, r);
      return [...statuses, ...rest.map(() => r.status)];
    }
    return statuses;
  }

  /** Write `r` as the result of each of `docs`. */
  write(docs: SpoolDoc[], r: ExtractResult): void {
    for (const doc of docs) {
      const rows = rowsOf(doc, r, this.ctx.now);
      for (const t of SPOOL_TABLES) {
        const table = rows[t];
        if (table.length > 0 && !this.checked.has(t)) {
          checkRowNames(t, table[0]!, this.ctx.columns[t]);
          this.checked.add(t);
        }
        let out = '';
        for (const row of table) out += JSON.stringify(row) + '\n';
        if (out) {
          const n = fs.writeSync(this.fds.get(t)!, out);
          this.sizes.set(t, this.sizes.get(t)! + n);
          this.written += n;
        }
      }
    }
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
  }
}
