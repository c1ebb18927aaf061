import { describe, expect, it } from 'vitest';
import {
	parseChange,
	summarizeChanges,
	type PendingChange
} from '../../src/lib/components/live-summary';

let changeId = 0;
const change = (
	kind: PendingChange['kind'],
	id: number,
	what: PendingChange['change'] = 'published'
): PendingChange => ({ changeId: ++changeId, kind, id, change: what });

describe('summarizeChanges', () => {
	it('says nothing when nothing is new', () => {
		expect(summarizeChanges([])).toBe('');
	});

	it('counts events in the singular and plural', () => {
		expect(summarizeChanges([change('event', 1)])).toBe('1 new event');
		expect(summarizeChanges([change('event', 1), change('event', 2), change('event', 3)])).toBe(
			'3 new events'
		);
	});

	it('joins events and articles the way a sentence does', () => {
		expect(summarizeChanges([change('event', 1), change('article', 9), change('event', 2)])).toBe(
			'2 new events and 1 new article'
		);
		expect(
			summarizeChanges([
				change('event', 1),
				change('article', 9),
				change('event', 5, 'corrected'),
				change('event', 6, 'updated')
			])
		).toBe('1 new event, 1 new article and 2 updated events');
	});

	it('says it in the page language, with its plural forms and its way of joining a list', () => {
		const changes = [change('event', 1), change('event', 2), change('article', 9)];
		expect(summarizeChanges(changes, 'uk')).toBe('2 нові події і 1 нова стаття');
		expect(summarizeChanges([change('event', 1), change('event', 2)], 'ar')).toBe('حدثان جديدان');
	});

	it('counts an event once, as new, however often it changed since', () => {
		expect(
			summarizeChanges([change('event', 1), change('event', 1, 'updated'), change('event', 1)])
		).toBe('1 new event');
	});
});

describe('parseChange', () => {
	it('reads a change message and refuses anything else', () => {
		expect(parseChange('42', '{"kind":"event","id":7,"change":"corrected"}')).toEqual({
			changeId: 42,
			kind: 'event',
			id: 7,
			change: 'corrected'
		});
		expect(parseChange('', '{"kind":"event","id":7,"change":"published"}')).toBeUndefined();
		expect(parseChange('1', '{"kind":"story","id":7,"change":"published"}')).toBeUndefined();
		expect(parseChange('1', 'null')).toBeUndefined();
		expect(parseChange('1', 'not json')).toBeUndefined();
	});
});
