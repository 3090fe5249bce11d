// Which addresses a fetch may reach: http(s) only, and no private, loopback, link-local or otherwise
// non-public address unless allowed. Every address a host name resolves to is checked (one private
// address among public ones is enough to refuse), before each request and after each redirect, and
// again inside the connection's own DNS lookup (http.ts) so that a second resolution cannot swap in
// a private address after the check (DNS rebinding).
import dns from 'node:dns';
import net from 'node:net';

export class FetchRefused extends Error {}

const blocked = new net.BlockList();
// IPv4: this network, private, carrier-grade NAT, loopback, link-local, IETF protocol assignments,
// documentation, benchmarking, multicast, reserved and broadcast
for (const [a, p] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(a, p, 'ipv4');
// IPv6: unspecified, loopback, discard, documentation, unique-local, link-local, site-local, multicast
for (const [a, p] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(a, p, 'ipv6');

/** The IPv4 address an IPv6 address carries (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIpv4(ip: string): string | null {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(ip);
  if (m) return m[1]!;
  const words = expandIpv6(ip);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

function expandIpv6(ip: string): number[] | null {
  let s = ip.replace(/%.*$/u, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/u.exec(s);
  if (dotted) {
    const b = dotted[1]!.split('.').map(Number);
    s = s.slice(0, dotted.index) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = s.includes('::') ? 8 - h.length - t.length : 0;
  const words = [...h, ...Array<string>(Math.max(0, fill)).fill('0'), ...t].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** Whether `ip` (IPv4 or IPv6 text) is an address a public fetch must not reach. Not an IP at all: true (refuse). */
export function isPrivateAddress(ip: string): boolean {
  const family = net.isIP(ip.replace(/%.*$/u, ''));
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const bare = ip.replace(/%.*$/u, '');
    const v4 = embeddedIpv4(bare);
    if (v4 !== null) return blocked.check(v4, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true;
}

/** Throws FetchRefused unless `u` is http(s) without credentials in it. */
export function checkScheme(u: URL): void {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchRefused(`only http and https are fetched, not ${u.protocol.replace(/:$/u, '')}`);
  if (u.username || u.password) throw new FetchRefused('URLs with a user name or password are not fetched');
}

/** The host name of a URL as DNS and net know it (IPv6 literals without brackets). */
export const bareHost = (u: URL) => u.hostname.replace(/^\[(.*)\]$/u, '$1');

export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;
export const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * Which private addresses may be reached: none (false, the default), all (true, --allow-private), or
 * those a predicate accepts (tests: the loopback test server, and nothing else).
 */
export type AllowPrivate = boolean | ((ip: string) => boolean);

const refused = (ip: string, allow: AllowPrivate) => allow !== true && isPrivateAddress(ip) && !(typeof allow === 'function' && allow(ip));

/** Resolves the URL's host and throws FetchRefused when any of its addresses is private (unless allowed). */
export async function checkUrl(u: URL, allowPrivate: AllowPrivate, lookup: Lookup = systemLookup): Promise<void> {
  checkScheme(u);
  if (allowPrivate === true) return;
  const host = bareHost(u);
  const addrs = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await lookup(host).catch((e: NodeJS.ErrnoException) => {
    throw new FetchRefused(`cannot resolve ${host}: ${e.code ?? e.message}`);
  });
  if (addrs.length === 0) throw new FetchRefused(`cannot resolve ${host}`);
  const bad = addrs.find((a) => refused(a.address, allowPrivate));
  if (bad) throw new FetchRefused(`${host} resolves to a private or local address (${bad.address}); --allow-private fetches it`);
}

/**
 * A `lookup` for http.request/net.connect that refuses private addresses at connection time, so the
 * address connected to is one that was checked.
 */
export function guardedLookup(allowPrivate: AllowPrivate): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addrs) => {
      if (err) return callback(err, '', 0);
      if (allowPrivate !== true) {
        const bad = addrs.find((a) => refused(a.address, allowPrivate));
        if (bad) {
          const e = new FetchRefused(`${hostname} resolves to a private or local address (${bad.address}); --allow-private fetches it`) as NodeJS.ErrnoException;
          e.code = 'EPRIVATE';
          return callback(e, '', 0);
        }
      }
      if (options.all) return callback(null, addrs);
      const first = addrs[0];
      if (!first) return callback(Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  }) as net.LookupFunction;
}
