import { describe, expect, it } from 'vitest';
import {
	HIGHLIGHT_START as S,
	HIGHLIGHT_STOP as E,
	MAX_QUERY_LENGTH,
	normaliseQuery,
	splitHighlights
} from '$lib/format/search-text';

describe('normaliseQuery', () => {
	it('treats a missing, empty or blank query as no search', () => {
		expect(normaliseQuery(null)).toBe('');
		expect(normaliseQuery('')).toBe('');
		expect(normaliseQuery(' \t\n ')).toBe('');
	});

	it('trims and collapses whitespace', () => {
		expect(normaliseQuery('  Miami \n  talks ')).toBe('Miami talks');
	});

	it('cuts a long query to the limit without splitting a character', () => {
		expect(normaliseQuery('a'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
		const emoji = normaliseQuery('🕊'.repeat(300));
		expect(Array.from(emoji)).toHaveLength(MAX_QUERY_LENGTH);
		expect(emoji).toBe('🕊'.repeat(MAX_QUERY_LENGTH));
	});
});

describe('splitHighlights', () => {
	it('marks the matched terms and keeps the rest as plain text', () => {
		expect(splitHighlights(`Talks in ${S}Miami${E} end`)).toEqual([
			{ text: 'Talks in ', mark: false },
			{ text: 'Miami', mark: true },
			{ text: ' end', mark: false }
		]);
	});

	it('leaves markup in the document as text: only the markers make a mark', () => {
		expect(splitHighlights(`<img src=x onerror=alert(1)> ${S}Miami${E}`)).toEqual([
			{ text: '<img src=x onerror=alert(1)> ', mark: false },
			{ text: 'Miami', mark: true }
		]);
	});

	it('drops stray markers and merges what they split', () => {
		expect(splitHighlights(`a${E}b${S}${E}c`)).toEqual([{ text: 'abc', mark: false }]);
		expect(splitHighlights(`${S}open`)).toEqual([{ text: 'open', mark: true }]);
		expect(splitHighlights('')).toEqual([]);
	});
});
