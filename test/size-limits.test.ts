// Size limits per file (issue 8, point 9): bytes on disk, checked with stat before reading (a
// file over 2 GiB no longer aborts the run), and bytes after decompression of a DOCX, checked
// from the zip's central directory and by a bounded inflate before the XML is parsed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRead, query } from '../pipeline/db/duck.ts';
import { extractBytes } from '../pipeline/extract/extract.ts';
import { checkInflatedSize } from '../pipeline/extract/readers/docx.ts';
import { CORPUS, MADE } from './helpers.ts';

const BIN = path.resolve('bin/xxgk.js');
let dir: string;

async function xxgk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [BIN, ...args], { cwd: dir, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A zip of deflated entries (CRC left 0: no reader here checks it); `declare` overrides an entry's declared size. */
function zip(entries: { name: string; data: Buffer; declare?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = zlib.deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const size = e.declare ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
/** A DOCX whose document.xml inflates to `mb` MB (a body of empty paragraphs). */
function bomb(mb: number, declare?: number): Buffer {
  const head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const xml = Buffer.alloc(mb * 1024 * 1024, '<w:p/>');
  xml.write(head, 0);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: xml, declare },
  ]);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-limits-'));
  fs.mkdirSync(path.join(dir, 'raw'));
  fs.copyFileSync(path.join(CORPUS, 'pingtan_2022_1.txt'), path.join(dir, 'raw/good.txt'));
  fs.copyFileSync(path.join(CORPUS, 'huaian-2024.pdf'), path.join(dir, 'raw/huaian.pdf'));
  // 2.1 GB, sparse: made instantly, more than readFileSync can hold (2 GiB)
  fs.writeFileSync(path.join(dir, 'raw/huge.txt'), '');
  fs.truncateSync(path.join(dir, 'raw/huge.txt'), 2.1e9);
  fs.writeFileSync(path.join(dir, 'raw/bomb.docx'), bomb(400)); // 400 MB of XML in a zip of about 400 KB
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('size limits', () => {
  it('the zip bomb is small on disk and refused before it is inflated; a lying central directory is caught by the bounded inflate', async () => {
    const b = fs.readFileSync(path.join(dir, 'raw/bomb.docx'));
    expect(b.length).toBeLessThan(2 * 1024 * 1024);
    const t0 = performance.now();
    const r = await extractBytes('bomb.docx', b);
    expect(r.status).toBe('rejected');
    expect(r.error).toBe('file too large: the Word document inflates to 400 MB of XML (the limit is 50 MB, --max-inflated-mb)');
    expect(performance.now() - t0).toBeLessThan(2000); // nothing inflated
    const liar = bomb(60, 1000); // declares 1000 bytes
    expect(() => checkInflatedSize(liar)).toThrow(/inflates to more than 50 MB of XML/u);
    expect(() => checkInflatedSize(bomb(60), 100 * 1024 * 1024)).not.toThrow();
    // real Word files pass
    for (const f of [path.join(MADE, 'shs-2025.docx'), path.join(CORPUS, 'blank-template.docx')]) expect(() => checkInflatedSize(fs.readFileSync(f))).not.toThrow();
  });

  it('a run over a 2.1 GB file and a DOCX bomb rejects both with the reason and loads the rest', async () => {
    const r = await xxgk('run', 'raw', '--db', 'x.duckdb');
    expect(r.stderr).not.toMatch(/ERR_FS_FILE_TOO_LARGE|heap|internal error/u);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('2 files rejected: xxgk status lists them');
    const db = await openRead(path.join(dir, 'x.duckdb'));
    try {
      const rows = await query<{ f: string; status: string; reason: string | null }>(db, `SELECT parse_filename(path) AS f, status, reason FROM document_status ORDER BY f`);
      expect(rows).toEqual([
        { f: 'bomb.docx', status: 'rejected', reason: 'file too large: the Word document inflates to 400 MB of XML (the limit is 50 MB, --max-inflated-mb)' },
        { f: 'good.txt', status: 'loaded', reason: null },
        { f: 'huaian.pdf', status: 'loaded', reason: null },
        { f: 'huge.txt', status: 'rejected', reason: 'file too large: 2003 MB on disk (the limit is 200 MB, --max-file-mb)' },
      ]);
    } finally {
      db.close();
    }
  }, 120_000);

  it('--max-file-mb reaches the extraction workers; a rejection for size is retried under a higher limit', async () => {
    const reasons = async (file: string) => {
      const db = await openRead(path.join(dir, file));
      try {
        return Object.fromEntries((await query<{ f: string; reason: string | null }>(db, `SELECT parse_filename(path) AS f, reason FROM document_status`)).map((x) => [x.f, x.reason]));
      } finally {
        db.close();
      }
    };
    // the same folder under a lower limit (the 2.1 GB file is not hashed again: same size and time)
    const r = await xxgk('run', 'raw', '--db', 'x.duckdb', '--max-file-mb', '1', '--allow-rejected');
    expect(r.code, r.stderr).toBe(0);
    expect((await reasons('x.duckdb'))['huge.txt']).toBe('file too large: 2003 MB on disk (the limit is 1.0 MB, --max-file-mb)');
    // enough files for worker threads, one of them a report followed by blank lines: 1.1 MB
    fs.mkdirSync(path.join(dir, 'many'));
    const report = fs.readFileSync(path.join(CORPUS, 'pingtan_2024_1.txt'), 'utf8');
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, 'many', `r${i}.txt`), `${report}\n${i}\n`);
    fs.writeFileSync(path.join(dir, 'many/padded.txt'), report + '\n'.repeat(1.1 * 1024 * 1024));
    const w = await xxgk('run', 'many', '--db', 'y.duckdb', '--max-file-mb', '1', '--jobs', '2', '--allow-rejected');
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/extract: 31 documents \(.*1 rejected\)/u);
    expect((await reasons('y.duckdb'))['padded.txt']).toBe('file too large: 1.1 MB on disk (the limit is 1.0 MB, --max-file-mb)');
    const again = await xxgk('run', 'many', '--db', 'y.duckdb', '--max-file-mb', '2');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/extract: 1 documents/u);
    expect(String((await reasons('y.duckdb'))['padded.txt'])).not.toMatch(/too large/u);
    expect((await xxgk('run', 'many', '--db', 'y.duckdb', '--max-file-mb', '0')).stderr).toMatch(/--max-file-mb must be a whole number from 1/u);
  }, 120_000);

  it('xxgk extract FILE on the 2.1 GB file says why, without reading it', async () => {
    const f = path.join(dir, 'huge2.txt');
    fs.writeFileSync(f, '');
    fs.truncateSync(f, 2.2e9);
    const r = await xxgk('extract', f, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toBe('file too large: 2098 MB on disk (the limit is 200 MB, --max-file-mb)');
  });
});
