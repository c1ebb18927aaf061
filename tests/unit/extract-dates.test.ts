import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveDate } from '$lib/server/extract/dates';
import { calendarDay } from '$lib/time/wall-clock';
import { addDays, startOfDay, weekday } from '$lib/time/zoned';

// Saturday 6 December 2025, 13:30 in Miami: the CRBC report's publication.
const published = new Date('2025-12-06T18:30:00Z');
const ZONE = 'America/New_York';
const on = (sentence: string) => {
	const resolved = resolveDate(sentence, published, ZONE);
	if (!resolved) return undefined;
	const day = (at: Date) => {
		const d = calendarDay(at, ZONE);
		return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
	};
	return resolved.end
		? `${day(resolved.start)}..${day(resolved.end)} ${resolved.precision}`
		: `${day(resolved.start)} ${resolved.precision}`;
};

describe('news date phrases', () => {
	it.each([
		['Talks resumed on Dec. 4 in Miami.', '2025-12-04 day'],
		['U.S. envoy Steve Witkoff met Gen. Oleksandr Syrskyi on Sept. 30.', '2025-09-30 day'],
		['The ceasefire took hold on Jan. 1.', '2025-01-01 day'],
		['The envoys met in Moscow two weeks ago.', '2025-11-19..2025-11-25 approximate'],
		['They met three days ago.', '2025-12-03 day'],
		['Foreign ministers will meet next week.', '2025-12-07..2025-12-19 approximate'],
		['The summit ran from 4 to 6 December.', '2025-12-04..2025-12-06 approximate'],
		['The envoys met Putin last Tuesday.', '2025-12-02 day'],
		['Ministers met last Saturday.', '2025-11-29 day'],
		['Negotiators met on Tuesday.', '2025-12-02 day'],
		['Negotiators will meet on Tuesday.', '2025-12-09 day'],
		['The plant in Ohio closed in March 2024.', '2024-03-01..2024-03-31 approximate'],
		// The words next to the date tell its tense, not the sentence's other verbs.
		[
			'Putin, who on Nov. 20 called the raid a provocation, said he would respond.',
			'2025-11-20 day'
		],
		['The next policy meeting is Jan. 27-28.', '2026-01-27..2026-01-28 approximate'],
		['Troops killed 22 people on Sunday as the army said it will stay.', '2025-11-30 day'],
		['Further walkouts are planned for Thursday.', '2025-12-11 day'],
		['Ministers are due to meet from Wednesday to Friday.', '2025-12-10..2025-12-12 approximate'],
		['An airstrike hit a building next to the embassy on Monday.', '2025-12-01 day'],
		['Late Sunday, the White House said the truce would be extended.', '2025-11-30 day'],
		// A named weekday picks the year in which the date falls on it.
		['He declared Wednesday, 10 December, a day of national mourning.', '2025-12-10 day'],
		// The rest of this week or month, either side of the day of publication.
		[
			'The bill is expected to receive royal assent later this week.',
			'2025-12-07..2025-12-12 approximate'
		],
		['The coalition had fallen earlier this week.', '2025-11-30..2025-12-05 approximate'],
		['Gangs stormed two prisons earlier this month.', '2025-12-01..2025-12-05 approximate'],
		// A date after "until" ends a state; "since" a state's start, after "has been".
		['She said she will govern until July 2026.', undefined],
		['He has been detained since 26 July.', undefined]
	] as [string, string | undefined][])('%s → %s', (sentence, expected) => {
		expect(on(sentence)).toBe(expected);
	});

	it('reads no date from a length of time or a bare clock time', () => {
		expect(on('A truce of up to ten days was discussed.')).toBeUndefined();
		expect(on('An election must be held within 60 days.')).toBeUndefined();
		expect(on('The session ended at 9 p.m.')).toBeUndefined();
		expect(on('Russian troops had retaken 24 settlements in five days.')).toBeUndefined();
	});
});

const MONTHS =
	'January February March April May June July August September October November December'.split(
		' '
	);
const AP = [
	'Jan.',
	'Feb.',
	'March',
	'April',
	'May',
	'June',
	'July',
	'Aug.',
	'Sept.',
	'Oct.',
	'Nov.',
	'Dec.'
];
const FORMATS: ((day: number, month: number) => string)[] = [
	(d, m) => `${d} ${MONTHS[m - 1]}`,
	(d, m) => `${MONTHS[m - 1]} ${d}`,
	(d, m) => `${AP[m - 1]} ${d}`,
	(d, m) => `${d} ${MONTHS[m - 1]!.slice(0, 3)}`
];
const ZONES = ['UTC', 'America/New_York', 'Europe/Kyiv', 'Asia/Tokyo', 'Australia/Sydney'];

describe('dates across formats and reference days (property)', () => {
	// Reference instants from 2020 to 2030, and an event 0 to 330 days before publication.
	const reference = fc.date({
		min: new Date('2020-01-01'),
		max: new Date('2030-12-31'),
		noInvalidDate: true
	});

	it('a day and month written without a year is the latest such day on or before publication', () => {
		fc.assert(
			fc.property(
				reference,
				fc.integer({ min: 0, max: 330 }),
				fc.constantFrom(...FORMATS),
				fc.constantFrom(...ZONES),
				(at, back, format, zone) => {
					const event = addDays(calendarDay(at, zone), -back);
					const sentence = `The ministers met on ${format(event.day, event.month)} in the capital.`;
					const resolved = resolveDate(sentence, at, zone);
					expect(resolved?.precision).toBe('day');
					expect(resolved?.start.getTime()).toBe(startOfDay(event, zone).getTime());
				}
			)
		);
	});

	it('a planned date ("will meet on …") is the next such day, up to eleven months ahead', () => {
		fc.assert(
			fc.property(
				reference,
				fc.integer({ min: 1, max: 330 }),
				fc.constantFrom(...FORMATS),
				fc.constantFrom(...ZONES),
				(at, ahead, format, zone) => {
					const event = addDays(calendarDay(at, zone), ahead);
					const sentence = `The ministers will meet on ${format(event.day, event.month)}.`;
					expect(resolveDate(sentence, at, zone)?.start.getTime()).toBe(
						startOfDay(event, zone).getTime()
					);
				}
			)
		);
	});

	it('a weekday is the latest such day for past tense and the next one for plans', () => {
		const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
		fc.assert(
			fc.property(
				reference,
				fc.integer({ min: 0, max: 6 }),
				fc.constantFrom(...ZONES),
				(at, w, zone) => {
					const today = calendarDay(at, zone);
					const back = (weekday(today) - w + 7) % 7;
					const past = resolveDate(`Officials met on ${WEEKDAYS[w]}.`, at, zone);
					expect(past?.start.getTime()).toBe(startOfDay(addDays(today, -back), zone).getTime());
					const planned = resolveDate(`Officials will meet on ${WEEKDAYS[w]}.`, at, zone);
					const ahead = (w - weekday(today) + 7) % 7;
					expect(planned?.start.getTime()).toBe(startOfDay(addDays(today, ahead), zone).getTime());
				}
			)
		);
	});
});
