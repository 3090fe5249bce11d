// Walking an input folder and fingerprinting its files (pure apart from reading the files).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../extract/readers/decode.ts';
import { UserError } from '../db/duck.ts';
import { detectKind } from '../extract/readers/index.ts';

// Files that travel with reports but are not reports.
// Files that travel with reports but are not reports, and the database itself (and its WAL) when
// it is kept inside the input folder.
const NOT_INPUT = /^(?:readme|provenance|license|licence)(?:\.|$)|\.gold\.json$|^\.|\.duckdb(?:\.wal|\.tmp)?$/iu;

export interface ScannedFile {
  documentId: string;
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface Fingerprint {
  sha256: string;
  fileType: string;
  encoding: string | null;
}

export function documentIdOf(relPath: string): string {
  return crypto.createHash('sha256').update(relPath.split(path.sep).join('/')).digest('hex').slice(0, 16);
}

/** Every input file below `root`, sorted by path. Paths are relative to the working directory. */
export function assertInputFolder(root: string): void {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UserError(`input folder ${root} does not exist: put report files there, or name a folder (xxgk run DIR; the bundled samples: xxgk run data/samples)`);
  }
}

export function scanFolder(root: string): ScannedFile[] {
  assertInputFolder(root);
  const out: ScannedFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (NOT_INPUT.test(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        const st = fs.statSync(full);
        const rel = path.relative(process.cwd(), full);
        out.push({ documentId: documentIdOf(rel), path: rel, sizeBytes: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export function fingerprint(file: string): Fingerprint {
  const bytes = fs.readFileSync(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const fileType = detectKind(file, bytes);
  const encoding = fileType === 'pdf' || fileType === 'docx' || fileType === 'doc' || bytes.length === 0 ? null : decodeBytes(bytes, fileType === 'html').encoding;
  return { sha256, fileType, encoding };
}
