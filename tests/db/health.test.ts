import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './harness';
import { setSql } from '../../src/lib/server/db/client';
import { GET as readyz } from '../../src/routes/readyz/+server';

let db: TestDatabase;

beforeAll(async () => {
	db = await createTestDatabase();
	setSql(db.sql);
});

afterAll(async () => {
	setSql(undefined);
	await db?.drop();
});

const ready = async () => {
	const response = await readyz({} as never);
	return { status: response.status, body: (await response.json()) as Record<string, string> };
};

it('is ready on a migrated database and unready while a migration is missing', async () => {
	expect(await ready()).toEqual({ status: 200, body: { status: 'ready' } });

	const [last] = await db.sql<{ id: number; name: string; checksum: string }[]>`
		select id, name, checksum from migrations order by id desc limit 1`;
	await db.sql`delete from migrations where id = ${last!.id}`;
	try {
		const { status, body } = await ready();
		expect(status).toBe(503);
		expect(body.reason).toBe(`migrations pending: ${last!.name}`);
	} finally {
		await db.sql`insert into migrations (id, name, checksum)
			values (${last!.id}, ${last!.name}, ${last!.checksum})`;
	}
	expect((await ready()).status).toBe(200);
});

it('is unready when the database cannot be reached', async () => {
	const { connect } = await import('../../src/lib/server/db/client');
	const nowhere = connect('postgres://nobody@127.0.0.1:1/none');
	setSql(nowhere);
	try {
		const { status, body } = await ready();
		expect(status).toBe(503);
		expect(body.status).toBe('unready');
	} finally {
		setSql(db.sql);
		await nowhere.end({ timeout: 0 });
	}
});
