import { describe, expect, it } from 'vitest';
import { ATOM_CONTENT_TYPE, atomContentType } from '$lib/server/feeds/atom';
import { feedLanguage } from '$lib/server/feeds/language';

describe('atomContentType', () => {
	it('labels the feed Atom for feed readers and whatever does not ask for HTML', () => {
		expect(atomContentType('application/atom+xml, application/rss+xml;q=0.9, */*;q=0.1')).toBe(
			ATOM_CONTENT_TYPE
		);
		expect(atomContentType('text/html, application/atom+xml')).toBe(ATOM_CONTENT_TYPE);
		expect(atomContentType('*/*')).toBe(ATOM_CONTENT_TYPE);
		expect(atomContentType(null)).toBe(ATOM_CONTENT_TYPE);
	});

	it('labels it XML for a browser opening the link, so the stylesheet makes a page of it', () => {
		expect(atomContentType('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(
			'application/xml; charset=utf-8'
		);
	});
});

describe('feedLanguage', () => {
	it("declares the story's language, English when it has none or an unreadable one", () => {
		expect(feedLanguage({ language: 'uk' })).toBe('uk');
		expect(feedLanguage({})).toBe('en');
		expect(feedLanguage({ language: '"><x' })).toBe('en');
	});
});
