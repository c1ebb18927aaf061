/**
 * "Which story does this article continue?": turns the signals the database measured for one
 * candidate story into a score in [0, 1] with reasons an editor can read, and says when no story
 * fits well enough and a new one should be started. Pure; the weights and the threshold were
 * calibrated on the labelled set in eval/ (`npm run eval`).
 */

/** What suggestions.ts measures between a new article and one candidate story. */
export interface StoryFeatures {
	storyId: number;
	slug: string;
	title: string;
	/** Share of the article's key words (headline first) found in the story's closest article. */
	textRank: number;
	/** Best trigram similarity of the article's headline to the story title or its headlines. */
	headlineSimilarity: number;
	closestHeadline: string | null;
	/** Entities the article shares with the story's articles, with their rarity weight. */
	sharedEntities: { name: string; kind: string; weight: number }[];
	/** The summed rarity weight of all of the article's entities. */
	articleEntityWeight: number;
	/** Publication of the story's latest accepted article. */
	lastUpdateAt: Date | null;
}

export interface ScoredStory {
	storyId: number;
	slug: string;
	title: string;
	score: number;
	reasons: string[];
}

export interface NewStoryAdvice {
	recommended: boolean;
	reason: string;
}

export const WEIGHTS = { entities: 0.5, text: 0.3, headline: 0.2 } as const;
/** Below this best score the desk is told to start a new story (see eval/README.md). */
export const NEW_STORY_THRESHOLD = 0.35;
const DAY = 86_400_000;
// Time decays slowly: a story quiet for ten days keeps about 84% of its content score.
const TIME_SHARE = 0.25;
const TIME_SCALE_DAYS = 10;

const clamp = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
const WORDS = [
	'the same day',
	'a day',
	'two days',
	'three days',
	'four days',
	'five days',
	'six days'
];

/** "two days", "11 days": how far apart two moments are, in words. */
export function daysInWords(days: number): string {
	const whole = Math.round(Math.abs(days));
	return WORDS[whole] ?? `${whole} days`;
}

function shortName(entity: { name: string; kind: string }): string {
	return entity.kind === 'person' ? (entity.name.split(' ').at(-1) ?? entity.name) : entity.name;
}

// A shared city says little on its own (Miami has many stories); shared people say much more.
const KIND_FACTOR: Record<string, number> = { person: 1, organisation: 1, place: 0.4 };
// Sharing this much rarity-weighted entity mass (about two uncommon names) is a full match.
const ENTITY_FLOOR = 3;

/**
 * The entity share: shared entities weighted by rarity and kind, against half the article's
 * entity weight (or a floor, so an article naming one place cannot match on that place alone).
 */
export function entityScore(
	features: Pick<StoryFeatures, 'sharedEntities' | 'articleEntityWeight'>
): number {
	const shared = features.sharedEntities.reduce(
		(sum, entity) => sum + entity.weight * (KIND_FACTOR[entity.kind] ?? 1),
		0
	);
	return clamp(shared / Math.max(features.articleEntityWeight / 2, ENTITY_FLOOR));
}

/** Scores one candidate story for an article published at `publishedAt`. */
export function scoreStory(features: StoryFeatures, publishedAt: Date): ScoredStory {
	const entities = entityScore(features);
	const text = clamp(features.textRank);
	const headline = clamp(features.headlineSimilarity);
	const content = WEIGHTS.entities * entities + WEIGHTS.text * text + WEIGHTS.headline * headline;
	const days = features.lastUpdateAt
		? (publishedAt.getTime() - features.lastUpdateAt.getTime()) / DAY
		: Infinity;
	const proximity = Number.isFinite(days) ? Math.exp(-Math.abs(days) / TIME_SCALE_DAYS) : 0;
	const score = clamp(content * (1 - TIME_SHARE + TIME_SHARE * proximity));

	const reasons: string[] = [];
	const mass = (e: { kind: string; weight: number }) => e.weight * (KIND_FACTOR[e.kind] ?? 1);
	const shared = [...features.sharedEntities].sort((a, b) => mass(b) - mass(a)).slice(0, 4);
	if (shared.length > 0) reasons.push(`shares ${shared.map(shortName).join(', ')}`);
	if (Number.isFinite(days)) {
		const when =
			Math.round(Math.abs(days)) === 0
				? 'the same day as the last update'
				: `${daysInWords(days)} ${days >= 0 ? 'after' : 'before'} the last update`;
		reasons.push(`continues ‘${features.title}’ ${when}`);
	}
	if (features.closestHeadline && headline >= 0.2) {
		reasons.push(`headline close to ‘${features.closestHeadline}’`);
	}
	if (text >= 0.25) {
		reasons.push(`${Math.round(text * 100)}% of its key words appear in the story’s articles`);
	}
	return {
		storyId: features.storyId,
		slug: features.slug,
		title: features.title,
		score: Math.round(score * 1000) / 1000,
		reasons
	};
}

/** Ranks candidates best first (ties: the more recently updated story, then the lower id). */
export function rankStories(candidates: StoryFeatures[], publishedAt: Date): ScoredStory[] {
	const latest = new Map(candidates.map((c) => [c.storyId, c.lastUpdateAt?.getTime() ?? 0]));
	return candidates
		.map((candidate) => scoreStory(candidate, publishedAt))
		.sort(
			(a, b) =>
				b.score - a.score ||
				(latest.get(b.storyId) ?? 0) - (latest.get(a.storyId) ?? 0) ||
				a.storyId - b.storyId
		);
}

/** Whether to start a new story: when no candidate reaches the threshold. */
export function adviseNewStory(
	ranked: ScoredStory[],
	threshold = NEW_STORY_THRESHOLD
): NewStoryAdvice {
	const best = ranked[0];
	if (!best) return { recommended: true, reason: 'No story shares its people, places or wording.' };
	if (best.score < threshold) {
		return {
			recommended: true,
			reason: `No story fits well: the closest, ‘${best.title}’, scores ${best.score.toFixed(2)} (below ${threshold.toFixed(2)}).`
		};
	}
	return {
		recommended: false,
		reason: `‘${best.title}’ fits with a score of ${best.score.toFixed(2)}.`
	};
}
