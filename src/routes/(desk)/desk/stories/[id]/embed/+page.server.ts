import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import * as embeds from '$lib/server/db/embeds';
import { parseEmbedOptions } from '$lib/embed/options';

/**
 * The embed builder: options come from the query string (the form submits with GET), so it
 * works without JavaScript; with it, the page updates the preview and snippets as you type.
 */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'editor');
	const id = Number(event.params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Story not found');
	const story = await embeds.getStoryById(id);
	if (!story) error(404, 'Story not found');
	const versions = await embeds.listReaderVersions(id);
	// The desk layout picks the editor's interface language (locals.pageLang) in its own load.
	await event.parent();
	return {
		story,
		latestRevision: await embeds.latestRevision(id),
		/** What a pin now holds, in readers' numbering (none before the story was first seen). */
		readerVersion: versions.at(-1) ?? null,
		options: parseEmbedOptions(event.url.searchParams),
		origin: event.url.origin
	};
};
