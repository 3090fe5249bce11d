// From a government site to a report's source URL: xxgk fetch against a real HTTP server on
// 127.0.0.1 (a real corpus report page linking a real PDF report), then the whole pipeline on the
// folder it wrote. The provenance sidecars become documents.source_*, reports.source_url and
// source_page_url and the published `source`, and only while they describe the file's bytes.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openRead, openWrite, query } from '../pipeline/db/duck.ts';
import { runFetch } from '../pipeline/fetch/index.ts';
import { publish } from '../pipeline/publish/publish.ts';
import { readSource } from '../pipeline/ingest/sidecar.ts';
import { runAll } from '../pipeline/stages.ts';
import { CORPUS } from './helpers.ts';

const PAGE_PATH = '/xxgk/zfxxgknb/202601/t20260115_1.html';
const PDF_PATH = '/xxgk/zfxxgknb/202601/P020260115.pdf';
// the corpus page (a CMS fragment, UTF-8) as the site serves it, with the attachment link under it
const PAGE = Buffer.concat([
  fs.readFileSync(path.join(CORPUS, 'pingtan-shs_2025_1.html')),
  Buffer.from('\n<p>附件：<a href="P020260115.pdf">淮安市人民政府2024年政府信息公开工作年度报告.pdf</a></p>\n'),
]);
const PDF = fs.readFileSync(path.join(CORPUS, 'huaian-2024.pdf'));

