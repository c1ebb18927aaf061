/** Domain types shared by server and browser. Field names are the camelCase of the columns. */

export const EVENT_KINDS = ['meeting', 'statement', 'battlefield', 'policy', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const VERIFICATIONS = ['reported', 'claimed', 'confirmed', 'disputed', 'retracted'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

export const PRECISIONS = ['minute', 'hour', 'day', 'month', 'approximate'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const ARTICLE_ROLES = [
	'first_report',
	'update',
	'follow_up',
	'analysis',
	'background'
] as const;
export type ArticleRole = (typeof ARTICLE_ROLES)[number];

/** An event's media: a picture shown in place, or a link (video, post) shown as a card. */
export const MEDIA_KINDS = ['image', 'link'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** An event's media item as stored with it (all null when it has none). */
export type EventMediaFields = Pick<
	TimelineEvent,
	| 'mediaKind'
	| 'mediaUrl'
	| 'mediaCaption'
	| 'mediaCredit'
	| 'mediaAlt'
	| 'mediaWidth'
	| 'mediaHeight'
>;

/** An event that is not a key event and has no media: the columns' defaults. */
export const PLAIN_EVENT = {
	pinned: false,
	mediaKind: null,
	mediaUrl: null,
	mediaCaption: null,
	mediaCredit: null,
	mediaAlt: null,
	mediaWidth: null,
	mediaHeight: null
} as const satisfies Pick<TimelineEvent, 'pinned'> & EventMediaFields;

export type StoryStatus = 'developing' | 'concluded';
export type Publication = 'draft' | 'published';
export type Role = 'admin' | 'editor' | 'contributor';

export interface Story {
	id: number;
	slug: string;
	title: string;
	summary: string;
	status: StoryStatus;
	publication: Publication;
	publishedAt: Date | null;
	/** BCP 47 tag of the language the story is written in ('und' when unknown). */
	language: string;
	version: number;
	createdAt: Date;
	updatedAt: Date;
}

/** A story as listed on the index: with its counts and latest activity. */
export interface StorySummary extends Story {
	eventCount: number;
	articleCount: number;
	lastActivityAt: Date;
	latestEventTitle: string | null;
}

export interface Article {
	id: number;
	source: string;
	section: string | null;
	headline: string;
	dek: string | null;
	bodyHtml: string;
	url: string | null;
	language: string;
	publishedAt: Date;
	ingestedAt: Date;
	demo: boolean;
}

/** An article as it sits in a story: its role and place in the thread. */
export interface StoryArticle extends Omit<Article, 'bodyHtml'> {
	role: ArticleRole;
	position: number;
}

export interface EventSource {
	articleId: number;
	headline: string;
	source: string;
	url: string | null;
	publishedAt: Date;
	evidence: string;
}

export interface TimelineEvent {
	id: number;
	storyId: number;
	kind: EventKind;
	title: string;
	description: string;
	occurredStart: Date;
	occurredEnd: Date | null;
	precision: Precision;
	timeZone: string;
	placeName: string | null;
	latitude: number | null;
	longitude: number | null;
	firstReportedAt: Date | null;
	attribution: string | null;
	verification: Verification;
	status: 'draft' | 'published';
	/** A key event: listed under "Key events" at the top of the story page and the embed. */
	pinned: boolean;
	/** One media item or none: all media fields are null when `mediaUrl` is. */
	mediaKind: MediaKind | null;
	/** http(s) only; never fetched by the server. */
	mediaUrl: string | null;
	mediaCaption: string | null;
	mediaCredit: string | null;
	/** Required for images. */
	mediaAlt: string | null;
	/** The image's size in pixels (both or neither), so the page keeps its room before it loads. */
	mediaWidth: number | null;
	mediaHeight: number | null;
	version: number;
	sources: EventSource[];
}
