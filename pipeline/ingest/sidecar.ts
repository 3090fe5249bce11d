// Where a file came from: the provenance sidecar `<file>.meta.json` that xxgk fetch writes beside
// each saved file (pipeline/fetch/store.ts). Ingest copies it into documents.source_* only while
// the sidecar describes these bytes (its sha256 is the file's): a file edited after it was fetched
// is no longer what the URL served. A missing, unreadable or malformed sidecar gives no source and
// never fails ingest.
import fs from 'node:fs';
import { SIDECAR_SUFFIX } from '../fetch/store.ts';

export interface Source {
  /** the URL asked for */
  source_url: string | null;
  /** the URL the bytes came from, after redirects */
  source_final_url: string | null;
  /** the HTML page a report came from: the page that linked it, else its own URL */
  source_page_url: string | null;
  fetched_at: Date | null;
  /** the server's Last-Modified header for these bytes (a publication date of last resort) */
  last_modified: Date | null;
}

export const NO_SOURCE: Source = { source_url: null, source_final_url: null, source_page_url: null, fetched_at: null, last_modified: null };

/** A sidecar is a few hundred bytes; anything much larger is not one. */
const MAX_SIDECAR_BYTES = 1 << 20;

const httpUrl = (v: unknown): string | null => {
  if (typeof v !== 'string' || v.length > 8192) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? v : null;
  } catch {
    return null;
  }
};

/** The source of `file` (whose content hashes to `sha256`) from its sidecar, or NO_SOURCE. */
export function readSource(file: string, sha256: string): Source {
  let raw: unknown;
  try {
    const side = file + SIDECAR_SUFFIX;
    const st = fs.statSync(side, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > MAX_SIDECAR_BYTES) return NO_SOURCE;
    raw = JSON.parse(fs.readFileSync(side, 'utf8'));
  } catch {
    return NO_SOURCE;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return NO_SOURCE;
  const m = raw as Record<string, unknown>;
  const url = httpUrl(m.url);
  if (!url || typeof m.sha256 !== 'string' || m.sha256.toLowerCase() !== sha256.toLowerCase()) return NO_SOURCE;
  const at = typeof m.fetched_at === 'string' ? new Date(m.fetched_at) : null;
  const lm = typeof m.last_modified === 'string' && m.last_modified.length < 100 ? new Date(m.last_modified) : null;
  return {
    source_url: url,
    source_final_url: httpUrl(m.final_url),
    source_page_url: httpUrl(m.linked_from) ?? url,
    fetched_at: at && !Number.isNaN(at.getTime()) ? at : null,
    last_modified: lm && !Number.isNaN(lm.getTime()) ? lm : null,
  };
}
