import { describe, expect, it } from 'vitest';
import { DOORS, leastRoleOf } from '../support/doors';
import { writingRoutes } from '../support/writing-routes';
import { ACTIONS } from '../../src/lib/server/newsroom/policy';

describe('door classification', () => {
	it('classifies every writing route under /desk and /api/v1 by its policy action', () => {
		const found = writingRoutes().map((route) => route.key);
		expect(found.length).toBeGreaterThan(15);
		const missing = found.filter((key) => !(key in DOORS));
		expect(missing, 'classify these routes in tests/support/doors.ts').toEqual([]);
		const stale = Object.keys(DOORS).filter((key) => !found.includes(key));
		expect(stale, 'these doors.ts entries match no route any more').toEqual([]);
	});

	it('names only actions the policy table knows', () => {
		const known = new Set<string>([...ACTIONS, 'public', 'self']);
		expect(Object.values(DOORS).filter((door) => !known.has(door))).toEqual([]);
	});

	it('keeps an editor’s actions from contributors', () => {
		expect(leastRoleOf(DOORS['/desk/events/[id] ?/merge']!)).toBe('editor');
		expect(leastRoleOf(DOORS['DELETE /api/v1/events/[id]']!)).toBe('editor');
		expect(leastRoleOf(DOORS['/desk/users ?/role']!)).toBe('admin');
		expect(leastRoleOf(DOORS['/desk/sign-in ?/default']!)).toBeNull();
	});
});