let server: http.Server;
let base = '';
beforeAll(async () => {
  server = http.createServer((q, r) => {
    if (q.url === PAGE_PATH) {
      r.setHeader('content-type', 'text/html; charset=utf-8');
      return r.end(PAGE);
    }
    if (q.url === PDF_PATH) {
      r.setHeader('content-type', 'application/pdf');
      return r.end(PDF);
    }
    r.statusCode = 404;
    r.end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

let dir: string;
let raw: string;
let dbFile: string;
const logs: string[] = [];
const log = (s: string) => logs.push(s);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-fetch-ingest-'));
  raw = path.join(dir, 'raw');
  dbFile = path.join(dir, 'xxgk.duckdb');
  logs.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function q<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await openRead(dbFile);
  try {
    return await query<T>(db, sql);
  } finally {
    db.close();
  }
}

async function fetchSite() {
  const s = await runFetch({ out: raw, rows: [{ url: base + PAGE_PATH, body: null, year: null, line: 2 }], allowPrivate: true, delayMs: 0, retries: 0, timeoutMs: 10_000, log: () => {} });
  expect(s).toMatchObject({ fetched: 2, failed: 0 });
  const host = `127.0.0.1_${new URL(base).port}`;
  return { page: path.join(raw, host, ...PAGE_PATH.split('/')), pdf: path.join(raw, host, ...PDF_PATH.split('/')) };
}

interface Row {
  year: number;
  source_url: string | null;
  source_page_url: string | null;
  source_path: string;
}
const reports = () => q<Row>('SELECT year, source_url, source_page_url, source_path FROM reports ORDER BY year');

describe('xxgk fetch, then xxgk run on what it saved', () => {
  it("reports carry the page's URL; a PDF attachment its own URL and the page it came from; an edited file or a broken sidecar none", async () => {
    const files = await fetchSite();
    const page = base + PAGE_PATH;
    const pdf = base + PDF_PATH;
    await runAll({ db: dbFile, input: raw, log });

    // 淮安市 2024 is the PDF, 平潭 社会事业局 2025 the HTML page
    expect(await reports()).toEqual([
      { year: 2024, source_url: pdf, source_page_url: page, source_path: fs.realpathSync(files.pdf) },
      { year: 2025, source_url: page, source_page_url: page, source_path: fs.realpathSync(files.page) },
    ]);
    const docs = await q<{ source_final_url: string; fetched: boolean }>(
      `SELECT source_final_url, fetched_at BETWEEN now()::TIMESTAMP - INTERVAL 1 HOUR AND now()::TIMESTAMP + INTERVAL 1 HOUR AS fetched FROM documents ORDER BY path`,
    );
    expect(docs).toEqual([
      { source_final_url: pdf, fetched: true },
      { source_final_url: page, fetched: true },
    ]);
    // the published tables show the page, not a local path
    expect(await q('SELECT year, source FROM report_card ORDER BY year')).toEqual([
      { year: 2024, source: page },
      { year: 2025, source: page },
    ]);
    const out = path.join(dir, 'published');
    await publish({ db: dbFile, out, year: 2024, smallN: 10 }, () => {});
    const csv = fs.readFileSync(path.join(out, '2024', 'data_quality.csv'), 'utf8');
    expect(csv.split('\n')[0]).toContain('来源 (source)');
    expect(csv).toContain(page);
    expect(csv).not.toContain(files.pdf);
    expect(fs.readFileSync(path.join(out, '2024', 'index.html'), 'utf8')).toContain(`<a href="${page}">`);

    // the page edited after it was fetched: no longer what the URL served
    fs.appendFileSync(files.page, '<!-- edited locally -->\n');
    const s2 = await runAll({ db: dbFile, input: raw, log });
    expect(s2.ingest).toMatchObject({ changed: 1, unchanged: 1 });
    expect(await reports()).toEqual([
      { year: 2024, source_url: pdf, source_page_url: page, source_path: fs.realpathSync(files.pdf) },
      { year: 2025, source_url: null, source_page_url: null, source_path: fs.realpathSync(files.page) },
    ]);
    expect((await q<{ source: string }>('SELECT source FROM mart_data_quality WHERE year = 2025'))[0]?.source).toBe(fs.realpathSync(files.page));

    // a malformed sidecar: no source, ingest does not fail, and the load is not skipped (the bytes did not change)
    fs.writeFileSync(files.pdf + '.meta.json', '{"url": "' + pdf + '", "sha256": ');
    const s3 = await runAll({ db: dbFile, input: raw, log });
    expect(s3).toMatchObject({ skipped: false, ingest: { unchanged: 2, changed: 0 } });
    expect((await reports())[0]).toMatchObject({ year: 2024, source_url: null, source_page_url: null });
  }, 120_000);

  it('a database written before the provenance columns gets them in place and filled', async () => {
    await fetchSite();
    // the documents ledger and meta as the previous schema created them
    const db = await openWrite(dbFile);
    try {
      await db.conn.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
        INSERT INTO meta VALUES ('schema_version', '2');
        CREATE TABLE documents (document_id VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, size_bytes BIGINT NOT NULL, mtime_ms DOUBLE NOT NULL,
          sha256 VARCHAR NOT NULL, file_type VARCHAR NOT NULL, encoding VARCHAR, ingest_state VARCHAR NOT NULL, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL);`);
    } finally {
      db.close();
    }
    await runAll({ db: dbFile, input: raw, log });
    expect(logs.join('\n')).not.toMatch(/rebuilding/u); // no schema change that re-extracts everything
    const cols = await q<{ c: string }>(`SELECT column_name AS c FROM duckdb_columns() WHERE table_name = 'documents' ORDER BY column_index`);
    expect(cols.map((c) => c.c).slice(-5)).toEqual(['source_url', 'source_final_url', 'source_page_url', 'fetched_at', 'source_last_modified']);
    expect((await reports()).map((r) => r.source_url)).toEqual([base + PDF_PATH, base + PAGE_PATH]);
  }, 120_000);
});

describe('readSource: the sidecar of a file', () => {
  const sha = 'a'.repeat(64);
  const write = (file: string, body: string) => fs.writeFileSync(file + '.meta.json', body);
  it('is read when its sha256 is the file\'s, and gives nothing otherwise, whatever it holds', () => {
    const f = path.join(dir, 'r.pdf');
    fs.writeFileSync(f, 'x');
    const good = { url: 'http://a.gov.cn/f/r.pdf', final_url: 'https://a.gov.cn/f/r.pdf', linked_from: 'http://a.gov.cn/nb/2022.html', fetched_at: '2026-01-15T08:00:00.000Z', sha256: sha };
    write(f, JSON.stringify(good));
    expect(readSource(f, sha)).toEqual({ source_url: good.url, source_final_url: good.final_url, source_page_url: good.linked_from, fetched_at: new Date(good.fetched_at), last_modified: null });
    write(f, JSON.stringify({ ...good, last_modified: 'Wed, 15 Jan 2025 08:00:00 GMT' }));
    expect(readSource(f, sha).last_modified).toEqual(new Date('2025-01-15T08:00:00Z'));
    write(f, JSON.stringify({ ...good, linked_from: null }));
    expect(readSource(f, sha).source_page_url).toBe(good.url);
    const none = { source_url: null, source_final_url: null, source_page_url: null, fetched_at: null, last_modified: null };
    expect(readSource(f, 'b'.repeat(64))).toEqual(none); // the file changed since
    for (const bad of ['', '{', 'null', '[]', '"x"', JSON.stringify({ ...good, url: 'file:///etc/passwd' }), JSON.stringify({ ...good, url: 42 }), JSON.stringify({ ...good, sha256: null })]) {
      write(f, bad);
      expect(readSource(f, sha)).toEqual(none);
    }
    write(f, JSON.stringify({ ...good, fetched_at: 'yesterday', final_url: 'not a url', linked_from: 7 }));
    expect(readSource(f, sha)).toEqual({ source_url: good.url, source_final_url: null, source_page_url: good.url, fetched_at: null, last_modified: null });
    fs.rmSync(f + '.meta.json');
    expect(readSource(f, sha)).toEqual(none);
    fs.mkdirSync(f + '.meta.json'); // not a file
    expect(readSource(f, sha)).toEqual(none);
  });
});
