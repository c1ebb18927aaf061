import { describe, expect, it } from 'vitest';
import { sentences } from '$lib/server/extract/sentences';

const texts = (body: string) => sentences(body).map((s) => s.text);

describe('sentences of news copy', () => {
	it('keeps wire abbreviations inside the sentence', () => {
		expect(
			texts(
				'U.S. envoy Steve Witkoff met Gen. Oleksandr Syrskyi in Kyiv on Sept. 30, officials said. It was their first meeting.'
			)
		).toEqual([
			'U.S. envoy Steve Witkoff met Gen. Oleksandr Syrskyi in Kyiv on Sept. 30, officials said.',
			'It was their first meeting.'
		]);
	});

	it('drops a dateline and keeps offsets exact', () => {
		const body = 'SEOUL, South Korea (Eval Wire) — Lawmakers voted Saturday. Yoon left.';
		const [first, second] = sentences(body);
		expect(first!.text).toBe('Lawmakers voted Saturday.');
		expect(body.slice(first!.index, first!.index + first!.text.length)).toBe(first!.text);
		expect(second!.text).toBe('Yoon left.');
	});

	it('ends a sentence at a dotted abbreviation followed by a new sentence', () => {
		expect(texts('Talks were held in the U.S. The next round is in May.')).toEqual([
			'Talks were held in the U.S.',
			'The next round is in May.'
		]);
	});

	it('keeps initials and a.m. times', () => {
		expect(texts('K.P. Sharma Oli resigned at 9 a.m. on Tuesday. Protests went on.')).toEqual([
			'K.P. Sharma Oli resigned at 9 a.m. on Tuesday.',
			'Protests went on.'
		]);
	});
});
