// What a run tells its user: on a terminal one line that updates in place (counts and the URL being
// fetched), in a log one plain line per URL; at the end the counts and every failure with its reason.

export type OutcomeKind = 'fetched' | 'unchanged' | 'failed';

export interface Outcome {
  url: string;
  kind: OutcomeKind;
  /** for failures: why */
  reason?: string;
  /** where the bytes are (fetched or unchanged) */
  file?: string;
  linkedFrom?: string | null;
}

export interface Summary {
  fetched: number;
  unchanged: number;
  failed: number;
  /** listing pages of --index read (not saved) */
  listings: number;
  /** links not followed because --max was reached */
  notFollowed: number;
  outcomes: Outcome[];
}

export class Progress {
  readonly outcomes: Outcome[] = [];
  private current = new Set<string>();
  private queued = 0;
  private lastDraw = 0;

  constructor(
    private write: (s: string) => void,
    private tty: boolean,
    private columns = 100,
  ) {}

  private count(k: OutcomeKind) {
    return this.outcomes.filter((o) => o.kind === k).length;
  }

  private draw(force = false) {
    if (!this.tty) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const cur = [...this.current][0] ?? '';
    let line = `fetch: ${this.count('fetched')} fetched, ${this.count('unchanged')} unchanged, ${this.count('failed')} failed, ${this.queued} to go ${cur}`;
    if (line.length > this.columns - 1) line = line.slice(0, this.columns - 2) + '…';
    this.write(`\r${line}\x1b[K`);
  }

  /** Print a line of its own (above the updating line on a terminal). */
  note(s: string) {
    if (this.tty) this.write(`\r\x1b[K${s}\n`);
    else this.write(s + '\n');
    this.draw(true);
  }

  queue(n = 1) {
    this.queued += n;
    this.draw();
  }

  start(url: string) {
    this.current.add(url);
    this.draw();
  }

  done(o: Outcome) {
    this.current.delete(o.url);
    this.queued = Math.max(0, this.queued - 1);
    this.outcomes.push(o);
    if (this.tty) {
      if (o.kind === 'failed') this.note(`failed ${o.url}: ${o.reason}`);
      else this.draw();
    } else if (o.kind === 'failed') this.write(`failed    ${o.url}: ${o.reason}\n`);
    else this.write(`${o.kind.padEnd(9)} ${o.url}${o.file ? ` -> ${o.file}` : ''}\n`);
  }

  /** A listing page read (not kept as a file). */
  read(url: string) {
    this.current.delete(url);
    this.queued = Math.max(0, this.queued - 1);
    this.listings++;
    if (this.tty) this.draw();
    else this.write(`read      ${url}\n`);
  }
  private listings = 0;

  summary(notFollowed = 0): Summary {
    if (this.tty) this.write('\r\x1b[K');
    return { fetched: this.count('fetched'), unchanged: this.count('unchanged'), failed: this.count('failed'), listings: this.listings, notFollowed, outcomes: this.outcomes };
  }
}

/** The closing lines: counts, then the failures grouped by reason. */
export function summaryLines(s: Summary): string[] {
  const extra = [s.listings ? `${s.listings} index page${s.listings === 1 ? '' : 's'} read` : '', s.notFollowed ? `${s.notFollowed} links over --max not followed` : ''].filter(Boolean);
  const lines = [`fetch: ${s.fetched} fetched, ${s.unchanged} unchanged, ${s.failed} failed${extra.length ? ` (${extra.join(', ')})` : ''}`];
  const byReason = new Map<string, string[]>();
  for (const o of s.outcomes) if (o.kind === 'failed') byReason.set(o.reason ?? 'unknown', [...(byReason.get(o.reason ?? 'unknown') ?? []), o.url]);
  for (const [reason, urls] of byReason) {
    lines.push(`  failed (${urls.length}): ${reason}`);
    for (const u of urls) lines.push(`    ${u}`);
  }
  return lines;
}
