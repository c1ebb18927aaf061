/**
 * The demo story as plain data: one real article (CRBC News, the user's document, read from
 * crbc-miami-talks-day3.txt by demo.ts) and three short articles written for the demo from the
 * same facts (marked `demo: true`, attributed to the demo desk, never to an outlet), plus the
 * curated events, entities and relations the timeline shows.
 *
 * Every event's evidence is quoted verbatim from the body of the article it cites (tests check
 * this). Day-precision times are that day's midnight in the event's zone, written out in UTC:
 * Moscow is UTC+3, Kyiv UTC+2 (EET) and New York/Miami UTC-5 (EST) in December, New York UTC-4
 * (EDT) on 1 October. Where the sources do not date an event, it is 'approximate' with the
 * window we can defend, and the description says so.
 */
import type { ArticleRole, EventKind, Precision, Verification } from '../../types';
import type { NewStory } from '../db/stories';
import type { NewEntity } from '../db/entities';
import type { EventRelationKind } from '../db/events';

export const demoStory: NewStory = {
	slug: 'russia-ukraine-peace-talks',
	title: 'Russia–Ukraine peace talks',
	summary:
		'US envoys Steve Witkoff and Jared Kushner took a US plan to end the war to Vladimir Putin in Moscow, ' +
		'then held three days of talks with Ukrainian negotiators in Miami, where both sides said real ' +
		'progress depends on Russia. The fighting goes on.',
	status: 'developing',
	publication: 'published',
	publishedAt: new Date('2025-12-03T08:00:00Z')
};

export type ArticleKey = 'moscow' | 'miami-day-1' | 'miami-day-2' | 'crbc-day-3';

interface Placement {
	key: ArticleKey;
	role: ArticleRole;
	position: number;
}

/** The CRBC article: headline, dek and body come from the file; this is what the file lacks. */
export const crbcArticle = {
	key: 'crbc-day-3',
	file: 'crbc-miami-talks-day3.txt',
	source: 'CRBC News',
	section: 'Conflict',
	headline: 'Miami Talks Enter Third Day — US and Ukraine Say "Real Progress" Hinges on Russia',
	// The file carries no time; Saturday afternoon in Miami is when a day-three report would run.
	publishedAt: new Date('2025-12-06T18:30:00Z'),
	role: 'update',
	position: 4
} as const satisfies Placement & Record<string, unknown>;

const DEMO_SOURCE = 'Throughline demo desk';

export interface DemoArticle extends Placement {
	headline: string;
	dek: string;
	body: string;
	publishedAt: Date;
}

export const demoArticles: DemoArticle[] = [
	{
		key: 'moscow',
		role: 'first_report',
		position: 1,
		headline: 'US Envoys Leave Moscow Without a Deal After Five-Hour Meeting With Putin',
		dek: 'Steve Witkoff and Jared Kushner presented a US plan to end the war in Ukraine; the Kremlin rejected parts of it.',
		publishedAt: new Date('2025-12-03T08:00:00Z'),
		body: [
			'US envoys Steve Witkoff and Jared Kushner met President Vladimir Putin in Moscow on Tuesday to present a US plan to end the war in Ukraine. The meeting lasted about five hours and ended without an agreement.',
			'Kremlin aide Yuri Ushakov described the meeting as cordial, but Kremlin officials rejected parts of the US proposal.',
			'The plan first emerged in late November and has been revised through several drafts after critics said it was too conciliatory toward Russia. It would trade territory for security guarantees for Ukraine short of NATO membership.',
			'Ukrainian negotiators are due to meet the US envoys in Miami later this week.'
		].join('\n\n')
	},
	{
		key: 'miami-day-1',
		role: 'follow_up',
		position: 2,
		headline: 'US and Ukrainian Negotiators Open Talks in Miami',
		dek: 'The talks follow the US envoys’ meeting with Vladimir Putin in Moscow.',
		publishedAt: new Date('2025-12-04T23:30:00Z'),
		body: [
			'Ukrainian and US negotiators met in Miami on Thursday, two days after US envoys Steve Witkoff and Jared Kushner presented a US plan to end the war to Vladimir Putin in Moscow.',
			'Witkoff and Kushner met Ukraine’s chief negotiator Rustem Umerov and Andrii Hnatov, chief of staff of Kyiv’s armed forces.',
			'The talks centre on the US plan, which would trade territory for security guarantees short of NATO membership. No agreement was announced after the first day, and the delegations are due to meet again on Friday.'
		].join('\n\n')
	},
	{
		key: 'miami-day-2',
		role: 'update',
		position: 3,
		headline: 'Miami Talks Go Into a Second Day',
		dek: 'US and Ukrainian negotiators met again on Friday; key details of the US plan remain unclear.',
		publishedAt: new Date('2025-12-05T23:30:00Z'),
		body: [
			'US and Ukrainian negotiators met in Miami for a second day on Friday, again bringing together US envoys Steve Witkoff and Jared Kushner with Rustem Umerov and Andrii Hnatov.',
			'The discussions focused on security guarantees for Ukraine under the US plan. The exact nature of those guarantees remains unclear.',
			'The talks are set to continue on Saturday.'
		].join('\n\n')
	}
];

