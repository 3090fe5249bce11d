// `xxgk fetch`: collect report pages and their attachments from government sites, politely and with
// provenance, into `<out>/<host>/<path>` plus a `.meta.json` sidecar per file; resumable.
//
// Two ways in: a CSV of report URLs (each page is saved, and the attachments it links are fetched
// too), or `--index URL`: a site's 年报 column page, whose pagination is followed and whose links that
// look like annual reports are fetched (then their attachments), within the site, up to --depth and
// --max. Listing pages are read, not saved: they are not reports.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../db/common.ts';
import { type AllowPrivate, checkUrl } from './guard.ts';
import { FetchError, getWithRetries, type HttpOptions, type HttpResponse, type RetryOptions } from './http.ts';
import { classifyLinks, decodePage, sameSite } from './links.ts';
import { HostQueue } from './queue.ts';
import { Robots, ROBOTS_MAX_BYTES } from './robots.ts';
import { extForResponse, fileFor, findSaved, saveFetched, sha256, type Sidecar, writeSidecar } from './store.ts';
import { Progress, type Summary, summaryLines } from './summary.ts';
import { readUrlsCsv, type UrlRow } from './urls.ts';

export { summaryLines } from './summary.ts';
export type { Summary } from './summary.ts';

export const DEFAULTS = {
  out: 'data/raw',
  perHost: 1,
  delayMs: 1000,
  timeoutMs: 60_000,
  retries: 3,
  backoffMs: 2000,
  maxRetryAfterMs: 120_000,
  maxMb: 100,
  maxRedirects: 5,
  depth: 2,
  max: 500,
  hosts: 8,
} as const;

export interface FetchOptions {
  out: string;
  /** CSV rows to fetch (from readUrlsCsv) */
  rows?: UrlRow[];
  /** 年报 column pages to crawl */
  index?: string[];
  perHost?: number;
  delayMs?: number;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxRetryAfterMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  depth?: number;
  max?: number;
  hosts?: number;
  allowPrivate?: AllowPrivate;
  userAgent?: string;
  /** progress and log lines (stderr) */
  log?: (s: string) => void;
  tty?: boolean;
}

function packageInfo(): { version: string; homepage?: string } {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string };
  } catch {
    return { version: '0' };
  }
}

/** `xxgk/<version> (+<homepage>)`: who is asking, and where to read about it. */
export function userAgent(): string {
  const p = packageInfo();
  return p.homepage ? `xxgk/${p.version} (+${p.homepage})` : `xxgk/${p.version}`;
}

type Role = 'page' | 'listing' | 'report' | 'attachment';

interface Job {
  url: string;
  role: Role;
  depth: number;
  linkedFrom: string | null;
  body: string | null;
  year: number | null;
  /** the --index URL whose site bounds the crawl */
  site?: URL;
}

const headerOf = (r: HttpResponse, name: string): string | null => {
  const v = r.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};
