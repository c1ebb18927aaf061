/**
 * The embed's sentences that are built from data, in the embed's language: how sure we are of an
 * event (the site's wording, src/lib/format/verification.ts, translated), and pin notes.
 */
import type { Translate } from '../i18n';
import type { Verification } from '../types';

/**
 * A name or headline from the data inside a translated sentence, isolated (FSI … PDI) so that an
 * English name keeps its order inside an Arabic sentence and the other way round.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

export function verificationWords(
	t: Translate,
	verification: Verification,
	attribution: string | null
): string {
	const who = attribution?.trim() || null;
	return who
		? t(`embed.verification.${verification}By`, { who: isolate(who) })
		: t(`embed.verification.${verification}`);
}

/** "4 Dec 2026, 14:05 UTC" in the embed's language: pins are instants, not a place's day. */
export function formatPublished(at: Date, lang: string): string {
	return new Intl.DateTimeFormat(lang, {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: 'UTC',
		timeZoneName: 'short'
	}).format(at);
}
