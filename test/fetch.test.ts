// xxgk fetch against a real HTTP server on 127.0.0.1 started here (node:http; nothing of the network
// layer is mocked): attachments, GBK, pagination, redirects, errors and retries, limits, robots.txt,
// the address guard, resumption (also after a kill) and politeness.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, guardedLookup, isPrivateAddress } from '../pipeline/fetch/guard.ts';
import { getWithRetries, httpGet, retryAfterMs } from '../pipeline/fetch/http.ts';
import { type FetchOptions, runFetch } from '../pipeline/fetch/index.ts';
import { classifyLinks } from '../pipeline/fetch/links.ts';
import { relPathFor, type Sidecar } from '../pipeline/fetch/store.ts';
import { parseUrlsCsv } from '../pipeline/fetch/urls.ts';

interface Hit {
  path: string;
  start: number;
  end: number;
  headers: http.IncomingHttpHeaders;
}

const PDF = Buffer.from('%PDF-1.4\n% a tiny stand-in for a report attachment\n%%EOF\n');
// "2022年度报告" and "政府信息公开" in GBK
const GBK_TITLE = Buffer.concat([Buffer.from('2022'), Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6])]);
const GBK_PAGE = Buffer.concat([
  Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>'),
  GBK_TITLE,
  Buffer.from('</title></head><body><a href="/files/gbk.pdf">'),
  GBK_TITLE,
  Buffer.from('.pdf</a></body></html>'),
]);
const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

