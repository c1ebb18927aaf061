import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { setSql } from '../../src/lib/server/db/client';
import * as articles from '../../src/lib/server/db/articles';
import * as suggestions from '../../src/lib/server/db/suggestions';
import { analyseArticle } from '../../src/lib/server/suggest/analyse';
import { suggestEvents } from '../../src/lib/server/suggest/event-suggestions';
import type { Actor } from '../../src/lib/server/newsroom/actor';
import { acceptProposal, rejectProposal } from '../../src/lib/server/newsroom/event-proposals';
import {
	publishArticleDrafts,
	undoProposalDecision
} from '../../src/lib/server/newsroom/proposal-outcomes';
import { restoreEvent } from '../../src/lib/server/newsroom/event-trash';
import { deleteEvent } from '../../src/lib/server/newsroom/events';
import { createUser } from '../factories';
import type { Role } from '../../src/lib/types';

// The article page's follow-ups to a decision: undo (accept, reject), publish what it made,
// and the Undo after a delete. Real PostgreSQL; each answer checked in the rows it leaves.
let db: TestDatabase;
const actors = {} as Record<Role, Actor>;

beforeAll(async () => {
	db = await createTestDatabase();
	setSql(db.sql);
	for (const role of ['contributor', 'editor', 'admin'] as const) {
		const user = await createUser(db.sql, { role });
		actors[role] = { id: user.id, role, clientAddress: '203.0.113.9' };
	}
});

afterAll(async () => {
	setSql(undefined);
	await db?.drop();
});

async function filedArticle(tag: string) {
	const article = await db.sql.begin(async (tx) => {
		const created = await articles.create(
			{
				source: 'Wire R',
				headline: `Talks resume (${tag})`,
				body:
					`Daniel Marsh met Oksana Vereshchak in Geneva on Monday (${tag}). ` +
					'The defence ministry said on Monday that it had shot down 12 drones overnight.',
				publishedAt: new Date('2026-01-13T18:00:00Z')
			},
			tx
		);
		await analyseArticle(created.id, tx);
		return created;
	});
	const story = await suggestions.createDraftStory({ title: `Geneva ${tag}` }, db.sql);
	await suggestions.fileArticle(
		{ storyId: story.id, articleId: article.id, decidedBy: null },
		db.sql
	);
	const proposals = (await suggestEvents(article.id, db.sql)) ?? [];
	expect(proposals.length).toBeGreaterThanOrEqual(2);
	return { article, proposals };
}

const edits = (title: string) => ({
	title,
	kind: 'meeting',
	verification: 'reported',
	occurredStart: '2026-01-12T10:00',
	occurredEnd: '',
	precision: 'hour',
	timeZone: 'Europe/Zurich'
});

describe('the proposal form’s time', () => {
	it('stores the time, precision and zone the editor set, and refuses an unknown zone', async () => {
		const { article, proposals } = await filedArticle('time');
		const ref = { articleId: article.id, fingerprint: proposals[0]!.fingerprint };
		const refused = await acceptProposal(actors.editor, ref, {
			...edits('Round three'),
			timeZone: 'London'
		});
		expect(refused).toMatchObject({ kind: 'invalid', errors: { timeZone: expect.any(String) } });
		const accepted = await acceptProposal(actors.editor, ref, edits('Round three'));
		expect(accepted).toMatchObject({
			kind: 'ok',
			value: {
				event: {
					precision: 'hour',
					timeZone: 'Europe/Zurich',
					occurredStart: new Date('2026-01-12T09:00:00Z')
				}
			}
		});
	});
});

