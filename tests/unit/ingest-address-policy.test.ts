import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../src/lib/server/subscriptions/address-policy';

describe('isPublicAddress', () => {
	it('accepts globally routable addresses', () => {
		for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111']) {
			expect(isPublicAddress(address), address).toBe(true);
		}
	});

	it('refuses loopback, private, link-local, CGNAT, unspecified, multicast and reserved', () => {
		for (const address of [
			'127.0.0.1',
			'127.1.2.3',
			'10.0.0.1',
			'172.16.5.4',
			'192.168.1.1',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'224.0.0.1',
			'255.255.255.255',
			'240.0.0.1',
			'::1',
			'::',
			'fe80::1',
			'fc00::1',
			'fd12:3456::1',
			'ff02::1'
		]) {
			expect(isPublicAddress(address), address).toBe(false);
		}
	});

	it('judges IPv4-mapped IPv6 by the IPv4 address inside', () => {
		expect(isPublicAddress('::ffff:127.0.0.1')).toBe(false);
		expect(isPublicAddress('::ffff:10.1.1.1')).toBe(false);
		expect(isPublicAddress('[::ffff:8.8.8.8]')).toBe(true);
	});

	it('refuses IPv4-compatible and every deprecated or special IPv6 form', () => {
		for (const address of [
			'::127.0.0.1',
			'[::127.0.0.1]',
			'::7f00:1',
			'::10.0.0.1',
			'::8.8.8.8',
			'fec0::1',
			'feff::1',
			'2002:c0a8:101::1', // 6to4 around 192.168.1.1
			'2002:7f00:1::1', // 6to4 around 127.0.0.1
			'64:ff9b::a00:1', // NAT64 around 10.0.0.1
			'2001::a00:1', // Teredo
			'2001:db8::1',
			'2001:10::1',
			'100::1',
			'::ffff:0:a00:1',
			'4000::1',
			'3fff::1'
		]) {
			expect(isPublicAddress(address), address).toBe(false);
		}
	});

	it('refuses anything that is not an address', () => {
		expect(isPublicAddress('localhost')).toBe(false);
		expect(isPublicAddress('')).toBe(false);
	});
});
