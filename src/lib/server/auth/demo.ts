/**
 * The demo editor: an account made with the demo story so a fresh install can try the desk.
 * Its random password is kept in the audit line that records its creation (no extra table),
 * and shown on the sign-in page and at start-up only while it still works: once the demo
 * editor changes it, or is disabled or removed, nothing is shown. It is a demo password by
 * design, public to whoever can open the sign-in page of a demo database.
 */
import * as audit from '../db/audit';
import { sql, type Db } from '../db/client';
import * as users from '../db/users';
import { hashPassword, verifyPassword } from './password';
import { generateSessionToken } from './secret';

export const DEMO_EDITOR_EMAIL = 'editor@demo.throughline.test';
const CREATED_ACTION = 'demo.editor_created';

/** Creates the demo editor (inside the seeding transaction) unless the address is taken. */
export async function createDemoEditor(db: Db): Promise<void> {
	if (await users.getByEmail(DEMO_EDITOR_EMAIL, db)) return;
	const password = generateSessionToken().slice(0, 16);
	const user = await users.create(
		{
			email: DEMO_EDITOR_EMAIL,
			displayName: 'Demo editor',
			role: 'editor',
			passwordHash: await hashPassword(password)
		},
		db
	);
	await audit.record(
		{
			actorId: null,
			action: CREATED_ACTION,
			entityType: 'user',
			entityId: user.id,
			after: { email: DEMO_EDITOR_EMAIL, password }
		},
		db
	);
}

/** Argon2 takes tens of milliseconds: remember the answer for the hash we last checked. */
let checked: { hash: string; password: string; works: boolean } | undefined;

/** The demo editor's email and password while they still sign in; otherwise undefined. */
export async function demoCredentials(
	db: Db = sql
): Promise<{ email: string; password: string } | undefined> {
	const account = await users.getCredentials(DEMO_EDITOR_EMAIL, db);
	if (!account || account.disabledAt) return undefined;
	const [row] = await db<{ password: unknown }[]>`
		select after->'password' as password from audit_log
		where action = ${CREATED_ACTION} and entity_type = 'user' and entity_id = ${String(account.id)}
		order by id desc limit 1
	`;
	const password = row?.password;
	if (typeof password !== 'string') return undefined;
	if (checked?.hash !== account.passwordHash || checked.password !== password) {
		checked = {
			hash: account.passwordHash,
			password,
			works: await verifyPassword(account.passwordHash, password)
		};
	}
	return checked.works ? { email: DEMO_EDITOR_EMAIL, password } : undefined;
}