const charsetOf = (ct: string | null) => (ct ? (/charset\s*=\s*"?([\w-]+)/iu.exec(ct)?.[1]?.toLowerCase() ?? null) : null);
const shown = (file: string) => {
  const r = path.relative(process.cwd(), file);
  return r.startsWith('..') ? file : r;
};
const isHtml = (ct: string | null, file: string) => (ct ? /html/iu.test(ct) : /\.s?html?$/iu.test(file));

export async function runFetch(o: FetchOptions): Promise<Summary> {
  const opt = { ...DEFAULTS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as unknown as Required<Omit<FetchOptions, 'rows' | 'index' | 'userAgent' | 'log' | 'tty'>>;
  const maxBytes = o.maxBytes ?? DEFAULTS.maxMb * 1024 * 1024;
  const ua = o.userAgent ?? userAgent();
  const write = o.log ?? ((s: string) => process.stderr.write(s));
  const progress = new Progress(write, o.tty ?? false, process.stderr.columns || 100);
  const robotsAgent = 'xxgk';

  const robots: Robots = new Robots(
    (url) => queue.run(new URL(url).hostname, () => getWithRetries(url, http({ maxBytes: ROBOTS_MAX_BYTES }), retry(new URL(url).hostname, url))),
    robotsAgent,
  );
  const queue = new HostQueue({ perHost: opt.perHost, delayMs: opt.delayMs, total: opt.hosts * opt.perHost, hostDelayMs: (h) => robots.crawlDelayMs(h) });

  const http = (extra: Partial<HttpOptions> = {}): HttpOptions => ({
    userAgent: ua,
    allowPrivate: opt.allowPrivate ?? false,
    timeoutMs: opt.timeoutMs,
    maxBytes,
    maxRedirects: opt.maxRedirects,
    ...extra,
  });
  const retry = (host: string, url: string): RetryOptions => ({
    retries: opt.retries,
    backoffMs: opt.backoffMs,
    minGapMs: queue.delayFor(host),
    maxRetryAfterMs: opt.maxRetryAfterMs,
    onRetry: (n, wait, why) => progress.note(`retry ${n}/${opt.retries} in ${(wait / 1000).toFixed(1)} s: ${url}: ${why}`),
  });

  const seen = new Set<string>();
  const pending = new Set<Promise<void>>();
  let started = 0;
  let overMax = 0;

  const enqueue = (j: Job) => {
    if (seen.has(j.url)) return;
    seen.add(j.url);
    // --max bounds a crawl (--index); a CSV is fetched whole, as listed
    if (j.site) {
      if (started >= opt.max) {
        overMax++;
        return;
      }
      started++;
    }
    progress.queue();
    const p = work(j).finally(() => pending.delete(p));
    pending.add(p);
  };

  const fail = (j: Job, reason: string) => progress.done({ url: j.url, kind: 'failed', reason, linkedFrom: j.linkedFrom });

  async function work(j: Job): Promise<void> {
    const u = new URL(j.url);
    try {
      // the address first: a refused host is told as such, and not even its robots.txt is asked for
      await checkUrl(u, opt.allowPrivate ?? false).catch((e: Error) => {
        throw new FetchError(e.message, 'refused', false);
      });
      const refusal = await robots.refusal(u);
      if (refusal) return fail(j, refusal);
      const saves = j.role !== 'listing';
      const saved = saves ? findSaved(o.out, u) : null;
      const conditional: Record<string, string> = {};
      if (saved?.meta.etag) conditional['if-none-match'] = saved.meta.etag;
      if (saved?.meta.last_modified) conditional['if-modified-since'] = saved.meta.last_modified;
      const res = await queue.run(u.hostname, async () => {
        progress.start(j.url);
        return getWithRetries(
          j.url,
          http({
            headers: conditional,
            beforeRedirect: async (next) => {
              const why = await robots.refusal(next, (url) => getWithRetries(url, http({ maxBytes: ROBOTS_MAX_BYTES }), { ...retry(u.hostname, url), retries: 1 }));
              if (why) throw new FetchError(`redirected to ${next.href}, ${why}`, 'refused', false);
            },
          }),
          retry(u.hostname, j.url),
        );
      });
      const now = new Date().toISOString();
      const contentType = headerOf(res, 'content-type');
      let file: string;
      let bytes: Buffer;
      let charset = charsetOf(contentType);
      if (res.status === 304) {
        if (!saved) return fail(j, 'HTTP 304 for a file not saved before');
        file = saved.file;
        bytes = fs.readFileSync(file);
        charset = saved.meta.charset;
        progress.done({ url: j.url, kind: 'unchanged', file: shown(file), linkedFrom: j.linkedFrom });
      } else if (!saves) {
        bytes = res.body;
        file = fileFor(o.out, u, extForResponse(contentType, null, bytes));
        progress.read(j.url);
      } else {
        bytes = res.body;
        const digest = sha256(bytes);
        const html = isHtml(contentType, new URL(res.finalUrl).pathname);
        if (html && !charset) charset = decodePage(bytes, null).charset;
        const meta: Sidecar = {
          url: j.url,
          final_url: res.finalUrl,
          redirects: res.redirects,
          status: res.status,
          content_type: contentType,
          charset,
          fetched_at: now,
          checked_at: now,
          sha256: digest,
          bytes: bytes.length,
          etag: headerOf(res, 'etag'),
          last_modified: headerOf(res, 'last-modified'),
          linked_from: j.linkedFrom,
          body: j.body,
          year: j.year,
          fetcher: ua,
        };
        if (saved && saved.meta.sha256 === digest) {
          file = saved.file;
          // same bytes: keep the file; remember new validators so that the next run can get a 304
          if (saved.meta.etag !== meta.etag || saved.meta.last_modified !== meta.last_modified) writeSidecar(file, { ...saved.meta, etag: meta.etag, last_modified: meta.last_modified, checked_at: now });
          progress.done({ url: j.url, kind: 'unchanged', file: shown(file), linkedFrom: j.linkedFrom });
        } else {
          file = fileFor(o.out, u, extForResponse(contentType, headerOf(res, 'content-disposition'), bytes));
          saveFetched(file, bytes, meta);
          progress.done({ url: j.url, kind: 'fetched', file: shown(file), linkedFrom: j.linkedFrom });
        }
      }
      if (j.role === 'attachment' || !isHtml(contentType, file)) return;
      follow(j, decodePage(bytes, charset).text, res.status === 304 ? (saved?.meta.final_url ?? j.url) : res.finalUrl);
    } catch (e) {
      if (e instanceof FetchError) return fail(j, e.message);
      fail(j, (e as Error).message ?? String(e));
    }
  }

  const REPORTISH = /年度报告|年报/u;
  function follow(j: Job, html: string, pageUrl: string) {
    const links = classifyLinks(html, pageUrl);
    const inherit = { body: j.body, year: j.year, linkedFrom: pageUrl, site: j.site };
    if (j.role === 'page' || j.role === 'report') {
      for (const a of links.attachments) enqueue({ ...inherit, url: a.url, role: 'attachment', depth: j.depth });
    }
    if (j.role === 'listing') {
      // a 年报 column that lists the files themselves
      for (const a of links.attachments) if (REPORTISH.test(a.text) || REPORTISH.test(decodeURIComponent(a.url))) enqueue({ ...inherit, url: a.url, role: 'attachment', depth: j.depth });
      for (const p of links.pages) if (j.site && sameSite(new URL(p.url), j.site)) enqueue({ ...inherit, url: p.url, role: 'listing', depth: j.depth });
    }
    if ((j.role === 'listing' || j.role === 'report') && j.site && j.depth < opt.depth) {
      for (const r of links.reports) if (sameSite(new URL(r.url), j.site)) enqueue({ ...inherit, url: r.url, role: 'report', depth: j.depth + 1 });
    }
  }

  for (const r of o.rows ?? []) enqueue({ url: r.url, role: 'page', depth: 0, linkedFrom: null, body: r.body, year: r.year });
  for (const i of o.index ?? []) enqueue({ url: new URL(i).href, role: 'listing', depth: 0, linkedFrom: null, body: null, year: null, site: new URL(i) });
  while (pending.size > 0) await Promise.all([...pending]);

  if (overMax > 0) progress.note(`--max ${opt.max} reached: ${overMax} more link${overMax === 1 ? '' : 's'} not followed`);
  return progress.summary(overMax);
}

export interface FetchCommand extends Omit<FetchOptions, 'rows'> {
  csv?: string;
}

/** The command: read the CSV, fetch, print the summary; 1 when anything failed. */
export async function fetchCommand(c: FetchCommand, out: (s: string) => void): Promise<number> {
  const rows = c.csv ? readUrlsCsv(c.csv) : [];
  const s = await runFetch({ ...c, rows, tty: c.tty ?? Boolean(process.stderr.isTTY) });
  for (const l of summaryLines(s)) out(l);
  return s.failed > 0 ? 1 : 0;
}