export const demoArticleSource = DEMO_SOURCE;

export type EntityKey =
	| 'witkoff'
	| 'kushner'
	| 'putin'
	| 'umerov'
	| 'hnatov'
	| 'ushakov'
	| 'podolyak'
	| 'trump'
	| 'kalashnyk'
	| 'russian-mod'
	| 'kremlin'
	| 'miami'
	| 'moscow'
	| 'kyiv-region';

export const demoEntities: (NewEntity & { key: EntityKey })[] = [
	{ key: 'witkoff', kind: 'person', name: 'Steve Witkoff', aliases: ['Witkoff', 'Steven Witkoff'] },
	{ key: 'kushner', kind: 'person', name: 'Jared Kushner', aliases: ['Kushner'] },
	{ key: 'putin', kind: 'person', name: 'Vladimir Putin', aliases: ['Putin'] },
	{ key: 'umerov', kind: 'person', name: 'Rustem Umerov', aliases: ['Umerov'] },
	{ key: 'hnatov', kind: 'person', name: 'Andrii Hnatov', aliases: ['Hnatov', 'Andriy Hnatov'] },
	{ key: 'ushakov', kind: 'person', name: 'Yuri Ushakov', aliases: ['Ushakov', 'Yury Ushakov'] },
	{
		key: 'podolyak',
		kind: 'person',
		name: 'Mykhailo Podolyak',
		aliases: ['Podolyak', 'Mykhailo Podoliak']
	},
	{ key: 'trump', kind: 'person', name: 'Donald Trump', aliases: ['Trump', 'President Trump'] },
	{ key: 'kalashnyk', kind: 'person', name: 'Mykola Kalashnyk', aliases: ['Kalashnyk'] },
	{
		key: 'russian-mod',
		kind: 'organisation',
		name: "Russia's defence ministry",
		aliases: [
			'Russia’s defence ministry',
			'Russian Ministry of Defence',
			'Russian defence ministry'
		]
	},
	{ key: 'kremlin', kind: 'organisation', name: 'Kremlin', aliases: ['the Kremlin'] },
	{ key: 'miami', kind: 'place', name: 'Miami', aliases: ['Miami, Florida'] },
	{ key: 'moscow', kind: 'place', name: 'Moscow', aliases: [] },
	{ key: 'kyiv-region', kind: 'place', name: 'Kyiv region', aliases: ['Kyiv Oblast'] }
];

export type EventKey =
	| 'us-plan'
	| 'oil-sanctions'
	| 'moscow-meeting'
	| 'trump-reasonably-good'
	| 'miami-day-1'
	| 'miami-day-2'
	| 'miami-day-3'
	| 'witkoff-on-x'
	| 'security-framework'
	| 'podolyak-behind-the-scenes'
	| 'kyiv-region-attacks'
	| 'drones-116';