describe('undo and publish from the article page', () => {
	it('undoes a rejection and an acceptance; publishes the drafts left', async () => {
		const { article, proposals } = await filedArticle('undo');
		const [first, second] = proposals.map((p) => ({
			articleId: article.id,
			fingerprint: p.fingerprint
		}));
		expect((await rejectProposal(actors.editor, second!)).kind).toBe('ok');
		expect((await undoProposalDecision(actors.editor, second!)).kind).toBe('ok');
		expect((await suggestEvents(article.id, db.sql))?.map((p) => p.fingerprint)).toContain(
			second!.fingerprint
		);

		const accepted = await acceptProposal(actors.editor, first!, edits('Round three'));
		const eventId = (accepted as { value: { event: { id: number } } }).value.event.id;
		// A contributor may not delete, so may not undo an acceptance; nothing changes.
		expect((await undoProposalDecision(actors.contributor, first!)).kind).toBe('forbidden');
		expect((await undoProposalDecision(actors.editor, first!)).kind).toBe('ok');
		const [gone] = await db.sql<{ deleted: boolean }[]>`
			select deleted_at is not null as deleted from events where id = ${eventId}`;
		expect(gone?.deleted).toBe(true);
		expect(await suggestions.outcomesOfArticle(article.id, db.sql)).toEqual([]);

		await acceptProposal(actors.editor, first!, edits('Round three'));
		await acceptProposal(actors.editor, second!, {
			...edits('Drones downed'),
			kind: 'battlefield'
		});
		expect((await publishArticleDrafts(actors.contributor, article.id)).kind).toBe('forbidden');
		expect(await publishArticleDrafts(actors.editor, article.id)).toEqual({
			kind: 'ok',
			value: { published: 2 }
		});
		const outcomes = await suggestions.outcomesOfArticle(article.id, db.sql);
		expect(outcomes.map((o) => o.eventStatus)).toEqual(['published', 'published']);
		const audit = await db.sql<{ action: string }[]>`
			select action from audit_log where action = 'event.published'
				and entity_id = any(${outcomes.map((o) => String(o.eventId))}::text[])`;
		expect(audit).toHaveLength(2);
		// Published: no longer undone from the article page.
		expect((await undoProposalDecision(actors.editor, first!)).kind).toBe('invalid');
	});

	it('publishes the drafts together or not at all', async () => {
		const { article, proposals } = await filedArticle('together');
		const [first, second] = proposals.map((p) => ({
			articleId: article.id,
			fingerprint: p.fingerprint
		}));
		await acceptProposal(actors.editor, first!, edits('Round four'));
		await acceptProposal(actors.editor, second!, { ...edits('Drones again'), kind: 'battlefield' });
		const drafts = await suggestions.outcomesOfArticle(article.id, db.sql);
		const last = drafts.at(-1)!.eventId!;
		// The database refuses the last publication (as a lost connection or a constraint would).
		await db.sql.unsafe(`
			create function refuse_publish() returns trigger language plpgsql as $$
			begin raise exception 'refused in test'; end $$;
			create trigger refuse_publish before update on events for each row
				when (new.id = ${last} and new.status = 'published') execute function refuse_publish();`);
		try {
			await expect(publishArticleDrafts(actors.editor, article.id)).rejects.toThrow(/refused/);
		} finally {
			await db.sql.unsafe('drop trigger refuse_publish on events; drop function refuse_publish();');
		}
		const after = await suggestions.outcomesOfArticle(article.id, db.sql);
		expect(after.map((o) => o.eventStatus)).toEqual(['draft', 'draft']);
		const audit = await db.sql`
			select 1 from audit_log where action = 'event.published'
				and entity_id = any(${after.map((o) => String(o.eventId))}::text[])`;
		expect(audit).toHaveLength(0);
	});
});

describe('Undo after a delete', () => {
	it('brings the event back for an editor only, audited', async () => {
		const { article, proposals } = await filedArticle('trash');
		const ref = { articleId: article.id, fingerprint: proposals[0]!.fingerprint };
		const accepted = await acceptProposal(actors.editor, ref, edits('Round three'));
		const eventId = (accepted as { value: { event: { id: number } } }).value.event.id;
		expect((await deleteEvent(actors.editor, eventId, null)).kind).toBe('ok');
		expect((await restoreEvent(actors.contributor, eventId)).kind).toBe('forbidden');
		expect((await restoreEvent(actors.editor, eventId)).kind).toBe('ok');
		expect((await restoreEvent(actors.editor, eventId)).kind).toBe('notFound');
		const [row] = await db.sql<{ deleted: boolean }[]>`
			select deleted_at is not null as deleted from events where id = ${eventId}`;
		expect(row?.deleted).toBe(false);
		const [audit] = await db.sql<{ n: number }[]>`
			select count(*)::int as n from audit_log
			where action = 'event.restored' and entity_id = ${String(eventId)}`;
		expect(audit?.n).toBe(1);
	});
});
