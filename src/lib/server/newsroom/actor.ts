import type { Role } from '../../types';

/**
 * Who is acting, as every command takes it: the signed-in staff member (session or API token),
 * or the system (feed poller, CLI, seed) with the role it acts with. `clientAddress` goes to the
 * audit log.
 */
export interface Actor {
	id: number | null;
	role: Role;
	clientAddress: string | null;
}

/** The actor for a signed-in user of a door that has a request. */
export const actorOf = (
	user: { id: number; role: Role },
	clientAddress: string | null = null
): Actor => ({ id: user.id, role: user.role, clientAddress });
