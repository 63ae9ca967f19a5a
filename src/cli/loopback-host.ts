import { BlockList, isIP } from "node:net";

// 127.0.0.0/8 and ::1; an IPv4-mapped address (::ffff:127.0.0.1) is checked against the IPv4 rule.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** A --host as it is listened on: an IPv6 address without the brackets a URL puts around it ([::1] is ::1). */
export function listenHost(host: string): string {
  return /^\[.*\]$/.test(host) ? host.slice(1, -1) : host;
}

/**
 * Whether only this machine can reach a host: localhost (any case) or an
 * address in 127.0.0.0/8 or ::1, however it is written (0:0:0:0:0:0:0:1,
 * ::ffff:127.0.0.1). Any other name counts as reachable from elsewhere.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = listenHost(host);
  if (bare.toLowerCase() === "localhost") return true;
  const family = isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 4 ? "ipv4" : "ipv6");
}
