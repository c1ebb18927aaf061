import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../src/lib/server/db/client';
import { freePort, startApp, type AppProcess } from '../support/app-process';

// The built app on its embedded database, killed the hard way while rows are being written.
// An acknowledged row is one whose INSERT returned: each must be there after the restart.

const STORY = '/stories/russia-ukraine-peace-talks';
let root: string;
let dataDir: string;
let app: AppProcess | undefined;

beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'tl-durability-'));
	chmodSync(root, 0o755); // as root the server runs as postgres, which must enter it
	dataDir = path.join(root, 'pg');
});

afterAll(async () => {
	if (app && app.child.exitCode === null) {
		app.child.kill('SIGTERM');
		await app.exited;
	}
	rmSync(root, { recursive: true, force: true });
});

function appDatabase(pgPort: number): Sql {
	const { user, password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8')) as {
		user: string;
		password: string;
	};
	return connect(
		`postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/throughline`,
		{
			max: 4
		}
	);
}

/** Inserts articles one by one until told to stop or the server goes away; returns the acked ids. */
function writeUntilStopped(db: Sql, tag: string) {
	const acknowledged: number[] = [];
	let running = true;
	const loop = (async () => {
		for (let i = 0; running; i++) {
			try {
				const [row] = await db<{ id: number }[]>`
					insert into articles (source, headline, body_html, body_raw, content_hash, published_at)
					values ('Durability desk', ${`${tag} ${i}`}, '<p>x</p>', 'x',
						encode(sha256(${`${tag}-${i}`}::bytea), 'hex'), now())
					returning id`;
				acknowledged.push(row!.id);
			} catch {
				return; // the server went away: what was not acknowledged may be lost
			}
		}
	})();
	return {
		acknowledged,
		stop: async () => {
			running = false;
			await loop;
		}
	};
}

async function waitForAcks(acks: number[], count: number) {
	while (acks.length < count) await sleep(5);
}

async function missingRows(pgPort: number, ids: number[]): Promise<number[]> {
	const db = appDatabase(pgPort);
	try {
		const found = await db<{ id: number }[]>`select id from articles where id = any(${ids})`;
		const present = new Set(found.map((r) => r.id));
		return ids.filter((id) => !present.has(id));
	} finally {
		await db.end();
	}
}

function postmasterPid(): number | undefined {
	const file = path.join(dataDir, 'postmaster.pid');
	return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

describe('the built app on its embedded database', { timeout: 300_000 }, () => {
	it('keeps every acknowledged row when Node is killed with SIGKILL mid-write', async () => {
		const pgPort = await freePort();
		app = await startApp({ dataDir, port: await freePort(), pgPort, readyPath: STORY });
		const writer = writeUntilStopped(appDatabase(pgPort), 'node-kill');
		await waitForAcks(writer.acknowledged, 30);

		app.child.kill('SIGKILL');
		await app.exited;
		await waitForAcks(writer.acknowledged, 60); // the orphaned server still takes writes

		app = await startApp({ dataDir, port: await freePort(), pgPort, readyPath: STORY });
		await writer.stop();

		expect(app.output()).toMatch(/left running by an earlier run/);
		expect(await missingRows(pgPort, writer.acknowledged)).toEqual([]);
		const page = await fetch(app.baseUrl + STORY);
		expect(await page.text()).toContain('Miami');
	});

	it('keeps every acknowledged row when the database server itself is killed too', async () => {
		const pgPort = await freePort();
		if (!app || app.child.exitCode !== null) {
			app = await startApp({ dataDir, port: await freePort(), pgPort, readyPath: STORY });
		}
		const running = app;
		const port = Number(new URL(running.baseUrl).port);
		const currentPgPort = Number(
			readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]
		);
		const writer = writeUntilStopped(appDatabase(currentPgPort), 'power-cut');
		await waitForAcks(writer.acknowledged, 30);

		running.child.kill('SIGKILL');
		process.kill(postmasterPid()!, 'SIGKILL');
		await running.exited;
		await writer.stop();

		app = await startApp({ dataDir, port, pgPort, readyPath: STORY });
		expect(await missingRows(pgPort, writer.acknowledged)).toEqual([]);
	});

	it('stops cleanly on SIGTERM: the server exits and the database with it', async () => {
		if (!app || app.child.exitCode !== null) {
			app = await startApp({ dataDir, port: await freePort(), readyPath: STORY });
		}
		const pid = postmasterPid();
		expect(pid).toBeGreaterThan(0);

		app.child.kill('SIGTERM');
		const { code } = await app.exited;

		expect(code).toBe(0);
		expect(app.output()).toMatch(/embedded PostgreSQL stopped/);
		expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
		expect(() => process.kill(pid!, 0)).toThrow();
	});
});
