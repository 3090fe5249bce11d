// Extraction results as NDJSON rows on disk, written by whichever thread did the extraction, so
// the main thread never holds millions of cells; DuckDB then reads the files in one insert.
import fs from 'node:fs';
import path from 'node:path';
import { extractRead, type Extractor, readInput } from '../commands/extract.ts';
import { extractBytes } from './extract.ts';
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

export interface SpoolContext {
  dir: string;
  tag: string;
  columns: Record<SpoolTable, string[]>;
  now: string;
}

function rowsOf(doc: SpoolDoc, r: ExtractResult, now: string): Record<SpoolTable, unknown[][]> {
  const cells: unknown[][] = [];
  for (const t of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(r[t] as Record<string, Record<string, { value: number | null; kind: string; raw: string; loc: string }>>)) {
      for (const [col, c] of Object.entries(cols)) cells.push([doc.documentId, t, row, col, c.value, c.kind, c.raw, c.loc]);
    }
  }
  return {
    extractions: [[doc.documentId, doc.sha256, r.status, r.error ?? null, r.issuer, r.publisher, r.year, r.level, r.format, r.t2Format, r.notes, now, r.published?.date ?? null, r.published?.source ?? null, r.published?.text ?? null]],
    extracted_cells: cells,
    extracted_checks: r.checks.map((c) => [doc.documentId, c.rule, c.scope, c.status, c.detail, c.cells]),
    extracted_flags: r.flags.map((f) => [doc.documentId, f.cell, f.reason, f.detail, f.candidates ?? null]),
    extracted_sections: r.sections.map((x) => [doc.documentId, x.code, x.found, x.text, x.sketch]),
    extracted_prose: r.prose.map((f) => [doc.documentId, f.rule, f.value, f.sentence, f.cells, f.or ?? null]),
  };
}

export class Spool {
  private readonly fds = new Map<SpoolTable, number>();
  constructor(
    private readonly ctx: SpoolContext,
    private readonly extract: Extractor = extractBytes,
  ) {
    for (const t of SPOOL_TABLES) this.fds.set(t, fs.openSync(path.join(ctx.dir, `${t}-${ctx.tag}.ndjson`), 'a'));
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
        const cols = this.ctx.columns[t];
        let out = '';
        for (const row of rows[t]) {
          const obj: Record<string, unknown> = {};
          cols.forEach((c, j) => (obj[c] = row[j]));
          out += JSON.stringify(obj) + '\n';
        }
        if (out) fs.writeSync(this.fds.get(t)!, out);
      }
    }
  }

  close(): void {
    for (const fd of this.fds.values()) fs.closeSync(fd);
  }
}