let server: http.Server;
let base = '';
let hits: Hit[] = [];
let active = 0;
let maxActive = 0;
const counters = new Map<string, number>();
const bump = (k: string) => {
  const n = (counters.get(k) ?? 0) + 1;
  counters.set(k, n);
  return n;
};

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/robots.txt': (_q, r) => r.end('User-agent: *\nDisallow: /private/\n'),
  '/report.html': (_q, r) => {
    r.setHeader('content-type', 'text/html; charset=utf-8');
    r.end(page('<h1>2022年政府信息公开工作年度报告</h1><p>附件：<a href="files/report.pdf">2022年度报告.pdf</a> <a href="#top">顶部</a> <a href="javascript:void(0)">打印</a></p>'));
  },
  '/files/report.pdf': (q, r) => {
    r.setHeader('etag', '"pdf-v1"');
    r.setHeader('content-type', 'application/pdf');
    if (q.headers['if-none-match'] === '"pdf-v1"') {
      r.statusCode = 304;
      return r.end();
    }
    r.end(PDF);
  },
  '/gbk.html': (_q, r) => {
    r.setHeader('content-type', 'text/html');
    r.end(GBK_PAGE);
  },
  '/files/gbk.pdf': (_q, r) => r.end(PDF),
  // an index page with pagination: 下一页 to index_1.html, and the TRS script pager
  '/nb/index.html': (_q, r) =>
    r.end(
      page(
        '<ul><li><a href="2022.html">2022年政府信息公开工作年度报告</a></li><li><a href="/about.html">关于我们</a></li>' +
          `<li><a href="http://localhost:${new URL(base).port}/nb/2018.html">2018年度报告（另一站点）</a></li></ul>` +
          '<a href="index_1.html">下一页</a><script>createPageHTML(3, 0, "index", "html");</script>',
      ),
    ),
  '/nb/index_1.html': (_q, r) => r.end(page('<a href="2021.html">2021年年报</a><a href="index.html">上一页</a>')),
  '/nb/index_2.html': (_q, r) => r.end(page('<a href="../files/2020.pdf">2020年度报告.pdf</a><a href="/other.pdf">招标文件.pdf</a>')),
  '/nb/2022.html': (_q, r) => r.end(page('<h1>2022年度报告</h1><a href="/files/2022.pdf">附件</a>')),
  '/nb/2021.html': (_q, r) => r.end(page('<h1>2021年年报</h1><a href="/files/2021.doc">附件.doc</a>')),
  '/files/2022.pdf': (_q, r) => r.end(PDF),
  '/files/2021.doc': (_q, r) => r.end(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])),
  '/files/2020.pdf': (_q, r) => r.end(PDF),
  '/redirect': (_q, r) => {
    r.writeHead(301, { location: '/r2' });
    r.end();
  },
  '/r2': (_q, r) => {
    r.writeHead(302, { location: `${base}/report2.html` });
    r.end();
  },
  '/report2.html': (_q, r) => r.end(page('redirected here')),
  '/loop': (q, r) => {
    const n = Number(new URL(q.url!, base).searchParams.get('n') ?? 0);
    r.writeHead(302, { location: `/loop?n=${n + 1}` });
    r.end();
  },
  '/to-private': (_q, r) => {
    r.writeHead(302, { location: 'http://10.0.0.1/report.html' });
    r.end();
  },
  '/missing': (_q, r) => {
    r.statusCode = 404;
    r.end('no');
  },
  '/flaky': (_q, r) => {
    if (bump('flaky') === 1) {
      r.statusCode = 500;
      return r.end('oops');
    }
    r.end(page('fine now'));
  },
  '/busy': (_q, r) => {
    if (bump('busy') === 1) {
      r.writeHead(429, { 'retry-after': '1' });
      return r.end();
    }
    r.end(page('served'));
  },
  '/slow': (_q, r) => {
    const t = setTimeout(() => r.end('late'), 3000);
    r.on('close', () => clearTimeout(t));
  },
  '/hang': () => {
    /* never answers (the kill test) */
  },
  '/truncated': (q, r) => {
    r.writeHead(200, { 'content-length': '1000', 'content-type': 'application/pdf' });
    r.write(Buffer.alloc(100, 65));
    setTimeout(() => q.socket.destroy(), 20);
  },
  '/huge': (_q, r) => {
    r.writeHead(200, { 'content-length': String(2 * 1024 * 1024) });
    r.end(Buffer.alloc(2 * 1024 * 1024, 66));
  },
  '/huge-chunked': (_q, r) => {
    r.writeHead(200, { 'content-type': 'application/pdf' });
    r.end(Buffer.alloc(2 * 1024 * 1024, 67));
  },
  '/private/secret.html': (_q, r) => r.end(page('secret')),
};
const pageN = (n: number): Handler => (_q, r) => r.end(page(`page ${n}`));
for (let i = 0; i < 6; i++) routes[`/p/${i}.html`] = pageN(i);

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const hit: Hit = { path: req.url ?? '', start: Date.now(), end: 0, headers: req.headers };
    hits.push(hit);
    active++;
    maxActive = Math.max(maxActive, active);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      active--;
      hit.end = Date.now();
    };
    res.on('finish', finish);
    res.on('close', finish);
    const h = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (h) h(req, res);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-fetch-'));
const reset = () => {
  hits = [];
  maxActive = 0;
  counters.clear();
};
const quick = (out: string, extra: Partial<FetchOptions> = {}): FetchOptions => ({
  out,
  allowPrivate: true,
  delayMs: 20,
  retries: 2,
  backoffMs: 20,
  timeoutMs: 2000,
  log: () => {},
  ...extra,
});
const rows = (...paths: string[]) => paths.map((p, i) => ({ url: `${base}${p}`, body: `某区人民政府${i}`, year: 2022, line: i + 2 }));
const host = () => `127.0.0.1_${new URL(base).port}`;
const meta = (out: string, rel: string) => JSON.parse(fs.readFileSync(path.join(out, host(), rel + '.meta.json'), 'utf8')) as Sidecar;
const failure = (s: Awaited<ReturnType<typeof runFetch>>, p: string) => s.outcomes.find((o) => o.url === `${base}${p}`);

