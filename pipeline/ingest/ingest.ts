// Stage 1: register every file of the input folder in `documents`; unchanged files are skipped.
//
// A document is known by its file's canonical absolute path (symbolic links resolved), so the
// working directory and the way the folder is named on the command line do not matter. Databases
// written before stored paths relative to the working directory of their run, which cannot be
// known now: a stored relative path is adopted (rewritten to the canonical path, keeping its id
// and its extraction) when, resolved from the current directory, it names a scanned file with
// the same sha256; one that names a file under this root that is gone or has other bytes (or a
// second copy of an adopted file) is marked removed; any other is left as it is.
import fs from 'node:fs';
import path from 'node:path';
import { listValue } from '@duckdb/node-api';
import type { Db } from '../db/duck.ts';
import { query } from '../db/duck.ts';
import { insertRows, type Row } from '../db/append.ts';
import { readSource, type Source } from './sidecar.ts';
import { documentIdOf, type Fingerprint, fingerprint, isUnder, type ScannedFile, scanFolder, type SkippedEntry } from './scan.ts';

export interface IngestSummary {
  /** the folder as named on the command line */
  root: string;
  /** its canonical absolute path: the prefix of the paths of its documents */
  realRoot: string;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** documents of an older database (relative paths) taken over by the file they name */
  adopted: number;
  skipped: SkippedEntry[];
}

interface Known {
  document_id: string;
  path: string;
  size_bytes: bigint | number;
  mtime_ms: number;
  sha256: string;
  file_type: string;
  encoding: string | null;
  ingest_state: string;
  first_seen: Date;
  last_seen: Date;
  source_url: string | null;
  source_final_url: string | null;
  source_page_url: string | null;
  fetched_at: Date | null;
  source_last_modified: Date | null;
}

/** The provenance columns of a document row, from its fetch sidecar. */
const sourceCells = (s: Source) => ({
  source_url: s.source_url,
  source_final_url: s.source_final_url,
  source_page_url: s.source_page_url,
  fetched_at: s.fetched_at,
  source_last_modified: s.last_modified,
});

const canonical = (p: string) => {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** What an ingest would write: the rows of `documents` to replace (by id) and insert. */
export interface IngestPlan {
  summary: IngestSummary;
  rows: Row<'documents'>[];
  /** the ids of the stored rows the new rows replace */
  replaced: string[];
  /**
   * Nothing to write but the time each file was last seen and its state ('new' or 'changed' at
   * the run before becoming 'unchanged'): every file is stored with its path, size, mtime, hash
   * and sidecar, and no stored document of this folder is gone.
   */
  unchanged: boolean;
}

/** The columns a re-run with nothing changed would write again as they are stored. */
const SAME = ['path', 'size_bytes', 'mtime_ms', 'sha256', 'file_type', 'encoding', 'source_url', 'source_final_url', 'source_page_url', 'fetched_at', 'source_last_modified'] as const;
const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'bigint' || typeof b === 'bigint') return Number(a) === Number(b);
  return a === b;
};

export async function ingest(db: Db, root: string): Promise<IngestSummary> {
  const { summary, rows, replaced } = await planIngest(db, root);
  if (replaced.length > 0) await db.conn.run(`DELETE FROM documents WHERE document_id IN (SELECT unnest($1::VARCHAR[]))`, [listValue(replaced)] as never);
  await insertRows(db, 'documents', rows);
  return summary;
}

