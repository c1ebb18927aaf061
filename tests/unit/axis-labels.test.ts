import { describe, expect, it } from 'vitest';
import { axisFormat } from '$lib/charts/axis-labels';

// vis-timeline's types say the label functions get a Date (its code passes a moment).
const at = (iso: string) => new Date(iso);

describe('axisFormat', () => {
	it('leaves English to vis-timeline', () => {
		expect(axisFormat('en')).toBeUndefined();
		expect(axisFormat('en-GB')).toBeUndefined();
	});

	it('writes month names and weekdays in the reader’s language', () => {
		const uk = axisFormat('uk')!;
		expect(uk.majorLabels(at('2025-12-15T12:00:00Z'), 'day')).toMatch(/^грудень 2025/);
		expect(uk.minorLabels(at('2025-12-15T12:00:00Z'), 'month')).toMatch(/^груд/);
		expect(uk.minorLabels(at('2025-12-15T12:00:00Z'), 'millisecond')).toBe('');
		const ar = axisFormat('ar')!;
		expect(ar.majorLabels(at('2025-12-15T12:00:00Z'), 'day')).not.toMatch(/December/);
	});
});
