// Politeness: at most `perHost` requests at a time to one host, and at least `delayMs` between the
// end of one request to a host and the start of the next one on the same slot; at most `total`
// requests at once over all hosts. A few lines of promises do this exactly; a general rate-limiter
// library would add a token bucket we do not need and hide the per-host rule.

export interface QueueOptions {
  perHost: number;
  delayMs: number;
  /** requests at once over all hosts */
  total: number;
  /** a host's own minimum delay (robots.txt Crawl-delay), when larger than delayMs */
  hostDelayMs?: (host: string) => number;
}

class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

interface Host {
  slots: Semaphore;
  /** when each free slot may start its next request (earliest first) */
  freeAt: number[];
}

export class HostQueue {
  private hosts = new Map<string, Host>();
  private total: Semaphore;

  constructor(private o: QueueOptions) {
    this.total = new Semaphore(o.total);
  }

  private host(key: string): Host {
    let h = this.hosts.get(key);
    if (!h) this.hosts.set(key, (h = { slots: new Semaphore(this.o.perHost), freeAt: [] }));
    return h;
  }

  /** Runs `job` when the host has a free slot and its delay has passed; the slot is held for the whole job (retries included). */
  async run<T>(hostKey: string, job: () => Promise<T>): Promise<T> {
    const h = this.host(hostKey);
    await h.slots.acquire();
    const at = h.freeAt.shift() ?? 0;
    const wait = at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await this.total.acquire();
    try {
      return await job();
    } finally {
      this.total.release();
      const delay = Math.max(this.o.delayMs, this.o.hostDelayMs?.(hostKey) ?? 0);
      h.freeAt.push(Date.now() + delay);
      h.freeAt.sort((a, b) => a - b);
      h.slots.release();
    }
  }

  /** The delay in force for a host (for retries inside a slot). */
  delayFor(hostKey: string): number {
    return Math.max(this.o.delayMs, this.o.hostDelayMs?.(hostKey) ?? 0);
  }
}
