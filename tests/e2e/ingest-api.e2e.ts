import { test, expect as baseExpect } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createApiToken, createUser } from '../support/desk-auth';
import { e2eDatabase } from '../support/e2e-database';

// The dev server compiles desk pages on first use and shares the machine with other runs.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

let db: ReturnType<typeof e2eDatabase>;
let auth: { authorization: string };
const run = randomBytes(4).toString('hex');

function article(n: number) {
	return {
		headline: `Ceasefire talks resume (${run}-${n})`,
		dek: 'Delegations <em>return</em> to Istanbul',
		body: `<p onclick="steal()">Negotiators met on day ${n}.<script>alert(1)</script></p>`,
		source: 'Test Wire',
		section: 'World',
		url: `https://wire.example/${run}/${n}`,
		publishedAt: '2025-06-10T14:30:00+03:00',
		language: 'en'
	};
}

/**
 * POSTs `bytes` of JSON-ish filler to the ingest endpoint, with or without a Content-Length,
 * and resolves with the status the server answers (it may answer before taking everything).
 */
function rawPost(
	base: string,
	options: { bytes: number; declaredLength?: number }
): Promise<number> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = {
			...auth,
			'content-type': 'application/json'
		};
		if (options.declaredLength) headers['content-length'] = options.declaredLength;
		const req = http.request(new URL('/api/v1/articles', base), { method: 'POST', headers });
		req.on('response', (res) => {
			resolve(res.statusCode ?? 0);
			res.resume();
			req.destroy();
		});
		req.on('error', (error) => reject(error));
		const chunk = Buffer.alloc(64 * 1024, 'x');
		let sent = 0;
		const write = () => {
			while (sent < options.bytes && !req.destroyed) {
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', write);
			}
			// With a declared length larger than what we send, keep the request open.
			if (!options.declaredLength && !req.destroyed) req.end();
		};
		req.write('{"body": "');
		write();
	});
}

test.beforeAll(async () => {
	db = e2eDatabase();
	const user = await createUser(db, { role: 'contributor' });
	auth = { authorization: `Bearer ${await createApiToken(db, user.id)}` };
});

test.afterAll(async () => {
	await db.end();
});

test('a contributor posts an article: 201 with Location, then 200 with the same id', async ({
	request
}) => {
	const response = await request.post('/api/v1/articles', { headers: auth, data: article(1) });
	expect(response.status()).toBe(201);
	const created = (await response.json()) as { id: number; headline: string; publishedAt: string };
	expect(created).toMatchObject({
		headline: `Ceasefire talks resume (${run}-1)`,
		url: `https://wire.example/${run}/1`,
		publishedAt: '2025-06-10T11:30:00.000Z',
		created: true
	});
	expect(response.headers()['location']).toBe(`/desk/articles/${created.id}`);

	const [row] = await db<{ body_html: string; dek: string }[]>`
		select body_html, dek from articles where id = ${created.id}`;
	expect(row).toEqual({
		body_html: '<p>Negotiators met on day 1.</p>',
		dek: 'Delegations return to Istanbul'
	});

	const again = await request.post('/api/v1/articles', { headers: auth, data: article(1) });
	expect(again.status()).toBe(200);
	expect(await again.json()).toMatchObject({ id: created.id, created: false });

	// Same text under another URL is the same article too.
	const sameText = await request.post('/api/v1/articles', {
		headers: auth,
		data: { ...article(1), url: `https://mirror.example/${run}` }
	});
	expect(sameText.status()).toBe(200);
	expect((await sameText.json()) as { id: number }).toMatchObject({ id: created.id });
});

test('bad fields get 400 with a message per field, and nothing is stored', async ({ request }) => {
	const response = await request.post('/api/v1/articles', {
		headers: auth,
		data: { ...article(2), headline: '', publishedAt: '2025-06-10T14:30', body: '<div></div>' }
	});
	expect(response.status()).toBe(400);
	const body = (await response.json()) as { error: string; fields: Record<string, string> };
	expect(body.error).toBe('Some fields are not valid.');
	expect(body.fields).toMatchObject({
		headline: 'Enter the headline.',
		publishedAt: 'Give a UTC offset (such as +03:00) or a time zone.'
	});
	const onlyMarkup = await request.post('/api/v1/articles', {
		headers: auth,
		data: { ...article(2), body: '<div><img src=x onerror=alert(1)></div>' }
	});
	expect(onlyMarkup.status()).toBe(400);
	expect(((await onlyMarkup.json()) as { fields: object }).fields).toEqual({
		body: 'The body has no text once markup is removed.'
	});
	const [row] = await db<{ count: number }[]>`
		select count(*)::int as count from articles where url = ${article(2).url}`;
	expect(row?.count).toBe(0);
});

test('invalid JSON is 400, a body over 1 MB is 413, and non-JSON is 415', async ({
	request,
	baseURL
}) => {
	const broken = await request.post('/api/v1/articles', {
		headers: { ...auth, 'content-type': 'application/json' },
		data: '{"headline": '
	});
	expect(broken.status()).toBe(400);

	const huge = await request.post('/api/v1/articles', {
		headers: auth,
		data: { ...article(3), body: 'x'.repeat(1536 * 1024) }
	});
	expect(huge.status()).toBe(413);

	// A declared 50 MB is refused from the header alone, before the body is sent.
	expect(await rawPost(baseURL!, { declaredLength: 50 * 1024 * 1024, bytes: 1024 })).toBe(413);
	// A chunked body (no Content-Length) is cut off once it passes the cap.
	expect(await rawPost(baseURL!, { bytes: 50 * 1024 * 1024 })).toBe(413);

	const xml = await request.post('/api/v1/articles', {
		headers: { ...auth, 'content-type': 'application/xml' },
		data: '<article/>'
	});
	expect(xml.status()).toBe(415);
});

test('without a token (or with a wrong one) the answer is 401', async ({ request }) => {
	const anonymous = await request.post('/api/v1/articles', { data: article(4) });
	expect(anonymous.status()).toBe(401);
	const wrong = await request.post('/api/v1/articles', {
		headers: { authorization: 'Bearer not-a-real-token' },
		data: article(4)
	});
	expect(wrong.status()).toBe(401);
});
