/**
 * How sure we are of an event, in the words a reader sees. Claims are data (attribution +
 * verification), so every surface — list, timeline tooltip, embeds — says it the same way.
 */
import type { Verification } from '$lib/types';
import type { Translate } from '$lib/i18n';

/** Short badge text: "Claimed", "Confirmed", … */
export const VERIFICATION_LABELS: Record<Verification, string> = {
	reported: 'Reported',
	claimed: 'Claimed',
	confirmed: 'Confirmed',
	disputed: 'Disputed',
	retracted: 'Retracted'
};

/**
 * The full sentence: "Claimed by Russia's defence ministry — not independently verified".
 * Attribution is plain text from the database; callers render it as text, never as HTML.
 */
export function describeVerification(
	verification: Verification,
	attribution: string | null
): string {
	const who = attribution?.trim() || null;
	switch (verification) {
		case 'claimed':
			return who
				? `Claimed by ${who} — not independently verified`
				: 'Claimed — not independently verified';
		case 'disputed':
			return who ? `Disputed — ${who}'s account is contested` : 'Disputed — accounts conflict';
		case 'confirmed':
			return who ? `Confirmed — ${who}` : 'Confirmed';
		case 'retracted':
			return who ? `Retracted — originally reported by ${who}` : 'Retracted';
		case 'reported':
			return who ? `According to ${who}` : 'Reported';
	}
}

/** The same sentence in the page's language (the attribution stays as the newsroom wrote it). */
export function verificationSentence(
	t: Translate,
	verification: Verification,
	attribution: string | null
): string {
	const who = attribution?.trim() || null;
	return who
		? t(`common.verificationSentence.${verification}By`, { who })
		: t(`common.verificationSentence.${verification}`);
}

/** Whether a reader should be warned before taking the event at face value. */
export function isUnverified(verification: Verification): boolean {
	return verification === 'claimed' || verification === 'disputed' || verification === 'retracted';
}