export interface DemoEvent {
	key: EventKey;
	kind: EventKind;
	title: string;
	description: string;
	occurredStart: Date;
	occurredEnd?: Date;
	precision: Precision;
	timeZone: string;
	placeName?: string;
	latitude?: number;
	longitude?: number;
	attribution?: string;
	verification: Verification;
	sources: { article: ArticleKey; evidence: string }[];
	entities: { entity: EntityKey; role: 'actor' | 'place' | 'mentioned' }[];
}

const MIAMI = { placeName: 'Miami', latitude: 25.7617, longitude: -80.1918 };
const MOSCOW = { placeName: 'Moscow', latitude: 55.7558, longitude: 37.6173 };
// A region is not a point: the pin sits on Kyiv, the region's centre.
const KYIV_REGION = { placeName: 'Kyiv region', latitude: 50.4501, longitude: 30.5234 };
const CRBC_PUBLISHED = crbcArticle.publishedAt;

const miamiTeams: DemoEvent['entities'] = [
	{ entity: 'witkoff', role: 'actor' },
	{ entity: 'kushner', role: 'actor' },
	{ entity: 'umerov', role: 'actor' },
	{ entity: 'hnatov', role: 'actor' },
	{ entity: 'miami', role: 'place' }
];

export const demoEvents: DemoEvent[] = [
	{
		key: 'us-plan',
		kind: 'policy',
		title: 'A US plan to end the war emerges',
		description:
			'A US-backed proposal would have Kyiv cede territory Russia has not captured in exchange for security guarantees short of NATO membership. It is revised through several drafts after critics call it too conciliatory toward Russia. The sources date it only to late November: the window is approximate.',
		occurredStart: new Date('2025-11-20T05:00:00Z'), // 20 Nov, 00:00 New York
		occurredEnd: new Date('2025-12-01T04:59:59Z'), // 30 Nov, 23:59:59 New York
		precision: 'approximate',
		timeZone: 'America/New_York',
		verification: 'reported',
		sources: [
			{
				article: 'moscow',
				evidence:
					'The plan first emerged in late November and has been revised through several drafts after critics said it was too conciliatory toward Russia.'
			},
			{
				article: 'crbc-day-3',
				evidence:
					'The proposal has been revised through several drafts since it first emerged late last month, after critics said it was too conciliatory toward Russia.'
			}
		],
		entities: []
	},
	{
		key: 'oil-sanctions',
		kind: 'policy',
		title: 'US sanctions on Russian oil companies',
		description:
			'The US imposes sanctions on Russian oil companies. The CRBC report of 6 December says only that this happened "recently", so the date is approximate: the window is our estimate, from the start of October to that report.',
		occurredStart: new Date('2025-10-01T04:00:00Z'), // 1 Oct, 00:00 New York (EDT)
		occurredEnd: CRBC_PUBLISHED,
		precision: 'approximate',
		timeZone: 'America/New_York',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence: 'the US has recently imposed sanctions on Russian oil companies'
			}
		],
		entities: []
	},
	{
		key: 'moscow-meeting',
		kind: 'meeting',
		title: 'Witkoff and Kushner meet Putin in Moscow',
		description:
			'US envoys Steve Witkoff and Jared Kushner present the US plan to Vladimir Putin in a five-hour meeting. Kremlin aide Yuri Ushakov calls it cordial, but parts of the plan are rejected and the envoys leave without an agreement.',
		occurredStart: new Date('2025-12-01T21:00:00Z'), // Tue 2 Dec, 00:00 Moscow
		precision: 'day',
		timeZone: 'Europe/Moscow',
		...MOSCOW,
		verification: 'reported',
		sources: [
			{
				article: 'moscow',
				evidence:
					'US envoys Steve Witkoff and Jared Kushner met President Vladimir Putin in Moscow on Tuesday to present a US plan to end the war in Ukraine.'
			},
			{
				article: 'crbc-day-3',
				evidence:
					'Witkoff and Kushner left Moscow without an agreement, though Kremlin aide Yuri Ushakov described the five-hour meeting as cordial and praised Kushner’s participation.'
			}
		],
		entities: [
			{ entity: 'witkoff', role: 'actor' },
			{ entity: 'kushner', role: 'actor' },
			{ entity: 'putin', role: 'actor' },
			{ entity: 'kremlin', role: 'actor' },
			{ entity: 'ushakov', role: 'mentioned' },
			{ entity: 'moscow', role: 'place' }
		]
	},
	{
		key: 'trump-reasonably-good',
		kind: 'statement',
		title: 'Trump calls the Moscow meeting “reasonably good”',
		description:
			'President Donald Trump says the envoys came away with the impression Putin might be open to ending the war. The report does not date the remark: the window runs from the day of the Moscow meeting to that report.',
		occurredStart: new Date('2025-12-02T05:00:00Z'), // 2 Dec, 00:00 New York
		occurredEnd: CRBC_PUBLISHED,
		precision: 'approximate',
		timeZone: 'America/New_York',
		attribution: 'Donald Trump',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'President Trump called the envoys\' Moscow meeting "reasonably good" and said they came away with the impression Putin might be open to ending the war'
			}
		],
		entities: [
			{ entity: 'trump', role: 'actor' },
			{ entity: 'putin', role: 'mentioned' }
		]
	},
	{
		key: 'miami-day-1',
		kind: 'meeting',
		title: 'Miami talks open',
		description:
			'Witkoff and Kushner meet Ukraine’s chief negotiator Rustem Umerov and Andrii Hnatov, chief of staff of Kyiv’s armed forces. No agreement is announced after the first day.',
		occurredStart: new Date('2025-12-04T05:00:00Z'), // Thu 4 Dec, 00:00 Miami
		precision: 'day',
		timeZone: 'America/New_York',
		...MIAMI,
		verification: 'reported',
		sources: [
			{
				article: 'miami-day-1',
				evidence:
					'Ukrainian and US negotiators met in Miami on Thursday, two days after US envoys Steve Witkoff and Jared Kushner presented a US plan to end the war to Vladimir Putin in Moscow.'
			}
		],
		entities: miamiTeams
	},
	{
		key: 'miami-day-2',
		kind: 'meeting',
		title: 'Miami talks, second day',
		description:
			'The same delegations meet again; the discussions focus on security guarantees for Ukraine, whose exact nature remains unclear.',
		occurredStart: new Date('2025-12-05T05:00:00Z'), // Fri 5 Dec, 00:00 Miami
		precision: 'day',
		timeZone: 'America/New_York',
		...MIAMI,
		verification: 'reported',
		sources: [
			{
				article: 'miami-day-2',
				evidence:
					'US and Ukrainian negotiators met in Miami for a second day on Friday, again bringing together US envoys Steve Witkoff and Jared Kushner with Rustem Umerov and Andrii Hnatov.'
			}
		],
		entities: miamiTeams
	},
	{
		key: 'miami-day-3',
		kind: 'meeting',
		title: 'Miami talks, third day',
		description:
			'Witkoff and Kushner meet Rustem Umerov and Andrii Hnatov for a third straight day. Washington and Kyiv say any real progress depends on Russia’s willingness to de-escalate.',
		occurredStart: new Date('2025-12-06T05:00:00Z'), // Sat 6 Dec, 00:00 Miami
		precision: 'day',
		timeZone: 'America/New_York',
		...MIAMI,
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'Ukrainian and US officials convened for a third consecutive day of talks in Miami on Saturday as negotiators sought to advance a US-backed proposal to end the war in Ukraine.'
			}
		],
		entities: miamiTeams
	},
	{
		key: 'witkoff-on-x',
		kind: 'statement',
		title: 'Witkoff: real progress depends on Russia',
		description:
			'On X, Witkoff writes that both parties agreed real progress toward any agreement depends on Russia’s readiness to commit to long-term peace, including de-escalation.',
		occurredStart: new Date('2025-12-06T05:00:00Z'), // Sat 6 Dec, 00:00 New York
		precision: 'day',
		timeZone: 'America/New_York',
		attribution: 'Steve Witkoff',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'"Both parties agreed that real progress toward any agreement depends on Russia\'s readiness to show serious commitment to long-term peace, including steps toward de-escalation and cessation of killings," Witkoff wrote on X.'
			}
		],
		entities: [{ entity: 'witkoff', role: 'actor' }]
	},
	{
		key: 'security-framework',
		kind: 'policy',
		title: 'US and Ukraine agree a framework of security arrangements',
		description:
			'Both sides also discuss deterrence capabilities meant to sustain a lasting peace. What the security guarantees would be remains unclear.',
		occurredStart: new Date('2025-12-06T05:00:00Z'), // Sat 6 Dec, 00:00 Miami
		precision: 'day',
		timeZone: 'America/New_York',
		...MIAMI,
		attribution: 'US and Ukrainian representatives',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'US and Ukrainian representatives said they "agreed on the framework of security arrangements" and discussed deterrence capabilities intended to sustain a lasting peace.'
			}
		],
		entities: [{ entity: 'miami', role: 'place' }]
	},
	{
		key: 'podolyak-behind-the-scenes',
		kind: 'statement',
		title: 'Podolyak: the diplomacy happens “mostly behind the scenes”',
		description:
			'The presidential adviser says Ukraine remains willing to negotiate while expecting compromises from all parties. The report does not date the remark: the window is the week up to that report.',
		occurredStart: new Date('2025-11-30T22:00:00Z'), // 1 Dec, 00:00 Kyiv
		occurredEnd: CRBC_PUBLISHED,
		precision: 'approximate',
		timeZone: 'Europe/Kyiv',
		attribution: 'Mykhailo Podolyak',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'presidential adviser Mykhailo Podolyak said much of the diplomatic work "takes place mostly behind the scenes," adding that Ukraine remains willing to negotiate while expecting compromises from all parties.'
			}
		],
		entities: [{ entity: 'podolyak', role: 'actor' }]
	},
	{
		key: 'kyiv-region-attacks',
		kind: 'battlefield',
		title: 'Drone and missile attacks on the Kyiv region wound three',
		description: 'Massive drone and missile attacks hit the Kyiv region early on Saturday.',
		occurredStart: new Date('2025-12-05T22:00:00Z'), // Sat 6 Dec, 00:00 Kyiv
		precision: 'day',
		timeZone: 'Europe/Kyiv',
		...KYIV_REGION,
		attribution: 'Kyiv regional governor Mykola Kalashnyk',
		verification: 'reported',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'Regional governor Mykola Kalashnyk reported massive drone and missile attacks on the Kyiv region early Saturday that wounded three people.'
			}
		],
		entities: [
			{ entity: 'kalashnyk', role: 'mentioned' },
			{ entity: 'kyiv-region', role: 'place' }
		]
	},
	{
		key: 'drones-116',
		kind: 'battlefield',
		title: 'Russia says it destroyed 116 Ukrainian drones overnight',
		description:
			'Russia’s defence ministry says it intercepted and destroyed 116 Ukrainian drones overnight. The claim has not been independently verified.',
		occurredStart: new Date('2025-12-05T21:00:00Z'), // Sat 6 Dec, 00:00 Moscow
		precision: 'day',
		timeZone: 'Europe/Moscow',
		attribution: "Russia's defence ministry",
		verification: 'claimed',
		sources: [
			{
				article: 'crbc-day-3',
				evidence:
					'Russia’s defence ministry said it intercepted and destroyed 116 Ukrainian drones overnight.'
			}
		],
		entities: [{ entity: 'russian-mod', role: 'actor' }]
	}
];

/** Read as a sentence: `from` <relation> `to`. */
export const demoRelations: { from: EventKey; to: EventKey; relation: EventRelationKind }[] = [
	{ from: 'moscow-meeting', to: 'us-plan', relation: 'follows' },
	{ from: 'trump-reasonably-good', to: 'moscow-meeting', relation: 'responds_to' },
	{ from: 'miami-day-1', to: 'moscow-meeting', relation: 'follows' },
	{ from: 'miami-day-2', to: 'miami-day-1', relation: 'follows' },
	{ from: 'miami-day-3', to: 'miami-day-2', relation: 'follows' },
	{ from: 'witkoff-on-x', to: 'miami-day-3', relation: 'part_of' },
	{ from: 'security-framework', to: 'miami-day-3', relation: 'part_of' }
];
