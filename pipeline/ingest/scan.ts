// Walking an input folder and fingerprinting its files (pure apart from reading the files).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeBytes, sizeLimits } from '../extract/readers/decode.ts';
import { UserError } from '../db/duck.ts';
import { detectKind } from '../extract/readers/index.ts';

// Files that travel with reports but are not reports, and the database itself (its WAL, and the draft a run writes) when
// it is kept inside the input folder. `x.pdf.meta.json` is the provenance sidecar xxgk fetch writes.
const NOT_INPUT = /^(?:readme|provenance|license|licence)(?:\.|$)|\.gold\.json$|\.meta\.json$|^\.|\.duckdb(?:\.draft-\d+)?(?:\.wal|\.tmp)?$/iu;

export interface ScannedFile {
  documentId: string;
  /** canonical absolute path (symbolic links resolved): the file's identity */
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** A file or folder under the root that is not read, and why (listed by ingest). */
export interface SkippedEntry {
  /** as reached from the root (links not resolved) */
  path: string;
  reason: string;
}

export interface Scan {
  /** the root folder's canonical absolute path */
  root: string;
  files: ScannedFile[];
  skipped: SkippedEntry[];
}

export interface Fingerprint {
  sha256: string;
  fileType: string;
  encoding: string | null;
}

/** A document's id on first sight: the first 16 hex digits of the sha256 of its canonical path. */
export function documentIdOf(canonicalPath: string): string {
  return crypto.createHash('sha256').update(canonicalPath.split(path.sep).join('/')).digest('hex').slice(0, 16);
}

export function assertInputFolder(root: string): void {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UserError(`input folder ${root} does not exist: put report files there, or name a folder (xxgk run DIR; the bundled samples: xxgk run data/samples)`);
  }
}

/** Whether `p` is `dir` or below it (both canonical). */
export function isUnder(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Every input file below `root`, sorted by path. A file is known by its canonical absolute path
 * (fs.realpath), so the same folder named differently on the command line, or from another
 * working directory, gives the same documents. Symbolic links are followed: a link to a file is
 * that file (once, however many names it has), a link to a folder is walked unless that folder
 * was already walked (a link loop); broken links and special files are skipped with the reason.
 */
export function scanFolder(root: string): Scan {
  assertInputFolder(root);
  const realRoot = fs.realpathSync(root);
  const files = new Map<string, ScannedFile & { shown: string }>();
  const skipped: SkippedEntry[] = [];
  const walked = new Set<string>();
  const walk = (dir: string, shown: string) => {
    walked.add(dir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch (e) {
      skipped.push({ path: shown, reason: `folder not readable (${errCode(e)})` });
      return;
    }
    for (const e of entries) {
      if (NOT_INPUT.test(e.name)) continue;
      const full = path.join(dir, e.name);
      const showAs = path.join(shown, e.name);
      let real = full;
      let st: fs.Stats;
      try {
        if (e.isSymbolicLink()) real = fs.realpathSync(full);
        st = fs.statSync(real);
      } catch (err) {
        const to = e.isSymbolicLink() ? ` to ${(() => { try { return fs.readlinkSync(full); } catch { return '?'; } })()}` : '';
        skipped.push({ path: showAs, reason: e.isSymbolicLink() ? `broken symbolic link${to} (${errCode(err)})` : `not readable (${errCode(err)})` });
        continue;
      }
      if (st.isDirectory()) {
        if (!walked.has(real)) walk(real, showAs);
        else if (e.isSymbolicLink()) skipped.push({ path: showAs, reason: `symbolic link to a folder already scanned (${real}): not walked again` });
      } else if (st.isFile()) {
        if (NOT_INPUT.test(path.basename(real))) continue;
        const seen = files.get(real);
        if (seen) {
          skipped.push({ path: showAs, reason: `another name of ${seen.shown} (the same file, read once)` });
          continue;
        }
        files.set(real, { documentId: documentIdOf(real), path: real, sizeBytes: st.size, mtimeMs: st.mtimeMs, shown: showAs });
      } else {
        skipped.push({ path: showAs, reason: 'not a regular file (device, pipe or socket)' });
      }
    }
  };
  walk(realRoot, root);
  const out = [...files.values()].map(({ shown: _, ...f }) => f);
  return { root: realRoot, files: out.sort((a, b) => (a.path < b.path ? -1 : 1)), skipped };
}

/**
 * Hash, type and encoding. A file over the size limit (sizeLimits) is hashed in chunks and not
 * decoded: it is registered, and extraction rejects it without reading it.
 */
export function fingerprint(file: string): Fingerprint {
  const size = fs.statSync(file).size;
  if (size > sizeLimits().fileBytes) {
    const hash = crypto.createHash('sha256');
    const chunk = Buffer.alloc(1 << 20);
    const fd = fs.openSync(file, 'r');
    let head: Buffer | undefined;
    try {
      for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
        head ??= Buffer.from(chunk.subarray(0, Math.min(n, 512)));
        hash.update(chunk.subarray(0, n));
      }
    } finally {
      fs.closeSync(fd);
    }
    return { sha256: hash.digest('hex'), fileType: detectKind(file, head ?? Buffer.alloc(0)), encoding: null };
  }
  const bytes = fs.readFileSync(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const fileType = detectKind(file, bytes);
  const encoding = fileType === 'pdf' || fileType === 'docx' || fileType === 'doc' || bytes.length === 0 ? null : decodeBytes(bytes, fileType === 'html').encoding;
  return { sha256, fileType, encoding };
}
