import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributionOf, proposeEvents } from '$lib/server/extract/events';
import { matchEvent } from '$lib/server/extract/match';
import { extractEntities } from '$lib/server/extract/entities';
import { parseCrbcDocument } from '$lib/server/seed/demo';
import { crbcArticle, demoEntities } from '$lib/server/seed/demo-story';

const raw = readFileSync(
	new URL('../../src/lib/server/seed/crbc-miami-talks-day3.txt', import.meta.url),
	'utf8'
);
const { body } = parseCrbcDocument(raw);
const known = demoEntities.map((e) => ({ kind: e.kind, name: e.name, aliases: e.aliases ?? [] }));
const proposals = proposeEvents(body, crbcArticle.publishedAt, known);
const byWords = (words: string) => proposals.find((p) => p.evidence.includes(words));

describe('proposeEvents on the CRBC report', () => {
	it('quotes every evidence span exactly from the text', () => {
		expect(proposals.length).toBeGreaterThan(5);
		for (const proposal of proposals) expect(body).toContain(proposal.evidence);
	});

	it('proposes the 116 drones as claimed by Russia’s defence ministry, on Saturday in Moscow', () => {
		const drones = byWords('116 Ukrainian drones');
		expect(drones).toMatchObject({
			kind: 'battlefield',
			verification: 'claimed',
			attribution: "Russia's defence ministry",
			precision: 'day',
			timeZone: 'Europe/Moscow'
		});
		expect(drones?.start.toISOString()).toBe('2025-12-05T21:00:00.000Z');
	});

	it('reports the governor’s figure as reported, not claimed, in the Kyiv region', () => {
		const attacks = byWords('wounded three people');
		expect(attacks).toMatchObject({
			kind: 'battlefield',
			verification: 'reported',
			attribution: 'Regional governor Mykola Kalashnyk',
			place: 'Kyiv region'
		});
		expect(attacks?.start.toISOString()).toBe('2025-12-05T22:00:00.000Z');
	});

	it('proposes the third day of talks as a meeting in Miami on Saturday with its actors', () => {
		const meeting = byWords('third consecutive day of talks');
		expect(meeting).toMatchObject({ kind: 'meeting', place: 'Miami', precision: 'day' });
		expect(meeting?.start.toISOString()).toBe('2025-12-06T05:00:00.000Z');
		const withActors = proposals.find(
			(p) => p.kind === 'meeting' && p.actors.includes('Rustem Umerov')
		);
		expect(withActors?.actors).toEqual(expect.arrayContaining(['Steve Witkoff', 'Jared Kushner']));
	});

	it('makes Witkoff’s post on X his statement, under his full name', () => {
		expect(byWords('Witkoff wrote on X')).toMatchObject({
			kind: 'statement',
			attribution: 'Steve Witkoff'
		});
	});

	it('splits "…, even as the US has recently imposed sanctions" into its own approximate policy event', () => {
		const sanctions = proposals.find(
			(p) => p.kind === 'policy' && p.evidence.includes('recently imposed sanctions')
		);
		expect(sanctions).toMatchObject({
			title: 'US imposed sanctions on Russian oil companies',
			precision: 'approximate'
		});
		// The evidence is the whole sentence the clause stands in.
		expect(sanctions?.evidence).toMatch(/^President Trump called the envoys' Moscow meeting/);
		expect(sanctions?.end).toBeInstanceOf(Date);
	});

	it('gives each proposal a stable fingerprint', () => {
		const again = proposeEvents(body, crbcArticle.publishedAt, known);
		expect(again.map((p) => p.fingerprint)).toEqual(proposals.map((p) => p.fingerprint));
		expect(new Set(proposals.map((p) => p.fingerprint)).size).toBe(proposals.length);
	});
});

describe('attributionOf', () => {
	it('finds who says it', () => {
		expect(attributionOf('Kyiv reported drone strikes that wounded three')).toBe('Kyiv');
		expect(
			attributionOf(
				'The army said it captured the village, according to the Russian Defence Ministry'
			)
		).toBe('the Russian Defence Ministry');
		expect(attributionOf('Drones struck a power plant overnight')).toBeNull();
	});

	// [clause, the speaker it names]: whole names, roles and institutions, never a time before
	// the name, half a name, or the words before a second verb of the subject.
	const SPEAKERS: [string, string | null][] = [
		['Rebels entered Homs in the early hours of Monday and declared a curfew', null],
		[
			'On the same day Ana Brnabić, Serbia’s prime minister, said the border was calm',
			'Ana Brnabić'
		],
		[
			'The Prime Minister, Luís Montenegro de Castro, has announced new measures',
			'Prime Minister Luís Montenegro de Castro'
		],
		[
			'The rebels of the AFC/M23 have declared in the first hours of Monday that',
			'rebels of the AFC/M23'
		],
		['Forces took the village, the army said on Monday', 'the army'],
		['Six people were killed, according to the health ministry', 'the health ministry'],
		[
			'Drones hit a depot overnight, said the regional governor, Oleh Syniehubov',
			'the regional governor Oleh Syniehubov'
		],
		[
			'Troops have detained 329 people, Adm. Jaime Vela, head of the joint command, said Wednesday',
			'Adm. Jaime Vela'
		],
		['Troops took the town, officials said Tuesday', 'the officials'],
		['The prime minister said on Monday that she would resign', 'the prime minister'],
		[
			'After the talks, EU foreign policy chief Josep Borrell announced a deal',
			'EU foreign policy chief Josep Borrell'
		],
		// An agency named in common words after a name, and an adverb before the verb.
		[
			'South Korea’s spy agency first disclosed the deployment on Oct. 18',
			'South Korea’s spy agency'
		],
		// A long role in the aside after the name.
		[
			'Corneille Nangaa, the chief of the Alliance Fleuve Congo of which the M23 is a member, has declared on Thursday that',
			'Corneille Nangaa'
		],
		// A quotation closed before the verb: the speaker after it.
		['“We have a deal,” wrote Borrell', 'Borrell'],
		// A name may begin with an accented capital.
		['The Élysée warned on Sunday that France would respond', 'Élysée'],
		['Tigray’s communication affairs office said that', null],
		['Ukraine’s top military commander said Thursday that', 'Ukraine’s top military commander'],
		[
			'The Ministry of Defence of Russia informed that two peacekeepers were killed',
			'Ministry of Defence of Russia'
		],
		['The CSP-DPA separatist alliance says it routed a column', 'CSP-DPA separatist alliance'],
		[
			'Prices rose 3 per cent, the Office for National Statistics said',
			'Office for National Statistics'
		]
	];
	it.each(SPEAKERS)('names the speaker of “%s” as %s', (clause, speaker) => {
		expect(attributionOf(clause)).toBe(speaker);
	});

	it('does not make officials confirming a meeting told before them its speakers', () => {
		const [meeting] = proposeEvents(
			'Daniel Marsh met Oksana Vereshchak in Geneva on Monday, officials confirmed.',
			new Date('2026-01-13T20:00:00Z')
		);
		expect(meeting).toMatchObject({ kind: 'meeting', attribution: 'the officials' });
	});

	it('marks an interested party’s unconfirmed figure as claimed', () => {
		const [claim] = proposeEvents(
			'Ukraine’s military said it destroyed 40 Russian tanks near Pokrovsk on Friday.',
			new Date('2025-12-06T12:00:00Z')
		);
		expect(claim).toMatchObject({ kind: 'battlefield', verification: 'claimed' });
	});
});

describe('matchEvent', () => {
	it('matches the same meeting on the same day with a shared actor', () => {
		const meeting = byWords('third consecutive day of talks')!;
		const existing = {
			id: 7,
			kind: 'meeting',
			title: 'Miami talks, third day',
			occurredStart: new Date('2025-12-06T05:00:00Z'),
			occurredEnd: null,
			precision: 'day',
			timeZone: 'America/New_York',
			actors: ['Rustem Umerov']
		};
		expect(matchEvent({ ...meeting, actors: ['Rustem Umerov'] }, [existing])?.id).toBe(7);
		expect(
			matchEvent(meeting, [{ ...existing, occurredStart: new Date('2025-12-05T05:00:00Z') }])
		).toBeUndefined();
		expect(matchEvent(meeting, [{ ...existing, kind: 'statement' }])).toBeUndefined();
	});

	it('compares days on each one’s own calendar, whatever the zones', () => {
		// A Kigali article's "judgment on 15 November" is the London ruling of 15 November, though
		// Kigali's midnight is still the 14th in London.
		const ruling = {
			id: 9,
			kind: 'policy',
			title: 'Supreme Court rules the Rwanda plan unlawful',
			occurredStart: new Date('2023-11-15T00:00:00Z'),
			occurredEnd: null,
			precision: 'day',
			timeZone: 'Europe/London',
			actors: []
		};
		const proposal = {
			...byWords('third consecutive day of talks')!,
			kind: 'policy' as const,
			start: new Date('2023-11-14T22:00:00Z'),
			timeZone: 'Africa/Kigali',
			place: null,
			evidence: 'The treaty answers the court’s judgment on 15 November.',
			actors: []
		};
		expect(matchEvent(proposal, [ruling])?.id).toBe(9);
	});
});

describe('extractEntities', () => {
	it('finds people with their titles stripped, and a surname alone as the same person', () => {
		const found = extractEntities(
			'President Maria Lindqvist met Kharkiv officials. Lindqvist later spoke in Geneva.',
			[]
		);
		const person = found.find((e) => e.name === 'Maria Lindqvist');
		expect(person).toMatchObject({ kind: 'person', mentions: 2 });
		expect(person?.aliases).toContain('Lindqvist');
		expect(found.map((e) => e.name)).toEqual(expect.arrayContaining(['Kharkiv', 'Geneva']));
	});

	it('matches known entities by alias and names organisations by their words', () => {
		const found = extractEntities('The Kremlin and the National Energy Agency responded.', [
			{ id: 3, kind: 'organisation', name: 'Kremlin', aliases: ['the Kremlin'] }
		]);
		expect(found.find((e) => e.name === 'Kremlin')).toMatchObject({ id: 3, mentions: 1 });
		expect(found.find((e) => e.name === 'National Energy Agency')?.kind).toBe('organisation');
	});

	it('reads a city’s name before a surname as a first name, and a city before a title as a city', () => {
		const found = extractEntities(
			'He met Jordan Bardella and Vladimir Putin, then Kyiv Mayor Olena Bondar in Donetsk Oblast.',
			[]
		);
		const places = found.filter((e) => e.kind === 'place').map((e) => e.name);
		expect(places).not.toContain('Vladimir');
		expect(places).not.toContain('Jordan');
		expect(places).toEqual(expect.arrayContaining(['Kyiv', 'Donetsk']));
		expect(found.find((e) => e.name === 'Vladimir Putin')?.kind).toBe('person');
	});
});
