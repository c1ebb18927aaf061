/**
 * Which addresses the feed fetcher may connect to. A feed URL is typed by an editor, so without
 * this it could reach the database, the cloud metadata service or anything else on our network
 * (SSRF). Only globally routable unicast addresses pass; FEEDS_ALLOW_PRIVATE=1 lifts the rule
 * for tests and closed installations whose feeds live on the intranet.
 */
import ipaddr from 'ipaddr.js';

/**
 * True for a public address. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it
 * carries; every named special range in ipaddr.js (private, loopback, link-local, carrier-grade
 * NAT, multicast, reserved, 6to4, Teredo, …) is refused, and so is anything unparsable.
 */
export function isPublicAddress(address: string): boolean {
	const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
	if (!ipaddr.isValid(bare)) return false;
	return ipaddr.process(bare).range() === 'unicast';
}

/** Private addresses allowed by configuration (read at each call, so tests can set it). */
export function privateAllowedByConfig(): boolean {
	return process.env.FEEDS_ALLOW_PRIVATE === '1';
}

/** The address check a fetch uses: anything when private addresses are allowed. */
export function addressPolicy(allowPrivate: boolean): (address: string) => boolean {
	return allowPrivate ? () => true : isPublicAddress;
}
