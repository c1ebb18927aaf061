/**
 * A translated sentence with elements inside it ("… at the end of <time>5 December</time>."):
 * each language puts the element where its grammar wants it, so the page cannot glue fixed
 * halves around it. The message is formatted with a marker in each slot and split there; the
 * page renders text parts as text (never as HTML) and each slot as its element.
 */
import type { MessageKey, Translate } from '$lib/i18n';
import type { MessageValues } from '$lib/i18n/translate';

export type MessagePart = { text: string; slot?: undefined } | { slot: string; text?: undefined };

const MARK = '\u0001';

export function messageParts(
	t: Translate,
	key: MessageKey,
	values: MessageValues,
	slots: readonly string[]
): MessagePart[] {
	const marked: MessageValues = { ...values };
	for (const slot of slots) marked[slot] = `${MARK}${slot}${MARK}`;
	return t(key, marked)
		.split(MARK)
		.map((part, i): MessagePart => (i % 2 ? { slot: part } : { text: part }))
		.filter((part) => part.slot !== undefined || part.text !== '');
}