describe('fetch from a URL list', () => {
  it('a report page with a PDF attachment: both saved with sidecars (url, final url, status, type, charset, sha256, linking page, body, year)', async () => {
    const out = tmp();
    reset();
    const s = await runFetch(quick(out, { rows: rows('/report.html') }));
    expect(s).toMatchObject({ fetched: 2, unchanged: 0, failed: 0 });
    expect(fs.readFileSync(path.join(out, host(), 'files/report.pdf'))).toEqual(PDF);
    const m = meta(out, 'files/report.pdf');
    expect(m).toMatchObject({ url: `${base}/files/report.pdf`, final_url: `${base}/files/report.pdf`, status: 200, content_type: 'application/pdf', etag: '"pdf-v1"', linked_from: `${base}/report.html`, body: '某区人民政府0', year: 2022, bytes: PDF.length });
    expect(m.sha256).toMatch(/^[0-9a-f]{64}$/u);
    expect(Date.parse(m.fetched_at)).toBeGreaterThan(Date.now() - 60_000);
    expect(meta(out, 'report.html')).toMatchObject({ charset: 'utf-8', linked_from: null, content_type: 'text/html; charset=utf-8' });
    // a clear User-Agent on every request, robots.txt read first
    expect(hits[0]!.path).toBe('/robots.txt');
    expect(hits.every((h) => /^xxgk\/\d/u.test(String(h.headers['user-agent'])))).toBe(true);
    // no temporary files left behind
    const all = fs.readdirSync(out, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a GBK page: bytes kept as sent, charset from the page, its attachment found through the GBK link text', async () => {
    const out = tmp();
    const s = await runFetch(quick(out, { rows: rows('/gbk.html') }));
    expect(s).toMatchObject({ fetched: 2, failed: 0 });
    expect(fs.readFileSync(path.join(out, host(), 'gbk.html'))).toEqual(GBK_PAGE);
    expect(meta(out, 'gbk.html').charset).toBe('gb18030');
    expect(meta(out, 'files/gbk.pdf').linked_from).toBe(`${base}/gbk.html`);
  });

  it('redirects followed (final URL in the sidecar, file under the URL asked for); more than 5 refused', async () => {
    const out = tmp();
    const s = await runFetch(quick(out, { rows: rows('/redirect', '/loop') }));
    expect(s.fetched).toBe(1);
    const m = meta(out, 'redirect.html');
    expect(m.final_url).toBe(`${base}/report2.html`);
    expect(m.redirects).toEqual([`${base}/redirect`, `${base}/r2`]);
    expect(failure(s, '/loop')).toMatchObject({ kind: 'failed', reason: 'more than 5 redirects' });
  });

  it('404 fails without retry; 500 then success; 429 waits for Retry-After', async () => {
    const out = tmp();
    reset();
    const s = await runFetch(quick(out, { rows: rows('/missing', '/flaky', '/busy') }));
    expect(failure(s, '/missing')).toMatchObject({ kind: 'failed', reason: 'HTTP 404' });
    expect(hits.filter((h) => h.path === '/missing')).toHaveLength(1);
    expect(failure(s, '/flaky')?.kind).toBe('fetched');
    expect(failure(s, '/busy')?.kind).toBe('fetched');
    const busy = hits.filter((h) => h.path === '/busy');
    expect(busy).toHaveLength(2);
    expect(busy[1]!.start - busy[0]!.end).toBeGreaterThanOrEqual(990);
    expect(s).toMatchObject({ fetched: 2, failed: 1 });
  });

  it('limits: a slow server times out, a truncated body and a body over --max-mb fail, nothing of them is saved', async () => {
    const out = tmp();
    const s = await runFetch(quick(out, { rows: rows('/slow', '/truncated', '/huge', '/huge-chunked'), timeoutMs: 300, retries: 1, maxBytes: 1024 * 1024 }));
    expect(failure(s, '/slow')?.reason).toBe('timed out after 300 ms');
    expect(failure(s, '/truncated')?.reason).toMatch(/^truncated body: 100 of 1000 bytes/u);
    expect(failure(s, '/huge')?.reason).toMatch(/over the cap of 1048576 bytes/u);
    expect(failure(s, '/huge-chunked')?.reason).toMatch(/over the cap of 1048576 bytes/u);
    expect(s).toMatchObject({ fetched: 0, failed: 4 });
    expect(fs.existsSync(path.join(out, host()))).toBe(false);
  });

  it('robots.txt: a disallowed path is not requested', async () => {
    const out = tmp();
    reset();
    const s = await runFetch(quick(out, { rows: rows('/private/secret.html') }));
    expect(failure(s, '/private/secret.html')?.reason).toMatch(/disallowed by .*robots\.txt/u);
    expect(hits.map((h) => h.path)).toEqual(['/robots.txt']);
  });

  it('resumed: a second run finds everything unchanged (304 from the ETag, or the same sha256) and rewrites nothing', async () => {
    const out = tmp();
    await runFetch(quick(out, { rows: rows('/report.html', '/gbk.html') }));
    const files = fs.readdirSync(out, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(out, f)).isFile());
    const mtimes = files.map((f) => fs.statSync(path.join(out, f)).mtimeMs);
    reset();
    const s = await runFetch(quick(out, { rows: rows('/report.html', '/gbk.html') }));
    expect(s).toMatchObject({ fetched: 0, unchanged: 4, failed: 0 });
    expect(hits.find((h) => h.path === '/files/report.pdf')?.headers['if-none-match']).toBe('"pdf-v1"');
    expect(files.map((f) => fs.statSync(path.join(out, f)).mtimeMs)).toEqual(mtimes);
  });

  it('a run killed part-way keeps what it saved; the next run completes the rest', async () => {
    const out = tmp();
    const csv = path.join(out, 'urls.csv');
    fs.writeFileSync(csv, `url,body,year\n${base}/report.html,甲,2022\n${base}/hang,乙,2022\n${base}/p/1.html,丙,2022\n`);
    const script = `import { fetchCommand } from ${JSON.stringify(path.resolve('pipeline/fetch/index.ts'))};
      await fetchCommand({ csv: ${JSON.stringify(csv)}, out: ${JSON.stringify(path.join(out, 'raw'))}, allowPrivate: true, delayMs: 20, timeoutMs: 30000, log: () => {} }, () => {});`;
    reset();
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    const t0 = Date.now();
    while (!hits.some((h) => h.path === '/hang') && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const raw = path.join(out, 'raw', host());
    // the page was saved with its sidecar before the kill; the request cut off left nothing
    expect(meta(path.join(out, 'raw'), 'report.html').url).toBe(`${base}/report.html`);
    expect(fs.readdirSync(raw)).toEqual(['report.html', 'report.html.meta.json']);
    // the next run: what was saved is unchanged, the rest is fetched (/hang now times out)
    const s = await runFetch(quick(path.join(out, 'raw'), { rows: parseUrlsCsv(fs.readFileSync(csv, 'utf8')), timeoutMs: 300, retries: 0 }));
    expect(s).toMatchObject({ unchanged: 1, fetched: 2, failed: 1 });
    expect(fs.readFileSync(path.join(raw, 'files/report.pdf'))).toEqual(PDF);
    expect(fs.existsSync(path.join(raw, 'p/1.html.meta.json'))).toBe(true);
  });

  it('politeness: one request at a time per host with the delay between them; --per-host 2 allows two', async () => {
    const out = tmp();
    reset();
    await runFetch(quick(out, { rows: rows('/p/0.html', '/p/1.html', '/p/2.html', '/p/3.html'), delayMs: 150 }));
    expect(hits).toHaveLength(5); // robots.txt and the four pages
    expect(maxActive).toBe(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start - hits[i - 1]!.end).toBeGreaterThanOrEqual(145);
    reset();
    await runFetch(quick(tmp(), { rows: rows('/slow', '/p/0.html', '/p/1.html', '/p/2.html', '/p/3.html', '/p/4.html'), delayMs: 0, perHost: 2, timeoutMs: 400, retries: 0 }));
    expect(maxActive).toBe(2);
  });
});

describe('fetch --index', () => {
  it('follows pagination (下一页 and the createPageHTML pager) and report links within the site, with their attachments', async () => {
    const out = tmp();
    reset();
    const s = await runFetch(quick(out, { index: [`${base}/nb/index.html`] }));
    expect(s.failed).toBe(0);
    expect(s.listings).toBe(3);
    const saved = fs.readdirSync(path.join(out, host()), { recursive: true }).map(String).filter((f) => !f.endsWith('.meta.json') && fs.statSync(path.join(out, host(), f)).isFile()).sort();
    expect(saved).toEqual(['files/2020.pdf', 'files/2021.doc', 'files/2022.pdf', 'nb/2021.html', 'nb/2022.html']);
    expect(meta(out, 'files/2022.pdf').linked_from).toBe(`${base}/nb/2022.html`);
    expect(meta(out, 'files/2020.pdf').linked_from).toBe(`${base}/nb/index_2.html`);
    // not followed: another site, a page that is no report, an attachment that is no report
    expect(hits.some((h) => h.path === '/about.html' || h.path === '/other.pdf')).toBe(false);
  });

  it('--depth 0 reads only the listing pages; --max bounds the number of requests', async () => {
    const s0 = await runFetch(quick(tmp(), { index: [`${base}/nb/index.html`], depth: 0 }));
    expect(s0.fetched).toBe(1); // the PDF listed on index_2.html itself
    const s1 = await runFetch(quick(tmp(), { index: [`${base}/nb/index.html`], max: 2 }));
    expect(s1.listings + s1.fetched).toBe(2);
    expect(s1.notFollowed).toBeGreaterThan(0);
  });
});

describe('the address guard', () => {
  it('refuses private, loopback, link-local and mapped addresses, and accepts public ones', () => {
    for (const ip of ['10.1.2.3', '127.0.0.1', '127.8.8.8', '169.254.169.254', '172.16.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '224.0.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '114.114.114.114', '2400:3200::1', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('checks every address a name resolves to, and the scheme', async () => {
    const lookup = async () => [
      { address: '8.8.8.8', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ];
    await expect(checkUrl(new URL('http://mixed.example/'), false, lookup)).rejects.toThrow(/private or local address \(10\.0\.0\.5\)/u);
    await expect(checkUrl(new URL('http://public.example/'), false, async () => [{ address: '8.8.8.8', family: 4 }])).resolves.toBeUndefined();
    await expect(checkUrl(new URL('http://[::1]/'), false)).rejects.toThrow(/private/u);
    await expect(checkUrl(new URL('file:///etc/passwd'), true)).rejects.toThrow(/only http and https/u);
    await expect(checkUrl(new URL('http://localhost/'), false)).rejects.toThrow(/private/u);
  });

  it('the lookup used at connection time refuses a private answer too (no DNS-rebinding window)', async () => {
    const look = (allow: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; addr: unknown }>((r) => guardedLookup(allow)('localhost', { all: true }, (err, addr) => r({ err, addr })));
    expect((await look(false)).err?.code).toBe('EPRIVATE');
    const ok = await look(true);
    expect(ok.err).toBeNull();
    expect((ok.addr as { address: string }[]).some((a) => a.address === '127.0.0.1' || a.address === '::1')).toBe(true);
  });

  it('a plain run (no --allow-private) refuses the loopback test server without sending it anything', async () => {
    reset();
    const s = await runFetch(quick(tmp(), { rows: rows('/report.html'), allowPrivate: false }));
    expect(s.failed).toBe(1);
    expect(s.outcomes[0]!.reason).toMatch(/^127\.0\.0\.1 resolves to a private or local address \(127\.0\.0\.1\); --allow-private fetches it$/u);
    expect(hits).toEqual([]); // not even robots.txt
  });

  it('a redirect to a private address is refused before connecting (allowed: the test server only)', async () => {
    const onlyTestServer = (ip: string) => ip === '127.0.0.1';
    const o = { userAgent: 'xxgk/test', allowPrivate: onlyTestServer, timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 5 };
    await expect(httpGet(`${base}/to-private`, o)).rejects.toThrow(/10\.0\.0\.1.*private or local address/u);
    const s = await runFetch(quick(tmp(), { rows: rows('/to-private'), allowPrivate: onlyTestServer }));
    expect(s.outcomes[0]).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/private or local address \(10\.0\.0\.1\)/u) });
  });
});

describe('pieces', () => {
  it('safe file names: no .., no hidden files, query strings hashed, index pages as index.html, port in the host folder', () => {
    expect(relPathFor(new URL('http://www.a.gov.cn/xxgk/'))).toEqual(['www.a.gov.cn', 'xxgk', 'index.html']);
    expect(relPathFor(new URL('http://a.gov.cn'))).toEqual(['a.gov.cn', 'index.html']);
    expect(relPathFor(new URL('http://a.gov.cn/a/%2e%2e/%2E%2E/etc/passwd'))).toEqual(['a.gov.cn', 'etc', 'passwd']);
    const evil = relPathFor(new URL('http://a.gov.cn/..%2f..%2fetc/.htaccess'));
    expect(evil.every((p) => !p.startsWith('.') && !p.includes('/'))).toBe(true);
    const q = relPathFor(new URL('http://a.gov.cn:8080/content.jsp?id=3&t=1'), '.html');
    expect(q[0]).toBe('a.gov.cn_8080');
    expect(q[1]).toMatch(/^content_q[0-9a-f]{8}\.jsp\.html$/u);
    expect(relPathFor(new URL('http://a.gov.cn/content.jsp?id=4'), '.html')[1]).not.toBe(q[1]);
    expect(relPathFor(new URL('http://a.gov.cn/报告/2022年度报告.pdf'))).toEqual(['a.gov.cn', '报告', '2022年度报告.pdf']);
    expect(Buffer.byteLength(relPathFor(new URL(`http://a.gov.cn/${'长'.repeat(200)}.pdf`))[1]!)).toBeLessThanOrEqual(200);
  });

  it('links: attachments by extension or text, report links, pagination', () => {
    const l = classifyLinks(
      page('<base href="http://x.gov.cn/nb/"><a href="a.pdf">a</a><a href="dl?id=1">报告.docx</a><a href="r.html">2023年年报</a><a href="index_2.html">3</a><a href="mailto:a@b">年报</a>'),
      'http://x.gov.cn/nb/index.html',
    );
    expect(l.attachments.map((a) => a.url)).toEqual(['http://x.gov.cn/nb/a.pdf', 'http://x.gov.cn/nb/dl?id=1']);
    expect(l.reports.map((a) => a.url)).toEqual(['http://x.gov.cn/nb/r.html']);
    expect(l.pages.map((a) => a.url)).toEqual(['http://x.gov.cn/nb/index_2.html']);
  });

  it('Retry-After in seconds or as a date; the CSV needs a url column', async () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(() => parseUrlsCsv('link\nhttp://a/\n')).toThrow(/no "url" column/u);
    expect(parseUrlsCsv('\uFEFFurl,body,year\nhttp://a.gov.cn/x#frag,甲,2021\nhttp://a.gov.cn/x,甲,2021\n')).toEqual([{ url: 'http://a.gov.cn/x', body: '甲', year: 2021, line: 2 }]);
    await expect(getWithRetries(`${base}/missing`, { userAgent: 'x', allowPrivate: true, timeoutMs: 1000, maxBytes: 100, maxRedirects: 1 }, { retries: 3, backoffMs: 1, minGapMs: 0, maxRetryAfterMs: 1000 })).rejects.toMatchObject({ status: 404 });
  });
});
