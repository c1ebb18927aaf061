import { defineConfig } from '@playwright/test';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// E2E_PORT and E2E_DEV (test against `vite dev` instead of the build) let several people run
// the browser tests side by side without sharing a port or the build folder.
const PORT = Number(process.env.E2E_PORT ?? 3107);
const command = process.env.E2E_DEV
	? `npx vite dev --port ${PORT} --strictPort`
	: 'node scripts/start.js';

// A fresh embedded PostgreSQL per run: the start script migrates it and seeds the demo story.
// Kept in the environment so worker processes, which load this file again, make no more dirs.
const pgDir = (process.env.THROUGHLINE_E2E_PG_DIR ??= path.join(
	mkdtempSync(path.join(tmpdir(), 'throughline-e2e-')),
	'pg'
));
// As root the server runs as postgres, which must be able to enter the folder.
chmodSync(path.dirname(pgDir), 0o755);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		// localhost, not 127.0.0.1: the started app's ORIGIN (scripts/start.js), which form posts must match.
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		// Debian's Chromium: `npx playwright install` cannot download browsers here.
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command,
		url: `http://localhost:${PORT}/stories/russia-ukraine-peace-talks`,
		// The whole suite is one client; the rate limits are tested on instances of their own
		// (security-demo.e2e.ts, security.e2e.ts), so the shared app runs without them.
		env: { PORT: String(PORT), EMBEDDED_PG_DIR: pgDir, RATE_LIMIT: 'off' },
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
