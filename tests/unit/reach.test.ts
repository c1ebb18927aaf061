import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstBlockedFolder, type RunAs } from '../../src/lib/server/db/embedded/reach';

const root = mkdtempSync(path.join(tmpdir(), 'tl-reach-'));
chmodSync(root, 0o755); // mkdtemp makes it private
afterAll(() => rmSync(root, { recursive: true, force: true }));

// An account that owns nothing here, like `postgres` looking into a root-owned checkout.
const stranger: RunAs = { uid: 54321, gid: 54321, groups: [54321] };

describe('firstBlockedFolder', () => {
	it('names the private folder on the way to a checkout (like /root, mode 700)', () => {
		const home = path.join(root, 'home');
		mkdirSync(home, { mode: 0o700 });
		mkdirSync(path.join(home, 'project', 'data'), { recursive: true, mode: 0o755 });

		expect(firstBlockedFolder(path.join(home, 'project', 'data'), stranger)).toBe(home);
	});

	it('lets the account through folders others may enter', () => {
		const open = path.join(root, 'open', 'project');
		mkdirSync(open, { recursive: true, mode: 0o755 });

		expect(firstBlockedFolder(open, stranger)).toBeUndefined();
	});

	it('accepts a private folder the account itself owns', () => {
		const own = path.join(root, 'owned');
		mkdirSync(own, { mode: 0o700 });
		const owner: RunAs = { uid: process.getuid!(), gid: 1, groups: [] };

		expect(firstBlockedFolder(own, owner)).toBeUndefined();
	});
});
