/**
 * Which addresses the feed fetcher may connect to. A feed URL is typed by an editor, so without
 * this it could reach the database, the cloud metadata service or anything else on our network
 * (SSRF). Only globally routable unicast addresses pass; FEEDS_ALLOW_PRIVATE=1 lifts the rule
 * for tests and closed installations whose feeds live on the intranet.
 */
import ipaddr from 'ipaddr.js';

// IANA's global unicast space: everything else in IPv6 is special, deprecated or unassigned.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * An IPv6 address's trailing dotted quad as two hex groups. ipaddr.js reads `::8.8.8.8`
 * (IPv4-compatible) as if it were `::ffff:8.8.8.8` (IPv4-mapped); in hex the two differ.
 */
function hexTail(address: string): string {
	const match = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
	if (!match) return address;
	const [a, b, c, d] = match.slice(2).map(Number) as [number, number, number, number];
	if ([a, b, c, d].some((n) => n > 255)) return address;
	const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
	return `${match[1]}${hex(a, b)}:${hex(c, d)}`;
}

/**
 * True for a public address. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it
 * carries; every named special range in ipaddr.js (private, loopback, link-local, carrier-grade
 * NAT, multicast, reserved, 6to4, Teredo, NAT64, ORCHID, …) is refused, and so is anything
 * unparsable. An IPv6 address must also lie in 2000::/3: that refuses the deprecated forms
 * ipaddr.js calls plain unicast, such as IPv4-compatible ::127.0.0.1 (which the URL parser
 * writes ::7f00:1 and the kernel may still route to the IPv4 address) and site-local fec0::/10.
 */
export function isPublicAddress(address: string): boolean {
	const bare = hexTail(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
	if (!ipaddr.isValid(bare)) return false;
	const parsed = ipaddr.parse(bare);
	if (parsed.kind() === 'ipv6') {
		const v6 = parsed as ipaddr.IPv6;
		if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === 'unicast';
		return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
	}
	return parsed.range() === 'unicast';
}

/** Private addresses allowed by configuration (read at each call, so tests can set it). */
export function privateAllowedByConfig(): boolean {
	return process.env.FEEDS_ALLOW_PRIVATE === '1';
}

/** The address check a fetch uses: anything when private addresses are allowed. */
export function addressPolicy(allowPrivate: boolean): (address: string) => boolean {
	return allowPrivate ? () => true : isPublicAddress;
}
