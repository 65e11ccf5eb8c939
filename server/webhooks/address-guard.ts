import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "../config/env";
import { DomainError } from "../errors";

/**
 * Server-side request forgery guard for outgoing webhooks: an endpoint may not point the app at
 * its own machine, the private network it runs in, or a cloud metadata service. The check runs at
 * registration and again on every delivery, inside the connection's own DNS lookup, so a name that
 * resolved to a public address when registered and to a private one now is refused, and the
 * address checked is the address connected to.
 */

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["169.254.0.0", 16], // link-local, including 169.254.169.254 (cloud metadata)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments (192.0.0.192 is Oracle's metadata)
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const) {
  FORBIDDEN.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["64:ff9b::", 96], // NAT64 to IPv4: may reach private IPv4 space
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // the old site-local
  ["ff00::", 8], // multicast
  ["fd00:ec2::254", 128], // AWS metadata over IPv6 (inside fc00::/7 already; named for the reader)
] as const) {
  FORBIDDEN.addSubnet(net, prefix, "ipv6");
}

export type AddressVerdict = { ok: true } | { ok: false; reason: string };

export function allowLoopback(): boolean {
  return env().WEBHOOKS_ALLOW_LOOPBACK === "true";
}

/** Whether the app may send a webhook to this IP address. IPv4-mapped IPv6 addresses are judged as the IPv4 they carry. */
export function judgeAddress(address: string, loopbackAllowed = allowLoopback()): AddressVerdict {
  const family = isIP(address);
  if (!family) return { ok: false, reason: "not an IP address" };
  const type = family === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, type)) {
    return loopbackAllowed ? { ok: true } : { ok: false, reason: "a loopback address" };
  }
  if (FORBIDDEN.check(address, type)) {
    const metadata = address === "169.254.169.254" || address.endsWith(":a9fe:a9fe") || address === "fd00:ec2::254";
    return { ok: false, reason: metadata ? "a cloud metadata address" : "a private, link-local or reserved address" };
  }
  return { ok: true };
}

type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

let resolver: Resolve = systemResolve;

/**
 * Replaces name resolution, for tests that need a name resolving to a private address on a
 * machine whose DNS they cannot change; null restores the system resolver.
 */
export function setResolverForTests(resolve: Resolve | null): void {
  resolver = resolve ?? systemResolve;
}

function bareHost(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** Every address a host name resolves to must be allowed: a name with one private address among public ones is refused. */
export async function resolveAllowed(hostname: string, loopbackAllowed = allowLoopback()): Promise<LookupAddress[]> {
  const host = bareHost(hostname);
  const literal = isIP(host);
  let addresses: LookupAddress[];
  if (literal) addresses = [{ address: host, family: literal }];
  else {
    try {
      addresses = await resolver(host);
    } catch {
      throw new AddressRefused(`${host} could not be resolved`);
    }
  }
  if (!addresses.length) throw new AddressRefused(`${host} resolves to no address`);
  for (const a of addresses) {
    const verdict = judgeAddress(a.address, loopbackAllowed);
    if (!verdict.ok) throw new AddressRefused(literal ? `${host} is ${verdict.reason}` : `${host} resolves to ${a.address}, ${verdict.reason}`);
  }
  return addresses;
}

export class AddressRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "AddressRefused";
  }
}

/**
 * The registration check: HTTPS, no credentials in the URL, and a host whose addresses are all
 * allowed. Plain HTTP only to loopback, and only with WEBHOOKS_ALLOW_LOOPBACK (development, tests).
 */
export async function checkEndpointUrl(raw: string): Promise<URL> {
  const url = new URL(raw);
  const loopbackAllowed = allowLoopback();
  if (url.username || url.password) throw new DomainError("BAD_REQUEST", "The URL must not carry a user name or password.");
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new DomainError("BAD_REQUEST", "The URL must start with https://.");
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAllowed(url.hostname, loopbackAllowed);
  } catch (error) {
    if (error instanceof AddressRefused) throw new DomainError("BAD_REQUEST", `This URL is refused: ${error.message}. Webhooks go to public addresses only.`);
    throw error;
  }
  const onlyLoopback = addresses.every((a) => LOOPBACK.check(a.address, a.family === 4 ? "ipv4" : "ipv6"));
  if (url.protocol === "http:" && !(loopbackAllowed && onlyLoopback)) throw new DomainError("BAD_REQUEST", "The URL must start with https://.");
  return url;
}

/**
 * A `lookup` for node:http(s) that resolves, then refuses the connection when any address is not
 * allowed: the delivery-time check, on the very addresses the socket will use.
 */
export function guardedLookup(
  hostname: string,
  options: { all?: boolean } | number,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  resolveAllowed(hostname).then(
    (addresses) => {
      if (typeof options === "object" && options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    },
    (error: Error) => callback(Object.assign(error, { code: "EADDRREFUSED" }), ""),
  );
}
