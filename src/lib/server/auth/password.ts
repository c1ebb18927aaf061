/**
 * Staff passwords: argon2id with the OWASP Password Storage Cheat Sheet's minimum (19 MiB,
 * two passes, one lane), through @node-rs/argon2. The PHC string it returns carries its own salt
 * and parameters, so raising them later only needs `needsRehash` at sign-in.
 */
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase; short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 256;

/** The const enum's value: isolated modules cannot read ambient const enums. */
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = {
	algorithm: ARGON2ID,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} satisfies Options;

/** Why a password is refused, in words for the form; undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
	// Count code points, not UTF-16 units, so an emoji counts once as a person would expect.
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
	}
	if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
	return undefined;
}

/** Hashes a new password (argon2id, PHC string). Throws when passwordProblem() would refuse it. */
export async function hashPassword(password: string): Promise<string> {
	const problem = passwordProblem(password);
	if (problem) throw new RangeError(problem);
	return hash(password, ARGON2_OPTIONS);
}

/**
 * Checks a password against a stored hash. Over-long input is refused before hashing so it
 * costs nothing; a malformed stored hash counts as a mismatch rather than an error.
 */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	if (password.length === 0 || [...password].length > PASSWORD_MAX_LENGTH) return false;
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

/** True when the hash was made with weaker parameters than today's, so sign-in can upgrade it. */
export function needsRehash(storedHash: string): boolean {
	try {
		const options = parseOptions(storedHash);
		return (
			options.algorithm !== ARGON2ID ||
			options.memoryCost < ARGON2_OPTIONS.memoryCost ||
			options.timeCost < ARGON2_OPTIONS.timeCost
		);
	} catch {
		return true;
	}
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as verifyPassword() on a real hash, for sign-ins naming no account, so
 * response time does not tell whether an address has an account.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
	dummyHash ??= hash('throughline-dummy-password', ARGON2_OPTIONS);
	await verifyPassword(await dummyHash, password);
	return false;
}
