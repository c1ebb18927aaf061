import { test, expect } from '@playwright/test';
import { e2eDatabase } from '../support/e2e-database';

const SLUG = 'russia-ukraine-peace-talks';
const STORY = `/stories/${SLUG}`;

let db: ReturnType<typeof e2eDatabase>;
/** What these tests add to the shared demo story, removed afterwards for the other files. */
const created: number[] = [];

test.beforeAll(() => {
	db = e2eDatabase();
});

test.afterAll(async () => {
	if (created.length) await db`delete from events where id = any(${created})`;
	await db?.end({ timeout: 5 });
});

/** Records a draft event in the demo story, as an editor would before checking it. */
async function draftEvent(title: string): Promise<number> {
	const [row] = await db<{ id: number }[]>`
		insert into events (story_id, kind, title, occurred_start, precision, time_zone, status)
		select id, 'meeting', ${title}, '2025-12-07T08:00:00Z', 'day', 'Europe/Kyiv', 'draft'
		from stories where slug = ${SLUG}
		returning id`;
	if (!row) throw new Error('the demo story is missing');
	created.push(row.id);
	return row.id;
}

async function publish(eventId: number): Promise<void> {
	await db`update events set status = 'published' where id = ${eventId}`;
}

/** Reads a Server-Sent Events response until `done` says enough, or the time runs out. */
async function readStream(response: Response, done: (text: string) => boolean): Promise<string> {
	const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
	let text = '';
	const deadline = Date.now() + 5000;
	try {
		while (!done(text) && Date.now() < deadline) {
			const { value, done: ended } = await Promise.race([
				reader.read(),
				new Promise<{ value: undefined; done: true }>((resolve) =>
					setTimeout(() => resolve({ value: undefined, done: true }), deadline - Date.now())
				)
			]);
			if (ended) break;
			text += value;
		}
	} finally {
		await reader.cancel();
	}
	return text;
}

test('an event published while the story is open is offered, not pushed into the page', async ({
	page
}) => {
	test.slow(); // the first visit compiles the page under `vite dev`
	const title = 'Envoys agree to a fourth day of talks in Miami';
	const connected = page.waitForResponse((response) => response.url().includes(`${STORY}/live`));
	await page.goto(STORY);
	await connected;
	const chronology = page.getByRole('list', { name: 'Events in order' });
	await expect(chronology.getByRole('heading', { name: title })).toHaveCount(0);

	const eventId = await draftEvent(title);
	await publish(eventId);

	const offer = page.getByRole('status').getByRole('button', { name: '1 new event — show' });
	await expect(offer).toBeVisible({ timeout: 5000 });
	// The reader decides when the page changes.
	await expect(chronology.getByRole('heading', { name: title })).toHaveCount(0);

	await offer.click();

	await expect(chronology.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByRole('button', { name: /new event/ })).toHaveCount(0);
});

test('the live stream replays what a reconnecting page missed, then streams', async ({
	baseURL
}) => {
	const [latest] = await db<{ id: string }[]>`select max(id) as id from story_changes`;
	const resumeFrom = Number(latest!.id);
	const eventId = await draftEvent('Kremlin confirms a call with the US envoy');
	await publish(eventId);

	const response = await fetch(`${baseURL}${STORY}/live`, {
		headers: { 'Last-Event-ID': String(resumeFrom) }
	});
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
	expect(response.headers.get('cache-control')).toContain('no-cache');
	const replayed = await readStream(response, (text) => text.includes(`"id":${eventId}`));
	expect(replayed).toContain(
		`id: ${resumeFrom + 1}\nevent: change\ndata: {"kind":"event","id":${eventId},"change":"published"}\n\n`
	);

	// Connected and up to date: the next change arrives live.
	const live = await fetch(`${baseURL}${STORY}/live`);
	const nextId = await draftEvent('Zelensky meets European leaders in London');
	await publish(nextId);
	expect(await readStream(live, (text) => text.includes(`"id":${nextId}`))).toContain(
		`data: {"kind":"event","id":${nextId},"change":"published"}`
	);
});

test('an unknown story has no live stream', async ({ baseURL }) => {
	const response = await fetch(`${baseURL}/stories/no-such-story/live`);
	expect(response.status).toBe(404);
});
