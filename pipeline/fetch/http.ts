// One HTTP GET with every limit a crawler of other people's sites needs: http(s) only, the address
// guard on every hop (and inside the connection's DNS lookup), at most `maxRedirects` redirects, a
// timeout on the whole attempt, a cap on the bytes of the body (declared or received, compressed or
// not), and a truncated body (fewer bytes than Content-Length) told apart from a complete one. Then
// the retries: 429, 5xx and connection errors again after a back-off that honours Retry-After.
//
// Node's own http/https modules rather than fetch(): they take a `lookup` per request, which is what
// lets the address guard run at connection time with no extra dependency, and they expose the
// received byte count that the truncation check needs.
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { type AllowPrivate, checkUrl, FetchRefused, guardedLookup, type Lookup, systemLookup } from './guard.ts';

export type FailKind = 'refused' | 'timeout' | 'too-large' | 'truncated' | 'network' | 'redirects' | 'http';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: FailKind,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  userAgent: string;
  allowPrivate: AllowPrivate;
  /** the whole attempt (connect, headers, body) */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** extra request headers (If-None-Match, If-Modified-Since) */
  headers?: Record<string, string>;
  /** called before following a redirect to another URL; throws to refuse it (robots.txt) */
  beforeRedirect?: (u: URL) => Promise<void>;
  lookup?: Lookup;
}

export interface HttpResponse {
  url: string;
  finalUrl: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  redirects: string[];
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const header = (h: http.IncomingHttpHeaders, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** GET `url`, following redirects within the limits. Resolves for any final status (the caller decides); rejects with FetchError. */
export async function httpGet(url: string, o: HttpOptions): Promise<HttpResponse> {
  const redirects: string[] = [];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError(`not a URL: ${url}`, 'refused', false);
  }
  for (;;) {
    try {
      await checkUrl(u, o.allowPrivate, o.lookup ?? systemLookup);
    } catch (e) {
      if (e instanceof FetchRefused) throw new FetchError(e.message, 'refused', false);
      throw e;
    }
    const r = await once(u, o);
    if (REDIRECT.has(r.status) && header(r.headers, 'location')) {
      if (redirects.length >= o.maxRedirects) throw new FetchError(`more than ${o.maxRedirects} redirects`, 'redirects', false);
      let next: URL;
      try {
        next = new URL(header(r.headers, 'location')!, u);
      } catch {
        throw new FetchError(`bad redirect location ${header(r.headers, 'location')}`, 'http', false, r.status);
      }
      next.hash = '';
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new FetchError(`redirect to ${next.protocol} refused`, 'refused', false);
      if (o.beforeRedirect) await o.beforeRedirect(next);
      redirects.push(u.href);
      u = next;
      continue;
    }
    return { url, finalUrl: u.href, status: r.status, headers: r.headers, body: r.body, redirects };
  }
}

function once(u: URL, o: HttpOptions): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const mod = u.protocol === 'https:' ? https : http;
    let settled = false;
    const fail = (e: FetchError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(e);
    };
    const req = mod.request(
      u,
      {
        method: 'GET',
        headers: { 'user-agent': o.userAgent, accept: '*/*', 'accept-encoding': 'gzip, deflate, br', ...o.headers },
        lookup: guardedLookup(o.allowPrivate),
        agent: false, // one connection per request: nothing is kept open between the (delayed) requests to a host
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (REDIRECT.has(status) || status === 304 || status >= 400) {
          // the body of a redirect, 304 or error is not kept: read a little of it and go
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
          req.destroy();
          return;
        }
        const declared = Number(header(res.headers, 'content-length'));
        const encoding = (header(res.headers, 'content-encoding') ?? 'identity').trim().toLowerCase();
        if (Number.isFinite(declared) && declared > o.maxBytes && encoding === 'identity') {
          return fail(new FetchError(`response of ${declared} bytes is over the cap of ${o.maxBytes} bytes (--max-mb)`, 'too-large', false));
        }
        let raw = 0;
        res.on('data', (c: Buffer) => {
          raw += c.length;
          if (raw > o.maxBytes) fail(new FetchError(`response is over the cap of ${o.maxBytes} bytes (--max-mb)`, 'too-large', false));
        });
        let body: Readable = res;
        if (encoding === 'gzip' || encoding === 'x-gzip') body = res.pipe(zlib.createGunzip());
        else if (encoding === 'deflate') body = res.pipe(zlib.createInflate());
        else if (encoding === 'br') body = res.pipe(zlib.createBrotliDecompress());
        else if (encoding !== 'identity') return fail(new FetchError(`unknown content encoding ${encoding}`, 'http', false, status));
        const chunks: Buffer[] = [];
        let size = 0;
        body.on('data', (c: Buffer) => {
          size += c.length;
          if (size > o.maxBytes) return fail(new FetchError(`response is over the cap of ${o.maxBytes} bytes (--max-mb)`, 'too-large', false));
          chunks.push(c);
        });
        const truncated = () => fail(new FetchError(`truncated body: ${raw} of ${Number.isFinite(declared) ? declared : '?'} bytes received`, 'truncated', true));
        res.on('aborted', truncated);
        res.on('error', truncated);
        body.on('error', (e) => fail(new FetchError(`bad ${encoding} body: ${e.message}`, 'truncated', true)));
        body.on('end', () => {
          if (settled) return;
          if (!res.complete || (Number.isFinite(declared) && raw < declared)) return truncated();
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
    );
    const timer = setTimeout(() => fail(new FetchError(`timed out after ${o.timeoutMs} ms`, 'timeout', true)), o.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPRIVATE' || e instanceof FetchRefused) return fail(new FetchError(e.message, 'refused', false));
      fail(new FetchError(`${e.code ?? 'network error'}: ${e.message}`, 'network', true));
    });
    req.end();
  });
}

