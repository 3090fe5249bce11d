// robots.txt, read once per origin (scheme, host, port) as RFC 9309 says: a 2xx file is parsed
// (robots-parser: groups by user agent, longest match wins, Allow over Disallow on ties, * and $
// wildcards, Crawl-delay); a 4xx means no rules; a 5xx or an unreachable file means "disallow
// everything" for this run, since the site may be down or refusing crawlers.
import robotsParserModule from 'robots-parser';
import type { HttpResponse } from './http.ts';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// a CommonJS module whose typings declare an ES default export: take the function either way
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ?? robotsParserModule) as (url: string, txt: string) => Robot;

export const ROBOTS_MAX_BYTES = 512 * 1024; // RFC 9309: parse at least 500 KiB


export interface RobotsRules {
  /** null: no rules (allow all); 'unreachable': disallow all */
  robot: Robot | null | 'unreachable';
  why?: string;
}

export type FetchRobots = (robotsUrl: string) => Promise<HttpResponse>;

export class Robots {
  private byOrigin = new Map<string, Promise<RobotsRules>>();
  private delays = new Map<string, number>();

  constructor(
    private fetchTxt: FetchRobots,
    private agent: string,
    /** the longest Crawl-delay honoured, in ms (a site asking for more is held to this) */
    private maxCrawlDelayMs = 60_000,
  ) {}

  private rules(u: URL, fetchTxt = this.fetchTxt): Promise<RobotsRules> {
    let p = this.byOrigin.get(u.origin);
    if (!p) {
      const robotsUrl = `${u.origin}/robots.txt`;
      p = fetchTxt(robotsUrl).then(
        (r) => {
          if (r.status >= 200 && r.status < 300) {
            const robot = robotsParser(r.finalUrl, r.body.toString('utf8'));
            const d = robot.getCrawlDelay(this.agent);
            if (typeof d === 'number' && d > 0) this.delays.set(u.hostname, Math.min(d * 1000, this.maxCrawlDelayMs));
            return { robot };
          }
          if (r.status >= 400 && r.status < 500) return { robot: null };
          return { robot: 'unreachable', why: `robots.txt answered HTTP ${r.status}` } as RobotsRules;
        },
        (e: Error & { status?: number }) => {
          if (e.status !== undefined && e.status >= 400 && e.status < 500) return { robot: null };
          return { robot: 'unreachable', why: `robots.txt could not be read (${e.message})` } as RobotsRules;
        },
      );
      this.byOrigin.set(u.origin, p);
    }
    return p;
  }

  /** null when `u` may be fetched, else the reason it may not. `fetchTxt` overrides how a robots.txt not read yet is fetched. */
  async refusal(u: URL, fetchTxt?: FetchRobots): Promise<string | null> {
    if (u.pathname === '/robots.txt') return null;
    const r = await this.rules(u, fetchTxt);
    if (r.robot === null) return null;
    if (r.robot === 'unreachable') return `${r.why}: nothing of ${u.origin} is fetched (RFC 9309)`;
    return r.robot.isAllowed(u.href, this.agent) === false ? `disallowed by ${u.origin}/robots.txt` : null;
  }

  /** The site's Crawl-delay for a host name, in ms (0 when none or not read yet). */
  crawlDelayMs(hostname: string): number {
    return this.delays.get(hostname) ?? 0;
  }
}
