/**
 * Staff accounts' fields: an API token's name, a new user, the sign-in form. Emails and names
 * are one line with no control characters; passwords are checked in code points (auth/password).
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { text } from './text';

export const ROLE_VALUES = ['contributor', 'editor', 'admin'] as const;

export const tokenName = text('tokenName', {
	required: 'Give the token a name, such as the script that will use it.'
}).refine((name) => [...name].length <= LIMITS.tokenName, {
	error: `Use at most ${LIMITS.tokenName} characters.`
});

const EMAIL_MESSAGE = 'Enter an email address, like name@example.org.';
export const email = text('email', { required: EMAIL_MESSAGE })
	.transform((value) => value.toLowerCase())
	.pipe(z.string().regex(/^[^@\s]+@[^@\s]+$/, { error: EMAIL_MESSAGE }));

export const displayName = text('displayName', {
	required: 'Enter a name of 1 to 200 characters.'
});

export const NewUser = z.object({
	email,
	displayName,
	role: z.enum(ROLE_VALUES, { error: 'Choose contributor, editor or admin.' })
});

/** The sign-in form: the address as typed (within limits), and a password of any content. */
export const SignIn = z.object({
	email: text('email', { required: 'Enter your email address.' }),
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, { error: 'Enter your password.' })
		.refine((password) => [...password].length <= LIMITS.password, {
			error: 'That email and password do not match an account.'
		})
});

/** The languages the desk is written in (its messages exist in full). */
export const DESK_LOCALES = ['en', 'uk'] as const;

export const deskLocale = z.enum(DESK_LOCALES, { error: 'Choose English or Ukrainian.' });
