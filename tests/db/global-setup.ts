import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/lib/server/db/client';
import { startEmbedded, type EmbeddedServer } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { databaseUrl } from './urls';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A URL on the test server with rights to create databases. */
		adminUrl: string;
		/** A fully migrated database every test file copies (CREATE DATABASE … TEMPLATE). */
		templateDatabase: string;
	}
}

/**
 * One server for the whole run: TEST_DATABASE_URL / DATABASE_URL when set (CI's PostgreSQL 15),
 * else an embedded PostgreSQL in a temporary folder, so `npm test` needs no server running.
 */
export default async function setup(project: TestProject) {
	let adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
	let embedded: EmbeddedServer | undefined;
	let dataRoot: string | undefined;
	if (!adminUrl) {
		dataRoot = mkdtempSync(path.join(tmpdir(), 'throughline-test-'));
		chmodSync(dataRoot, 0o755); // as root the server runs as postgres, which must enter it
		embedded = await startEmbedded({ dataDir: path.join(dataRoot, 'pg'), log: () => {} });
		adminUrl = embedded.url;
	}
	const templateDatabase = `tl_template_${process.pid}_${Date.now()}`;
	const admin = connect(adminUrl, { max: 1 });
	await admin.unsafe(`create database "${templateDatabase}"`);
	const template = connect(databaseUrl(adminUrl, templateDatabase), { max: 1 });
	try {
		await migrate(template);
	} finally {
		await template.end();
	}
	project.provide('adminUrl', adminUrl);
	project.provide('templateDatabase', templateDatabase);

	return async () => {
		await admin.unsafe(`drop database if exists "${templateDatabase}" with (force)`);
		await admin.end();
		await embedded?.stop();
		if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
	};
}
