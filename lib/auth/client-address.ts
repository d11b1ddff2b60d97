import { BlockList, isIP } from "node:net";

/**
 * The header through which the production server (app/_server/main.ts) tells Next who is asking. The
 * server sets it on every request, replacing whatever the client sent, so nobody can choose their own.
 */
export const CLIENT_ADDRESS_HEADER = "x-tandem-client-address";

/** The address a client gets when none is known (`next dev`, tests): one shared key, never a client's choice. */
export const UNKNOWN_CLIENT = "unknown";

/** Why one entry of TANDEM_TRUST_PROXY is not an address or a network, or null when it is. */
function entryProblem(entry: string): string | null {
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address!);
  if (version === 0 || rest.length > 0) return `"${entry.slice(0, 60)}" is not an IP address or network (such as 10.0.0.0/8)`;
  if (prefix === undefined) return null;
  const bits = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) return `"${entry.slice(0, 60)}" has a prefix outside 0–${bits}`;
  return null;
}

/** A comma-separated list of addresses and networks, split; a problem names the first bad entry. */
export function parseTrustedProxies(value: string): { ok: true; entries: string[] } | { ok: false; problem: string } {
  const entries = value.split(",").map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) return { ok: false, problem: "must list at least one address or network" };
  for (const entry of entries) {
    const problem = entryProblem(entry);
    if (problem) return { ok: false, problem };
  }
  return { ok: true, entries };
}

export type TrustedProxies = { has: (address: string) => boolean };

/** The matcher of entries parseTrustedProxies accepted. */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return { has: (address) => list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6") };
}

/** One address as a key: "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) is 10.0.0.1; not an address is null. */
function plainAddress(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  if (mapped && isIP(mapped[1]!) === 4) return mapped[1]!;
  return isIP(v) === 0 ? null : v.toLowerCase();
}

/**
 * Who is asking: the socket's peer, unless that peer is a proxy named in TANDEM_TRUST_PROXY. Then
 * X-Forwarded-For is read from the right, each trusted proxy vouching for the hop before it, and the
 * first address no trusted proxy stands for is the client. Entries to the left of it are whatever the
 * client wrote, so they are never read; a malformed hop stops the walk at the proxy that passed it on.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies | null): string {
  let address = plainAddress(socketAddress);
  if (address === null) return UNKNOWN_CLIENT;
  if (!trusted || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  while (trusted.has(address) && hops.length > 0) {
    const hop = plainAddress(hops.pop());
    if (hop === null) break;
    address = hop;
  }
  return address;
}
