import { test, expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiToken, createUser, signIn } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

test.describe.configure({ timeout: 120_000 });
// The editor sits in Tokyo: a move must still land on New York's days, not the browser's (or UTC's).
test.use({ timezoneId: 'Asia/Tokyo', viewport: { width: 1280, height: 900 } });

type Db = ReturnType<typeof e2eDatabase>;

/** A published story of its own, so the test's moves touch nothing else. */
async function publishedStory(db: Db, title: string) {
	const slug = `${title.toLowerCase().replace(/\W+/g, '-')}-${randomBytes(3).toString('hex')}`;
	const [story] = await db<{ id: number }[]>`
		insert into stories (slug, title, summary, status, publication, published_at)
		values (${slug}, ${title}, 'For a test.', 'developing', 'published', now())
		returning id`;
	return { id: story!.id, slug };
}

/** A published day-precision event starting at local midnight of `day` in `zone`. */
async function dayEvent(db: Db, storyId: number, title: string, day: string, zone: string) {
	const [event] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, status)
		values (${storyId}, 'meeting', ${title}, (${day}::timestamp at time zone ${zone}), 'day',
			${zone}, 'published')
		returning id`;
	return event!.id;
}

async function stored(db: Db, id: number) {
	const [row] = await db<{ start: string; precision: string }[]>`
		select to_char(occurred_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as start,
			precision
		from events where id = ${id}`;
	return row!;
}

/** Centre of an event's box on the desk timeline. */
async function boxCentre(page: Page, title: string) {
	const box = await page.locator('.vis-item.vis-box', { hasText: title }).boundingBox();
	if (!box) throw new Error(`no box for ${title}`);
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags an event's box sideways by `dx` pixels, in small steps as a hand would. */
async function dragBy(page: Page, title: string, dx: number) {
	const from = await boxCentre(page, title);
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	await page.mouse.move(from.x + dx / 2, from.y, { steps: 8 });
	await page.mouse.move(from.x + dx, from.y, { steps: 8 });
	await page.mouse.up();
}

const timelineStatus = (page: Page) => page.locator('.editable-timeline').getByRole('status');

test('dragging a published New York event from 7 to 8 December asks first, then readers see 8 December', async ({
	page
}) => {
	const db = e2eDatabase();
	try {
		const editor = await createUser(db, { role: 'editor' });
		const story = await publishedStory(db, 'Drag test');
		const talks = 'Talks in New York';
		const id = await dayEvent(db, story.id, talks, '2025-12-07 00:00', 'America/New_York');
		await dayEvent(db, story.id, 'Opening statement', '2025-12-01 00:00', 'America/New_York');
		await dayEvent(db, story.id, 'Follow-up', '2025-12-13 00:00', 'America/New_York');

		await signIn(page, editor);
		await page.goto(`/desk/stories/${story.id}`);
		const timeline = page.getByLabel('Timeline: drag an event to change its date');
		await timeline.scrollIntoViewIfNeeded();
		await expect(page.locator('.vis-item.vis-box', { hasText: talks })).toBeVisible();
		// Both events are drawn at their New York midday, six days apart: that gives a day's width.
		const a = await boxCentre(page, 'Opening statement');
		const b = await boxCentre(page, talks);
		const day = (b.x - a.x) / 6;
		expect(day).toBeGreaterThan(20);

		// A drag of a third of a day goes nowhere (vis used to snap it to 1 December).
		await dragBy(page, talks, day / 3);
		await expect(page.getByRole('group', { name: /Move “Talks in New York”/ })).toHaveCount(0);
		expect(await stored(db, id)).toEqual({ start: '2025-12-07T05:00Z', precision: 'day' });

		// Dropped on 8 December: nothing is saved until the editor says so; Cancel puts it back.
		await dragBy(page, talks, day * 1.2);
		const question = page.getByRole('group', { name: /Move “Talks in New York”/ });
		await expect(question).toContainText('to 8 December (New York)?');
		expect(await stored(db, id)).toEqual({ start: '2025-12-07T05:00Z', precision: 'day' });
		await question.getByRole('button', { name: 'Cancel' }).click();
		await expect(timelineStatus(page)).toContainText('stays on 7 December (New York)');
		expect(await stored(db, id)).toEqual({ start: '2025-12-07T05:00Z', precision: 'day' });
		const back = await boxCentre(page, talks);
		expect(Math.abs(back.x - b.x)).toBeLessThan(2);

		await dragBy(page, talks, day * 0.8);
		await expect(question).toContainText('to 8 December (New York)?');
		await question.getByRole('button', { name: 'Save' }).click();
		await expect(timelineStatus(page)).toContainText(
			'Moved to 8 December (New York): “Talks in New York”.'
		);
		// New York's midnight on the 8th, still to the day.
		expect(await stored(db, id)).toEqual({ start: '2025-12-08T05:00Z', precision: 'day' });
		await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();

		const reader = await page.context().newPage();
		await reader.goto(`/stories/${story.slug}`);
		const entry = reader.getByRole('article', { name: talks });
		await expect(entry).toContainText('8 December 2025');
		await expect(entry).not.toContainText('7 December 2025');
		await reader.close();

		// Undo stays: the event goes back to 7 December, still to the day.
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(timelineStatus(page)).toContainText('back on 7 December (New York)');
		expect(await stored(db, id)).toEqual({ start: '2025-12-07T05:00Z', precision: 'day' });
	} finally {
		await db.end({ timeout: 5 });
	}
});

test('a day typed as midnight in Santiago on 8 September 2024, whose midnight never happened, reads as 8 September', async ({
	request
}) => {
	const db = e2eDatabase();
	try {
		const editor = await createUser(db, { role: 'editor' });
		const token = await createApiToken(db, editor.id);
		const story = await publishedStory(db, 'Santiago test');
		const id = await dayEvent(db, story.id, 'Cabinet meets', '2024-09-01 00:00', 'UTC');
		const [row] = await db<{ version: number }[]>`select version from events where id = ${id}`;

		// The desk form sends wall-clock time at the place (datetime-local), as here.
		const saved = await request.patch(`/api/v1/events/${id}`, {
			headers: { Authorization: `Bearer ${token}`, 'If-Match': `"${row!.version}"` },
			data: { occurredStart: '2024-09-08T00:00', timeZone: 'America/Santiago' }
		});
		expect(saved.status()).toBe(200);
		// Clocks went from 00:00 to 01:00 that night: the day began at 01:00 (-03:00).
		expect(await stored(db, id)).toEqual({ start: '2024-09-08T04:00Z', precision: 'day' });

		const page = await request.get(`/stories/${story.slug}`);
		expect(page.status()).toBe(200);
		const html = await page.text();
		expect(html).toContain('8 September 2024');
		expect(html).not.toContain('7 September 2024');
	} finally {
		await db.end({ timeout: 5 });
	}
});
