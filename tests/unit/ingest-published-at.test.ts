import { describe, expect, it } from 'vitest';
import { isTimeZone, parsePublishedAt } from '../../src/lib/server/ingest/published-at';
import { validateArticle } from '../../src/lib/server/ingest/article-input';

function date(value: unknown, zone?: string): string {
	const result = parsePublishedAt(value, zone);
	if (!result.ok) throw new Error(result.error);
	return result.date.toISOString();
}

function problem(value: unknown, zone?: string): string {
	const result = parsePublishedAt(value, zone);
	return result.ok ? 'ok' : result.error;
}

describe('parsePublishedAt', () => {
	it('reads ISO 8601 with an offset or Z', () => {
		expect(date('2025-06-10T14:30:00+03:00')).toBe('2025-06-10T11:30:00.000Z');
		expect(date('2025-06-10T14:30Z')).toBe('2025-06-10T14:30:00.000Z');
		expect(date('2025-06-10T14:30:15.250-0400')).toBe('2025-06-10T18:30:15.250Z');
	});

	it('reads a wall-clock time in the given IANA zone, across daylight saving', () => {
		expect(date('2025-01-15T12:00', 'Europe/Kyiv')).toBe('2025-01-15T10:00:00.000Z');
		expect(date('2025-07-15T12:00', 'Europe/Kyiv')).toBe('2025-07-15T09:00:00.000Z');
		expect(date('2025-03-30T03:30', 'Europe/London')).toBe('2025-03-30T02:30:00.000Z');
		expect(date('2025-11-02T01:30', 'America/New_York')).toBe('2025-11-02T05:30:00.000Z');
	});

	it('refuses a wall-clock time without a zone, an unknown zone and impossible dates', () => {
		expect(problem('2025-06-10T14:30')).toMatch(/offset.*or a time zone/);
		expect(problem('2025-06-10T14:30', 'Mars/Olympus')).toBe('Unknown time zone "Mars/Olympus".');
		expect(problem('2025-02-30T10:00Z')).toBe('Not a valid date.');
		expect(problem('2025-06-10T25:00Z')).toBe('Not a valid date.');
		expect(problem('yesterday')).toMatch(/ISO 8601/);
		expect(problem('')).toBe('Enter the publication date and time.');
		expect(problem(1718000000)).toBe('Enter the publication date and time.');
	});

	it('knows IANA zones through Intl', () => {
		expect(isTimeZone('Asia/Kathmandu')).toBe(true);
		expect(isTimeZone('Europe/Nowhere')).toBe(false);
	});
});

describe('validateArticle', () => {
	it('reports every bad field at once', () => {
		const result = validateArticle({
			headline: '<b></b>',
			body: '',
			source: '',
			url: 'ftp://example.org/x',
			publishedAt: 'soon',
			language: 'English!'
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(
			['body', 'headline', 'language', 'publishedAt', 'source', 'url'].sort()
		);
	});

	it('makes headline and dek plain text and lower-cases the language', () => {
		const result = validateArticle({
			headline: 'Talks <em>resume</em> &amp; stall',
			dek: '<p>Day three</p>',
			body: 'Body.',
			source: 'Wire',
			url: 'https://example.org/a#top',
			publishedAt: '2025-06-10T14:30:00Z',
			language: 'UK'
		});
		expect(result.ok && result.value).toMatchObject({
			headline: 'Talks resume & stall',
			dek: 'Day three',
			url: 'https://example.org/a',
			language: 'uk'
		});
	});
});