/** Scan the folder and work out what ingest writes, reading the database only. */
export async function planIngest(db: Db, root: string): Promise<IngestPlan> {
  const scan = scanFolder(root);
  const files = new Map(scan.files.map((f) => [f.path, f]));
  const all = await query<Known>(db, 'SELECT * FROM documents');
  const byPath = new Map<string, Known>();
  const relative: Known[] = [];
  for (const k of all) {
    if (path.isAbsolute(k.path)) byPath.set(k.path, k);
    else relative.push(k);
  }
  const fingerprints = new Map<string, Fingerprint>();
  const fp = (f: ScannedFile) => {
    let x = fingerprints.get(f.path);
    if (!x) fingerprints.set(f.path, (x = fingerprint(f.path)));
    return x;
  };

  // documents of an older version, stored relative to the working directory of their run
  const adopted = new Map<string, Known>();
  relative.sort((a, b) => Number(a.ingest_state === 'removed') - Number(b.ingest_state === 'removed') || a.first_seen.getTime() - b.first_seen.getTime());
  const unproved: Known[] = [];
  for (const k of relative) {
    const real = canonical(k.path);
    const f = files.get(real);
    if (f && !byPath.has(real) && !adopted.has(real) && fp(f).sha256 === k.sha256) adopted.set(real, k);
    else if (f || isUnder(real, scan.root)) unproved.push(k);
  }
  // the others name a file of this folder that is gone or has other bytes, or one already known:
  // retired only when the adoptions prove that this is the working directory they were stored from
  const retired = adopted.size > 0 || [...byPath.keys()].some((p) => isUnder(p, scan.root)) ? unproved : [];

  const now = new Date();
  const summary: IngestSummary = { root, realRoot: scan.root, new: 0, changed: 0, unchanged: 0, removed: 0, adopted: adopted.size, skipped: scan.skipped };
  const ids = new Set(all.map((k) => k.document_id));
  const rows: Row<'documents'>[] = [];
  const replaced: string[] = [];
  for (const f of scan.files) {
    const k = byPath.get(f.path) ?? adopted.get(f.path);
    byPath.delete(f.path);
    let id = k?.document_id ?? f.documentId;
    // a new document's id is the hash of its path, unless an older row (of another path) has it
    for (let i = 1; !k && ids.has(id); i++) id = documentIdOf(`${f.path}#${i}`);
    ids.add(id);
    if (k) replaced.push(id);
    // size and mtime unchanged: trust the stored hash and skip reading the file
    if (k && !fingerprints.has(f.path) && Number(k.size_bytes) === f.sizeBytes && k.mtime_ms === f.mtimeMs) {
      summary.unchanged++;
      rows.push({
        document_id: id, path: f.path, size_bytes: f.sizeBytes, mtime_ms: f.mtimeMs, sha256: k.sha256, file_type: k.file_type, encoding: k.encoding,
        ingest_state: 'unchanged', first_seen: k.first_seen, last_seen: now, ...sourceCells(readSource(f.path, k.sha256)),
      });
      continue;
    }
    const x = fp(f);
    const state = !k ? 'new' : k.sha256 === x.sha256 ? 'unchanged' : 'changed';
    summary[state]++;
    rows.push({
      document_id: id, path: f.path, size_bytes: f.sizeBytes, mtime_ms: f.mtimeMs, sha256: x.sha256, file_type: x.fileType, encoding: x.encoding,
      ingest_state: state, first_seen: k?.first_seen ?? now, last_seen: now, ...sourceCells(readSource(f.path, x.sha256)),
    });
  }
  const gone = [...[...byPath.values()].filter((k) => isUnder(k.path, scan.root)), ...retired];
  for (const k of gone) {
    if (k.ingest_state === 'removed') continue;
    summary.removed++;
    replaced.push(k.document_id);
    // a removed file keeps the time it was last seen
    rows.push({
      document_id: k.document_id, path: k.path, size_bytes: Number(k.size_bytes), mtime_ms: k.mtime_ms, sha256: k.sha256, file_type: k.file_type, encoding: k.encoding,
      ingest_state: 'removed', first_seen: k.first_seen, last_seen: k.last_seen, ...sourceCells({ ...k, last_modified: k.source_last_modified }),
    });
  }
  let unchanged = summary.new + summary.changed + summary.removed + summary.adopted === 0;
  if (unchanged) {
    const stored = new Map(all.map((k) => [k.document_id, k]));
    unchanged = rows.every((r) => {
      const k = stored.get(r.document_id as string);
      const [row, was] = [r as unknown as Record<string, unknown>, k as unknown as Record<string, unknown>];
      return k !== undefined && k.ingest_state !== 'removed' && SAME.every((c) => same(row[c], was[c]));
    });
  }
  return { summary, rows, replaced, unchanged };
}
