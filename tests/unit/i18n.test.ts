import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { MESSAGES, translator } from '../../src/lib/i18n/translate';
import { acceptedLanguage, textDirection, uiLocale, UI_LOCALES } from '../../src/lib/i18n/locales';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, value);
		else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
	for (const element of elements) {
		if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
		into.add(element.value);
		if (element.type === TYPE.plural || element.type === TYPE.select)
			for (const option of Object.values(element.options)) placeholders(option.value, into);
	}
	return into;
}

const english = leaves(MESSAGES.en);
// Ukrainian is a full interface language; Arabic covers what readers see (reader pages and the
// embed), the desk and the server's answers to it fall back to English.
const complete: Record<string, (key: string) => boolean> = {
	uk: () => true,
	ar: (key) => !key.startsWith('desk.') && !key.startsWith('server.')
};

describe('message files', () => {
	for (const locale of UI_LOCALES.filter((l) => l !== 'en')) {
		const messages = leaves(MESSAGES[locale]);
		it(`${locale} has every message English has, where it must`, () => {
			const missing = [...english.keys()].filter((k) => complete[locale]!(k) && !messages.has(k));
			expect(missing).toEqual([]);
		});
		it(`${locale} has no message English lacks`, () => {
			expect([...messages.keys()].filter((k) => !english.has(k))).toEqual([]);
		});
		it(`${locale} uses the same placeholders as English`, () => {
			for (const [key, message] of messages) {
				const theirs = [...placeholders(parse(message, { ignoreTag: true }))].sort();
				const ours = [...placeholders(parse(english.get(key)!, { ignoreTag: true }))].sort();
				expect({ key, placeholders: theirs }).toEqual({ key, placeholders: ours });
			}
		});
	}
	it('every English message parses', () => {
		for (const message of english.values())
			expect(() => parse(message, { ignoreTag: true })).not.toThrow();
	});
});

describe('acceptedLanguage', () => {
	it('takes the first supported language by q order, else English', () => {
		const desk = ['en', 'uk'];
		expect(acceptedLanguage('uk-UA,uk;q=0.9,en-US;q=0.8', desk)).toBe('uk');
		expect(acceptedLanguage('de-DE,de;q=0.9,uk;q=0.5,en;q=0.4', desk)).toBe('uk');
		expect(acceptedLanguage('en;q=0.3,uk;q=0.7', desk)).toBe('uk');
		expect(acceptedLanguage('fr-FR,fr;q=0.9', desk)).toBe('en');
		expect(acceptedLanguage('uk;q=0', desk)).toBe('en');
		expect(acceptedLanguage(null, desk)).toBe('en');
	});
});

describe('translator', () => {
	it('uses Ukrainian plural forms', () => {
		const t = translator('uk');
		expect(t('common.events', { count: 1 })).toBe('1 подія');
		expect(t('common.events', { count: 3 })).toBe('3 події');
		expect(t('common.events', { count: 5 })).toBe('5 подій');
		expect(t('common.events', { count: 21 })).toBe('21 подія');
	});
	it('falls back to English for a language without messages, and for a missing message', () => {
		expect(translator('de-AT')('common.events', { count: 2 })).toBe('2 events');
		expect(translator('ar')('desk.interfaceLanguage')).toBe('Interface language');
	});
	it('picks the interface language and direction from a tag', () => {
		expect(uiLocale('uk-UA')).toBe('uk');
		expect(uiLocale('xx-invalid-!!')).toBe('en');
		expect(uiLocale(undefined)).toBe('en');
		expect(textDirection('ar-EG')).toBe('rtl');
		expect(textDirection('uk')).toBe('ltr');
	});
});
