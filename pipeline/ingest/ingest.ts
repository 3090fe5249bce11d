// Stage 1: register every file of the input folder in `documents`; unchanged files are skipped.
import path from 'node:path';
import type { Db } from '../db/duck.ts';
import { query } from '../db/duck.ts';
import { appendRows } from '../db/append.ts';
import { fingerprint, scanFolder } from './scan.ts';

export interface IngestSummary {
  root: string;
  new: number;
  changed: number;
  unchanged: number;
  removed: number;
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
}

export async function ingest(db: Db, root: string): Promise<IngestSummary> {
  const files = scanFolder(root);
  const rootRel = path.relative(process.cwd(), path.resolve(root));
  const prefix = rootRel === '' ? '' : rootRel + path.sep;
  const known = new Map(
    (await query<Known>(db, 'SELECT * FROM documents')).filter((k) => k.path.startsWith(prefix)).map((k) => [k.document_id, k]),
  );
  const now = new Date();
  const summary: IngestSummary = { root: rootRel || '.', new: 0, changed: 0, unchanged: 0, removed: 0 };
  const rows: unknown[][] = [];
  for (const f of files) {
    const k = known.get(f.documentId);
    known.delete(f.documentId);
    // size and mtime unchanged: trust the stored hash and skip reading the file
    if (k && Number(k.size_bytes) === f.sizeBytes && k.mtime_ms === f.mtimeMs) {
      summary.unchanged++;
      rows.push([f.documentId, f.path, f.sizeBytes, f.mtimeMs, k.sha256, k.file_type, k.encoding, 'unchanged', k.first_seen, now]);
      continue;
    }
    const fp = fingerprint(f.path);
    const state = !k ? 'new' : k.sha256 === fp.sha256 ? 'unchanged' : 'changed';
    summary[state]++;
    rows.push([f.documentId, f.path, f.sizeBytes, f.mtimeMs, fp.sha256, fp.fileType, fp.encoding, state, k?.first_seen ?? now, now]);
  }
  await db.conn.run(`DELETE FROM documents WHERE starts_with(path, $1)`, [prefix]);
  for (const k of known.values()) {
    summary.removed++;
    // a removed file keeps the time it was last seen
    rows.push([k.document_id, k.path, Number(k.size_bytes), k.mtime_ms, k.sha256, k.file_type, k.encoding, 'removed', k.first_seen, k.last_seen]);
  }
  await appendRows(db, 'documents', rows);
  return summary;
}
