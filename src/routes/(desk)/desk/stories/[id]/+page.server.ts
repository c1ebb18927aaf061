import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { hasRole, requireRole } from '$lib/server/auth/guard';
import { sql } from '$lib/server/db/client';
import * as articles from '$lib/server/db/articles';
import * as audit from '$lib/server/db/audit';
import * as deskEvents from '$lib/server/db/desk-events';
import * as deskStories from '$lib/server/db/desk-stories';
import { parseStory } from '$lib/desk/story-input';
import { conflictRows, formValues, intField } from '$lib/desk/form';
import { ARTICLE_ROLES, type ArticleRole, type Story } from '$lib/types';

const LABELS = { title: 'Title', slug: 'Slug', summary: 'Summary', status: 'Status' };

const storyId = (event: RequestEvent) => {
	const id = Number(event.params.id);
	if (!Number.isInteger(id) || id < 1) error(404, 'Story not found');
	return id;
};

const asValues = (story: Story): Record<string, string> => ({
	title: story.title,
	slug: story.slug,
	summary: story.summary,
	status: story.status
});

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'contributor');
	const id = storyId(event);
	const story = await deskStories.get(id);
	if (!story) error(404, 'Story not found');
	const [storyArticles, events, inbox] = await Promise.all([
		articles.listForStory(id),
		deskEvents.listForStory(id),
		deskStories.unfiledArticles(50)
	]);
	return {
		story,
		values: asValues(story),
		articles: storyArticles,
		events: events.map(({ sources, ...rest }) => ({ ...rest, sourceCount: sources.length })),
		candidates: inbox.first,
		canPublish: hasRole(user, 'editor')
	};
};

/** Publishes or withdraws, editor only, against the version the page showed. */
async function publication(event: RequestEvent, to: 'draft' | 'published') {
	const user = requireRole(event, 'editor');
	const id = storyId(event);
	const data = await event.request.formData();
	const version = intField(data, 'version');
	if (version === null)
		return fail(400, { message: 'The form lost its version: reload the page.' });
	const result = await sql.begin(async (tx) => {
		await deskStories.actAs(user.id, tx);
		const done = await deskStories.setPublication(id, version, to, tx);
		if (done.ok) {
			const action = to === 'published' ? 'story.published' : 'story.unpublished';
			const clientAddress = event.getClientAddress();
			await audit.record(
				{ actorId: user.id, action, entityType: 'story', entityId: id, clientAddress },
				tx
			);
		}
		return done;
	});
	if (!result.ok)
		return fail(409, { message: 'The story changed since you opened it: reload and try again.' });
	return { message: to === 'published' ? 'Published.' : 'Withdrawn: readers no longer see it.' };
}

/** Article links: the thread's order and roles are not versioned (each change is one row). */
async function articleChange(
	event: RequestEvent,
	run: (id: number, data: FormData, userId: number) => Promise<unknown>
) {
	const user = requireRole(event, 'contributor');
	const id = storyId(event);
	if (!(await deskStories.get(id))) error(404, 'Story not found');
	const data = await event.request.formData();
	await run(id, data, user.id);
	return { message: 'Articles updated.' };
}

const articleRole = (data: FormData): ArticleRole => {
	const role = data.get('role');
	return (ARTICLE_ROLES as readonly unknown[]).includes(role) ? (role as ArticleRole) : 'update';
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'contributor');
		const id = storyId(event);
		const data = await event.request.formData();
		const values = formValues(data);
		const version = intField(data, 'version');
		const current = await deskStories.get(id);
		if (!current) error(404, 'Story not found');
		const parsed = parseStory(values);
		if (!parsed.ok || version === null)
			return fail(400, { errors: parsed.ok ? {} : parsed.errors, values, version });
		if (!hasRole(user, 'editor') && current.publication === 'published')
			error(403, 'A published story needs an editor to change it.');
		if (await deskStories.slugTaken(parsed.value.slug, id))
			return fail(400, {
				errors: { slug: `Another story already uses “${parsed.value.slug}”: choose another slug.` },
				values,
				version
			});
		const result = await sql.begin(async (tx) => {
			await deskStories.actAs(user.id, tx);
			return deskStories.update(id, version, parsed.value, tx);
		});
		if (!result.ok) {
			const theirs = result.current ?? current;
			// Their version becomes the base: saving again applies the editor's values over it.
			return fail(409, {
				conflict: conflictRows(LABELS, asValues(theirs), values),
				values,
				version: theirs.version,
				errors: {}
			});
		}
		return { message: 'Saved.', saved: true };
	},
	publish: (event) => publication(event, 'published'),
	unpublish: (event) => publication(event, 'draft'),
	delete: async (event) => {
		const user = requireRole(event, 'editor');
		const id = storyId(event);
		const before = await deskStories.get(id);
		if (!before) error(404, 'Story not found');
		await sql.begin(async (tx) => {
			await deskStories.actAs(user.id, tx);
			if (await deskStories.softDelete(id, null, tx)) {
				const clientAddress = event.getClientAddress();
				await audit.record(
					{
						actorId: user.id,
						action: 'story.deleted',
						entityType: 'story',
						entityId: id,
						before,
						clientAddress
					},
					tx
				);
			}
		});
		redirect(303, '/desk/trash');
	},
	attach: (event) =>
		articleChange(event, async (id, data, userId) => {
			const articleId = intField(data, 'articleId');
			if (articleId === null || !(await articles.get(articleId))) error(400, 'Choose an article.');
			await deskStories.attachArticle(id, articleId, articleRole(data), userId);
		}),
	move: (event) =>
		articleChange(event, async (id, data) => {
			const articleId = intField(data, 'articleId');
			const direction = data.get('direction') === 'up' ? 'up' : 'down';
			if (articleId !== null) await deskStories.moveArticle(id, articleId, direction);
		}),
	role: (event) =>
		articleChange(event, async (id, data) => {
			const articleId = intField(data, 'articleId');
			if (articleId !== null) await deskStories.setArticleRole(id, articleId, articleRole(data));
		}),
	detach: (event) =>
		articleChange(event, async (id, data) => {
			const articleId = intField(data, 'articleId');
			if (articleId !== null) await deskStories.detachArticle(id, articleId);
		})
};
