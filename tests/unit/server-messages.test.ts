import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, translator, type MessageKey } from '$lib/i18n/translate';
import { localise, serverTemplate } from '$lib/i18n/server-messages';

const en = MESSAGES.en.server as Record<string, string>;
const names = (template: string) =>
	[...new Set([...template.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]!))].sort();

/** Where the desk's answers are written: schemas, commands, desk actions, desk routes. */
const ROOTS = [
	'src/lib/schemas',
	'src/lib/server/newsroom',
	'src/lib/server/desk',
	'src/lib/server/suggest',
	'src/lib/server/revisions',
	'src/routes/(desk)'
];
/** Sentences in those files that no desk page shows as an answer, and why. */
const NOT_ANSWERS = new Map([
	[
		'A new story is a draft; its slug is made from the title, its language guessed from the title and summary when not given.',
		'API documentation (OpenAPI description)'
	],
	[
		'Too many failed sign-ins. Try again {}.',
		'composed: its two forms (in a minute, in N minutes) are messages of their own'
	]
]);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
	});
}

/** Every sentence literal the server code holds, values as {}: 'Keep it to ${n} characters.' */
function sentences(): { text: string; at: string }[] {
	const found: { text: string; at: string }[] = [];
	for (const file of ROOTS.flatMap(files)) {
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				const code = line.trim();
				if (code.startsWith('//') || code.startsWith('*') || code.includes('description')) return;
				// Sentences, and the refusals error pages show ("error(404, 'Story not found')").
				for (const m of line.matchAll(
					/(['`])([A-Z][^'`\n]{6,}?[.?!])\1|error\(4\d\d, (['`])([A-Z][^'`\n]{6,}?)\3\)/g
				))
					found.push({
						text: (m[2] ?? m[4])!.replace(/\$\{[^}]*\}/g, '{}'),
						at: `${file}:${i + 1}`
					});
			});
	}
	return found;
}

describe('server messages in the desk’s language', () => {
	it('knows every sentence the desk’s server code can answer with', () => {
		const known = new Set(Object.values(en).map((t) => t.replace(/\{\w+\}/g, '{}')));
		const all = sentences();
		expect(all.length).toBeGreaterThan(140);
		const unknown = all.filter(
			({ text }) => !known.has(text) && !NOT_ANSWERS.has(text) && !serverTemplate(text)
		);
		expect(unknown.map(({ text, at }) => `${at}: ${text}`)).toEqual([]);
	});

	it('reads each English answer back to its template and says it in Ukrainian', () => {
		const t = { en: translator('en'), uk: translator('uk') };
		for (const [key, english] of Object.entries(en)) {
			const values = Object.fromEntries(
				names(english).map((name) => [
					name,
					/^(?:limit|count|minutes|new|seen|version)$/.test(name) ? 1440 : 'Переговори'
				])
			);
			const said = t.en(`server.${key}` as MessageKey, values);
			expect(localise(said, 'uk'), said).toBe(t.uk(`server.${key}` as MessageKey, values));
			expect(localise(said, 'uk'), said).not.toBe(said);
		}
	});

	it('leaves English, and answers it does not know, as they came', () => {
		expect(localise('Give the event a title.', 'en')).toBe('Give the event a title.');
		expect(localise('Give the event a title.', 'uk')).toBe('Дайте події назву.');
		// The number is the reader's again: "1 000" in Ukrainian.
		expect(localise('Keep it to 1,000 characters or fewer.', 'uk')).toMatch(
			/^Не більше 1\s000 символів\.$/u
		);
		expect(localise('duplicate key value violates unique constraint', 'uk')).toBe(
			'duplicate key value violates unique constraint'
		);
		expect(localise(undefined, 'uk')).toBeUndefined();
	});

	it('says the words inside a story suggestion’s reasons, not the titles', () => {
		expect(localise('continues ‘Published.’ two days after the last update', 'uk')).toBe(
			'продовжує «Published.»: два дні після останнього оновлення'
		);
		expect(localise('continues ‘Talks’ 11 days before the last update', 'uk')).toBe(
			'продовжує «Talks»: за 11 днів до останнього оновлення'
		);
	});
});
