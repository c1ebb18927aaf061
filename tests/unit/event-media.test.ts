import { describe, expect, it } from 'vitest';
import { EventChange } from '../../src/lib/schemas/event';
import { parseEvent } from '../../src/lib/desk/event-input';
import { mediaOf, providerOf } from '../../src/lib/media/event-media';
import { PLAIN_EVENT } from '../../src/lib/types';

const base = { kind: 'meeting', title: 'Talks resume', occurredStart: '2025-12-06T10:00' };

describe('media addresses', () => {
	it('refuses every scheme but http and https, in the API schema and the desk form', () => {
		for (const url of [
			'javascript:alert(1)',
			' JavaScript:alert(1)',
			'data:image/png;base64,AAAA',
			'data:text/html,<script>alert(1)</script>',
			'file:///etc/passwd',
			'vbscript:msgbox(1)',
			'//example.org/x.jpg',
			'https://exa mple.org/x.jpg'
		]) {
			expect(EventChange.safeParse({ mediaUrl: url }).success, url).toBe(false);
			const parsed = parseEvent({ ...base, mediaUrl: url, mediaAlt: 'x' });
			expect(parsed.ok ? null : parsed.errors.mediaUrl, url).toBe(
				'Use a full http:// or https:// address.'
			);
		}
	});

	it('keeps an http(s) address, guessing image or link when no kind is given', () => {
		const image = parseEvent({
			...base,
			mediaUrl: 'HTTPS://images.example.org/talks.JPG',
			mediaAlt: 'Delegates at a table'
		});
		expect(image.ok && image.value).toMatchObject({
			mediaKind: 'image',
			mediaUrl: 'https://images.example.org/talks.JPG'
		});
		const link = parseEvent({ ...base, mediaUrl: 'https://youtu.be/abc', pinned: 'on' });
		expect(link.ok && link.value).toMatchObject({ mediaKind: 'link', pinned: true });
	});

	it('asks for alt text on an image, and for both sizes or neither', () => {
		const parsed = parseEvent({
			...base,
			mediaKind: 'image',
			mediaUrl: 'https://images.example.org/a.png',
			mediaWidth: '640'
		});
		expect(parsed.ok ? {} : parsed.errors).toEqual({
			mediaAlt: 'Describe the image for readers who cannot see it.',
			mediaHeight: 'Give both width and height, or neither.'
		});
	});

	it('names the provider from the address alone, and shows nothing for other schemes', () => {
		expect(providerOf('https://www.youtube.com/watch?v=1')).toBe('YouTube');
		expect(providerOf('https://bsky.app/profile/a/post/b')).toBe('Bluesky');
		expect(providerOf('https://x.com/a/status/1')).toBe('X');
		expect(providerOf('https://news.example.org/a')).toBe('news.example.org');
		const stored = { ...PLAIN_EVENT, mediaKind: 'link' as const };
		expect(mediaOf({ ...stored, mediaUrl: 'javascript:alert(1)' })).toBeNull();
		expect(mediaOf({ ...stored, mediaUrl: 'https://instagram.com/p/1' })?.provider).toBe(
			'Instagram'
		);
	});
});

describe('a media address as stored', () => {
	it('refuses an address whose %-escaped form is longer than the column allows', () => {
		const url = `https://example.org/${'ж'.repeat(900)}`;
		expect(url.length).toBeLessThan(2000);
		expect(EventChange.safeParse({ mediaUrl: url }).success).toBe(false);
		expect(
			EventChange.safeParse({ mediaUrl: `https://example.org/${'ж'.repeat(100)}` }).success
		).toBe(true);
	});
});
