import { storyLanguage } from '$lib/story/reader-locale';

const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * The language a story's feeds declare (`xml:lang`, JSON Feed `language`): the story's own, so
 * a feed reader hyphenates and voices a Ukrainian story as Ukrainian; English for a story with
 * none recorded (stories written before languages were stored).
 */
export function feedLanguage(story: object): string {
	const tag = storyLanguage(story)?.trim();
	return tag && TAG.test(tag) ? tag : 'en';
}
