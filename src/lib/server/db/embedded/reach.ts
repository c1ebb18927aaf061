import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** The system account the embedded server runs as when Node runs as root. */
export interface RunAs {
	uid: number;
	gid: number;
	groups: number[];
}

/** Looks up the `postgres` account (uid, gid and supplementary groups), if it exists. */
export function lookupPostgresUser(): RunAs | undefined {
	try {
		const id = (flag: string) =>
			execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
		return {
			uid: Number(id('-u')),
			gid: Number(id('-g')),
			groups: id('-G').split(/\s+/).map(Number)
		};
	} catch {
		return undefined;
	}
}

function allows(mode: number, uid: number, gid: number, who: RunAs, bit: number): boolean {
	if (uid === who.uid) return (mode & (bit << 6)) !== 0;
	if (who.groups.includes(gid) || gid === who.gid) return (mode & (bit << 3)) !== 0;
	return (mode & bit) !== 0;
}

/**
 * The first folder on the way to `target` that `who` may not enter, or undefined when every
 * ancestor is searchable. A checkout under /root (mode 700) is the usual culprit.
 */
export function firstBlockedFolder(target: string, who: RunAs): string | undefined {
	let folder = path.resolve(target);
	const chain: string[] = [];
	for (;;) {
		chain.unshift(folder);
		const parent = path.dirname(folder);
		if (parent === folder) break;
		folder = parent;
	}
	for (const dir of chain) {
		let stat;
		try {
			stat = statSync(dir);
		} catch {
			return undefined; // not created yet: whoever creates it sets its mode
		}
		if (!stat.isDirectory()) continue;
		if (!allows(stat.mode, stat.uid, stat.gid, who, 0o1)) return dir;
	}
	return undefined;
}
