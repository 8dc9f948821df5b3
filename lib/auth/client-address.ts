/**
 * The client's address, for throttling and the audit trail. By default it is the TCP peer (the socket address),
 * which no client can forge. Behind a reverse proxy the peer is the proxy, so the operator names the proxies it
 * may believe in KEYSTONE_TRUSTED_PROXIES:
 *   unset, "" or "0"  none: the socket address (the default)
 *   "1", "2" …        that many proxy hops in front of the app: the address that many hops back along
 *                     X-Forwarded-For (only safe when nothing can reach the app except through them)
 *   "10.0.0.5, 10.1.0.0/16, ::1"   addresses or CIDR ranges of the proxies: walking X-Forwarded-For from the
 *                     right, the first address not in the list is the client
 * Every X-Forwarded-For value left of the trusted hops was written by the client and is ignored.
 * Pure (no Next, no server-only): scripts/start.ts validates the setting with the same parser.
 */
import { BlockList, isIP } from 'node:net';

export type TrustedProxies =
  { kind: 'none' } | { kind: 'hops'; count: number } | { kind: 'list'; ranges: string[]; list: BlockList };

/** More X-Forwarded-For entries than this are not a real proxy chain; only the rightmost ones are read. */
const MAX_FORWARDED_ENTRIES = 32;
const MAX_HOPS = 10;

/** An address as written in a header or by a socket, reduced to the plain IP: no brackets, port, zone, v4-in-v6. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  let value = raw.trim();
  if (value.length === 0 || value.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.indexOf(':'));
  value = value.replace(/%[\w.-]+$/, ''); // IPv6 zone id
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value.toLowerCase() : null;
}

export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const value = (setting ?? '').trim();
  if (value === '' || value === '0' || value.toLowerCase() === 'none') return { kind: 'none' };
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count > MAX_HOPS)
      throw new Error(
        `KEYSTONE_TRUSTED_PROXIES: ${count} hops is more than any real proxy chain (at most ${MAX_HOPS})`,
      );
    return { kind: 'hops', count };
  }
  const list = new BlockList();
  const ranges: string[] = [];
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefixText, ...rest] = entry.split('/');
    const ip = normalizeAddress(address);
    const family = ip ? (isIP(ip) === 4 ? 'ipv4' : 'ipv6') : null;
    const prefix = prefixText === undefined ? null : Number(prefixText);
    const maxPrefix = family === 'ipv4' ? 32 : 128;
    if (
      !ip ||
      !family ||
      rest.length > 0 ||
      (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxPrefix))
    ) {
      throw new Error(`KEYSTONE_TRUSTED_PROXIES: "${entry}" is neither a number of hops nor an address or CIDR range`);
    }
    if (prefix === null) list.addAddress(ip, family);
    else list.addSubnet(ip, prefix, family);
    ranges.push(prefix === null ? ip : `${ip}/${prefix}`);
  }
  if (ranges.length === 0) throw new Error('KEYSTONE_TRUSTED_PROXIES: empty list');
  return { kind: 'list', ranges, list };
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client address for one request: `socketAddress` is the TCP peer (null when unknown, e.g. under plain
 * `next dev`), `forwardedFor` the X-Forwarded-For header as received. Null when it cannot be told.
 */
export function resolveClientAddress(
  socketAddress: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string | null {
  const socket = normalizeAddress(socketAddress);
  if (socket === null || trusted.kind === 'none') return socket;

  // right to left: the socket, then what each proxy says it received from
  const entries = (forwardedFor ?? '').split(',').slice(-MAX_FORWARDED_ENTRIES).reverse();
  const chain: (string | null)[] = [socket, ...entries.filter((e) => e.trim() !== '').map(normalizeAddress)];

  if (trusted.kind === 'hops') {
    // with N proxies, the client is N steps back; a shorter chain means fewer hops than configured
    const index = Math.min(trusted.count, chain.length - 1);
    return chain[index] ?? null;
  }
  for (let i = 0; i < chain.length; i++) {
    const address = chain[i];
    if (address === null || address === undefined) return null; // a trusted proxy passed on garbage
    if (!isTrusted(trusted.list, address) || i === chain.length - 1) return address;
  }
  return null;
}

let cached: { setting: string | undefined; value: TrustedProxies } | undefined;

/**
 * The setting in force. An invalid one is refused at start (scripts/start.ts); should one reach a running app
 * anyway, it counts as "none": believing no header is the safe side.
 */
export function trustedProxiesFromEnv(env: Record<string, string | undefined> = process.env): TrustedProxies {
  const setting = env.KEYSTONE_TRUSTED_PROXIES;
  if (cached && cached.setting === setting) return cached.value;
  let value: TrustedProxies;
  try {
    value = parseTrustedProxies(setting);
  } catch (error) {
    console.error(`[keystone] ${(error as Error).message}; using the socket address`);
    value = { kind: 'none' };
  }
  cached = { setting, value };
  return value;
}