/** Retry-After as milliseconds from now (seconds or an HTTP date), or undefined. */
export function retryAfterMs(v: string | undefined, now = Date.now()): number | undefined {
  if (!v) return undefined;
  const s = v.trim();
  if (/^\d+$/u.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

export interface RetryOptions {
  retries: number;
  /** first back-off; doubled on each retry, with jitter */
  backoffMs: number;
  /** the shortest wait between two attempts (the per-host delay) */
  minGapMs: number;
  /** a Retry-After longer than this fails the URL instead of stalling the run */
  maxRetryAfterMs: number;
  onRetry?: (attempt: number, waitMs: number, why: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * httpGet with retries. Resolves with a 2xx or 304 response; rejects with a FetchError for anything
 * else once the retries are spent (an HTTP error carries its status).
 */
export async function getWithRetries(url: string, o: HttpOptions, r: RetryOptions): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt++) {
    let err: FetchError;
    try {
      const res = await httpGet(url, o);
      if ((res.status >= 200 && res.status < 300) || res.status === 304) return res;
      const ra = retryAfterMs(header(res.headers, 'retry-after'));
      err = new FetchError(`HTTP ${res.status}`, 'http', RETRY_STATUS.has(res.status), res.status, ra);
    } catch (e) {
      if (!(e instanceof FetchError)) throw e;
      err = e;
    }
    if (!err.retryable || attempt >= r.retries) throw err;
    if (err.retryAfterMs !== undefined && err.retryAfterMs > r.maxRetryAfterMs) {
      throw new FetchError(`${err.message}, Retry-After ${Math.round(err.retryAfterMs / 1000)} s is longer than the ${Math.round(r.maxRetryAfterMs / 1000)} s allowed`, err.kind, false, err.status);
    }
    const backoff = r.backoffMs * 2 ** attempt * (1 + Math.random() * 0.25);
    const wait = Math.round(Math.max(r.minGapMs, backoff, err.retryAfterMs ?? 0));
    r.onRetry?.(attempt + 1, wait, err.message);
    await (r.sleep ?? sleep)(wait);
  }
}
