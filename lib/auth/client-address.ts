import { BlockList, isIP } from 'node:net';

// Which hop of X-Forwarded-For is the caller. Each proxy appends the address it received the request
// from, so only the entries added by our own proxies are facts; everything left of them was written by
// the caller and can say anything. Without TRUST_PROXY no forwarded header is believed at all.

/** Parsed TRUST_PROXY: none, a number of proxy hops in front of the app, or the proxies' addresses. */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; proxies: BlockList; text: string };

/** An address every caller shares when the real one cannot be known (no trusted proxy). */
export const UNKNOWN_ADDRESS = 'unknown';

/** "2" → two hops; "10.0.0.1, 192.168.0.0/16, ::1" → those proxies; "" or "0" → none. Throws on anything else. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 20) throw new Error(`TRUST_PROXY: ${hops} proxy hops is not plausible`);
    return { kind: 'hops', hops };
  }
  const proxies = new BlockList();
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family || extra !== undefined) throw new Error(`TRUST_PROXY: "${entry}" is not an address or CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) {
      proxies.addAddress(address!, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: "${entry}" has a bad prefix length`);
    proxies.addSubnet(address!, bits, type);
  }
  return { kind: 'addresses', proxies, text };
}

function isTrustedProxy(entry: string, trust: Extract<TrustProxy, { kind: 'addresses' }>): boolean {
  const address = entry.replace(/^\[|\]$/g, '');
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The caller's address from X-Forwarded-For under `trust`:
 * - none: UNKNOWN_ADDRESS (the header may have come from the caller itself);
 * - hops N: the Nth entry from the right (the one our outermost proxy wrote);
 * - addresses: the rightmost entry that is not one of our proxies.
 * The app must then be reachable only through those proxies, which is the operator's promise.
 */
export function resolveClientAddress(forwardedFor: string | null | undefined, trust: TrustProxy): string {
  if (trust.kind === 'none' || !forwardedFor) return UNKNOWN_ADDRESS;
  const hops = forwardedFor.split(',').map((e) => e.trim()).filter(Boolean);
  if (hops.length === 0) return UNKNOWN_ADDRESS;
  let client: string | undefined;
  if (trust.kind === 'hops') {
    if (trust.hops === 0) return UNKNOWN_ADDRESS;
    client = hops[Math.max(0, hops.length - trust.hops)];
  } else {
    client = [...hops].reverse().find((entry) => !isTrustedProxy(entry, trust)) ?? hops[0];
  }
  return (client ?? UNKNOWN_ADDRESS).slice(0, 64);
}
