/**
 * Demo mode: the demo story, and on a local origin only, a demo editor to try the desk with.
 *
 * The editor exists only when the app is served on this machine (ORIGIN on localhost,
 * 127.0.0.1 or [::1], or `vite dev`): anywhere else its password would be a public way into the
 * desk. Its password is random, printed to the terminal at start and stored nowhere but as the
 * account's argon2 hash (not in the audit log, not on any page). While the demo editor still has
 * a password it was given at start, each start gives it a fresh one and prints that; once someone
 * changes it on the desk, starts leave it alone.
 *
 * SEED_DEMO: `false` never seeds; unset seeds on a local origin only; `true` on any other origin
 * refuses to start unless DEMO_PUBLIC=1 confirms a public demo, which then gets the story and no
 * editor.
 */
import * as audit from '../db/audit';
import { sql, type Db } from '../db/client';
import * as users from '../db/users';
import { hashPassword } from './password';
import { generateSessionToken } from './secret';

export const DEMO_EDITOR_EMAIL = 'editor@demo.throughline.test';
const CREATED_ACTION = 'demo.editor_created';
const RESET_ACTION = 'demo.editor_password_set';
/** Audit actions after which the demo editor's password is someone's own. */
const OWN_PASSWORD_ACTIONS = ['user.password_changed'];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface DemoMode {
	/** Load the demo story into an empty database. */
	story: boolean;
	/** Make (or refresh) the demo editor and print its password. */
	editor: boolean;
}

/** Whether the app is served on this machine only, by what it is told its origin is. */
export function isLocalOrigin(environment: Record<string, string | undefined>): boolean {
	const origin = environment.ORIGIN;
	if (!origin) return environment.NODE_ENV === 'development'; // vite dev serves localhost
	try {
		return LOCAL_HOSTS.has(new URL(origin).hostname);
	} catch {
		return false;
	}
}

/** What demo mode means for this start; throws (the app refuses to start) on a public origin. */
export function demoMode(environment: Record<string, string | undefined>): DemoMode {
	const setting = environment.SEED_DEMO;
	if (setting === 'false' || setting === '0' || setting === 'off')
		return { story: false, editor: false };
	const local = isLocalOrigin(environment);
	if (local) return { story: true, editor: true };
	if (setting === undefined || setting === '') return { story: false, editor: false };
	if (environment.DEMO_PUBLIC === '1') return { story: true, editor: false };
	throw new Error(
		`SEED_DEMO is on but the origin (${environment.ORIGIN ?? 'unset'}) is not this machine: ` +
			'the demo is meant for localhost. Set SEED_DEMO=false, or DEMO_PUBLIC=1 to serve the ' +
			'demo story publicly (without a demo editor).'
	);
}

const newPassword = () => generateSessionToken().slice(0, 16);

/**
 * Makes the demo editor along with the demo story (`create`: the database was seeded just now, so
 * a real newsroom's database never gets one), or gives an existing one a fresh password while it
 * still has one given at start. Returns the password to print, or undefined.
 */
export async function ensureDemoEditor(db: Db, create: boolean): Promise<string | undefined> {
	const existing = await users.getCredentials(DEMO_EDITOR_EMAIL, db);
	if (!existing && !create) return;
	if (existing && (existing.disabledAt || !(await stillDemoPassword(existing.id, db)))) return;
	const password = newPassword();
	const passwordHash = await hashPassword(password);
	if (existing) {
		await users.setPasswordHash(existing.id, passwordHash, db);
	} else {
		const user = await users.create(
			{ email: DEMO_EDITOR_EMAIL, displayName: 'Demo editor', role: 'editor', passwordHash },
			db
		);
		await audit.record(
			{
				actorId: null,
				action: CREATED_ACTION,
				entityType: 'user',
				entityId: user.id,
				after: { email: DEMO_EDITOR_EMAIL }
			},
			db
		);
		return password;
	}
	await audit.record(
		{ actorId: null, action: RESET_ACTION, entityType: 'user', entityId: existing.id },
		db
	);
	return password;
}

/**
 * On a start that makes no demo editor (a public origin), a demo editor left from earlier gets a
 * random password no one is told: the one it had may have been shown publicly.
 */
export async function retireDemoEditor(db: Db): Promise<boolean> {
	const existing = await users.getCredentials(DEMO_EDITOR_EMAIL, db);
	if (!existing || existing.disabledAt || !(await stillDemoPassword(existing.id, db))) return false;
	await users.setPasswordHash(existing.id, await hashPassword(newPassword() + newPassword()), db);
	await audit.record(
		{ actorId: null, action: RESET_ACTION, entityType: 'user', entityId: existing.id },
		db
	);
	return true;
}

/**
 * The demo editor at start: made or given a fresh password (returned, for the terminal) when the
 * mode allows one, else retired.
 */
export async function demoEditorAtStart(
	db: Db,
	mode: DemoMode,
	seeded: boolean
): Promise<string | undefined> {
	if (mode.editor) return ensureDemoEditor(db, seeded);
	await retireDemoEditor(db);
	return undefined;
}

/** True while the last password event for the account was one of ours. */
async function stillDemoPassword(userId: number, db: Db): Promise<boolean> {
	const [row] = await db<{ action: string }[]>`
		select action from audit_log
		where entity_type = 'user' and entity_id = ${String(userId)}
			and action in ${db([CREATED_ACTION, RESET_ACTION, ...OWN_PASSWORD_ACTIONS])}
		order by id desc limit 1
	`;
	return row?.action === CREATED_ACTION || row?.action === RESET_ACTION;
}

/** The demo editor's address while it is a demo account (for the sign-in page's note). */
export async function demoEditorEmail(db: Db = sql): Promise<string | undefined> {
	const account = await users.getCredentials(DEMO_EDITOR_EMAIL, db);
	if (!account || account.disabledAt || !(await stillDemoPassword(account.id, db))) return;
	return DEMO_EDITOR_EMAIL;
}
