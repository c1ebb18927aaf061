import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { messageParts } from '$lib/format/message-slots';

describe('messageParts', () => {
	it('puts the slot where each language puts it', () => {
		expect(messageParts(translator('en'), 'reader.page.asof', {}, ['date'])).toEqual([
			{ text: 'You are reading this story as it was known at the end of ' },
			{ slot: 'date' },
			{ text: '.' }
		]);
		const uk = messageParts(translator('uk'), 'reader.page.asof', {}, ['date']);
		expect(uk.map((part) => part.slot ?? 'text')).toEqual(['text', 'date', 'text']);
		expect(uk[0]!.text).toMatch(/^Ви читаєте/);
	});

	it('keeps plain values as text around several slots', () => {
		const parts = messageParts(
			translator('en'),
			'reader.page.newSince',
			{ changes: '2 new events' },
			['date', 'mark']
		);
		expect(parts).toEqual([
			{ text: '2 new events since your last visit on ' },
			{ slot: 'date' },
			{ text: ', marked ' },
			{ slot: 'mark' },
			{ text: '.' }
		]);
	});
});
