// Where a fetched URL is kept: `<out>/<host>/<path>` with a sidecar `<file>.meta.json` that says
// where the bytes came from. The mapping from URL to file is safe (no `..`, no absolute paths, no
// hidden files, no names too long for a file system), stable (the same URL gives the same file, so a
// second run finds what the first saved) and keeps the extension that tells the file's type. Files
// are written atomically (a temporary file beside the target, then rename), so a killed run leaves
// either the old file or the new one, never half of one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Sidecar {
  /** the URL asked for (from the CSV or a link) */
  url: string;
  /** the URL the bytes came from, after redirects */
  final_url: string;
  redirects: string[];
  status: number;
  content_type: string | null;
  charset: string | null;
  /** when these bytes were downloaded (ISO 8601, UTC) */
  fetched_at: string;
  /** when the URL was last checked, also when unchanged */
  checked_at: string;
  sha256: string;
  bytes: number;
  etag: string | null;
  last_modified: string | null;
  /** the page whose link led here (null for a URL of the CSV or the --index URL) */
  linked_from: string | null;
  /** from the CSV */
  body: string | null;
  year: number | null;
  fetcher: string;
}

export const SIDECAR_SUFFIX = '.meta.json';
const MAX_SEGMENT_BYTES = 200;
const KNOWN_EXT = ['.html', '.htm', '.shtml', '.pdf', '.doc', '.docx', '.wps', '.xls', '.xlsx', '.et', '.txt', '.json', '.js', '.xml', '.bin'];

const hash8 = (s: string) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 8);

function extOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/u.exec(name);
  return m ? m[0].toLowerCase() : '';
}

function cleanSegment(raw: string): string {
  let s: string;
  try {
    s = decodeURIComponent(raw);
  } catch {
    s = raw;
  }
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/gu, '_').trim();
  if (s === '' || /^\.+$/u.test(s)) s = s.replace(/\./gu, '_') || '_';
  if (s.startsWith('.')) s = '_' + s.slice(1); // hidden files are skipped by ingest (and are our temporary files)
  return shorten(s);
}

function shorten(s: string): string {
  if (Buffer.byteLength(s) <= MAX_SEGMENT_BYTES) return s;
  const ext = extOf(s);
  let stem = s.slice(0, s.length - ext.length);
  while (Buffer.byteLength(stem) > MAX_SEGMENT_BYTES - 20) stem = stem.slice(0, -1);
  return `${stem}_${hash8(s)}${ext}`;
}

/** The host folder: host name, and the port when it is not the default. */
export function hostDir(u: URL): string {
  const h = u.hostname.replace(/^\[|\]$/gu, '').replace(/:/gu, '_').toLowerCase();
  return u.port ? `${h}_${u.port}` : h;
}

/**
 * The file for a URL relative to the output folder, as path segments. `ext` is used when the URL's
 * own name has no extension (from the response's type); without it the name is left bare.
 */
export function relPathFor(u: URL, ext = ''): string[] {
  const parts = u.pathname.split('/');
  const last = parts.pop() ?? '';
  const dirs = parts.filter((p) => p !== '').map(cleanSegment);
  let name = last === '' ? 'index.html' : cleanSegment(last);
  if (u.search && u.search !== '?') {
    const e = extOf(name);
    name = shorten(`${name.slice(0, name.length - e.length)}_q${hash8(u.search)}${e}`);
  }
  if (!extOf(name) || !KNOWN_EXT.includes(extOf(name))) {
    if (ext && !name.toLowerCase().endsWith(ext)) name = shorten(name + ext);
  }
  if (name.toLowerCase().endsWith(SIDECAR_SUFFIX)) name += '_';
  return [hostDir(u), ...dirs, name];
}

/** The absolute file for a URL under `out`; throws if it would fall outside it (it never should). */
export function fileFor(out: string, u: URL, ext = ''): string {
  const root = path.resolve(out);
  const file = path.join(root, ...relPathFor(u, ext));
  if (!file.startsWith(root + path.sep)) throw new Error(`unsafe path for ${u.href}`);
  return file;
}

const TYPE_EXT: [RegExp, string][] = [
  [/html|xhtml/u, '.html'],
  [/pdf/u, '.pdf'],
  [/msword/u, '.doc'],
  [/wordprocessingml/u, '.docx'],
  [/kswps|wps/u, '.wps'],
  [/ms-excel/u, '.xls'],
  [/spreadsheetml/u, '.xlsx'],
  [/json/u, '.json'],
  [/javascript/u, '.js'],
  [/xml/u, '.xml'],
  [/text\/plain/u, '.txt'],
];

/** The extension a response's bytes should carry when the URL has none: from the type, the attachment's name, or the bytes. */
export function extForResponse(contentType: string | null, disposition: string | null, body: Buffer): string {
  const named = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/iu.exec(disposition)?.[1] : undefined;
  if (named) {
    let n = named;
    try {
      n = decodeURIComponent(named);
    } catch {
      /* as sent */
    }
    const e = extOf(n);
    if (KNOWN_EXT.includes(e)) return e;
  }
  const t = (contentType ?? '').toLowerCase();
  for (const [re, e] of TYPE_EXT) if (re.test(t)) return e;
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return '.pdf';
  if (body[0] === 0xd0 && body[1] === 0xcf && body[2] === 0x11 && body[3] === 0xe0) return '.doc';
  if (body[0] === 0x50 && body[1] === 0x4b) return '.docx';
  if (/^\s*</u.test(body.subarray(0, 64).toString('latin1'))) return '.html';
  return '.bin';
}

/** What a previous run saved for this URL: the file and its sidecar, if both are there and agree. */
export function findSaved(out: string, u: URL): { file: string; meta: Sidecar } | null {
  const bare = fileFor(out, u);
  const candidates = [bare, ...KNOWN_EXT.map((e) => fileFor(out, u, e))];
  for (const file of new Set(candidates)) {
    const metaFile = file + SIDECAR_SUFFIX;
    if (!fs.existsSync(metaFile) || !fs.existsSync(file)) continue;
    try {
      const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Sidecar;
      if (meta.url === u.href || meta.url === undefined) return { file, meta };
    } catch {
      /* a damaged sidecar: fetch again */
    }
  }
  return null;
}

/** Write `data` to `file` atomically: a hidden temporary file in the same folder, flushed, then renamed over. */
export function writeAtomic(file: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file).slice(0, 100)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** Save the bytes, then the sidecar (a file without a sidecar is fetched again on the next run). */
export function saveFetched(file: string, body: Buffer, meta: Sidecar): void {
  writeAtomic(file, body);
  writeSidecar(file, meta);
}

export function writeSidecar(file: string, meta: Sidecar): void {
  writeAtomic(file + SIDECAR_SUFFIX, JSON.stringify(meta, null, 2) + '\n');
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
