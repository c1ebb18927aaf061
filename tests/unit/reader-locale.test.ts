import { describe, expect, it } from 'vitest';
import { keepLang, readerLocale, requestedLang, storyLanguage } from '$lib/story/reader-locale';

const q = (query: string) => new URLSearchParams(query);

describe('readerLocale', () => {
	it('takes ?lang= before the story language', () => {
		expect(readerLocale(q('lang=uk'), 'en')).toEqual({ locale: 'uk', dir: 'ltr' });
		expect(readerLocale(q('lang=en'), 'uk')).toEqual({ locale: 'en', dir: 'ltr' });
	});

	it('keeps a region for dates and sets rtl for Arabic', () => {
		expect(readerLocale(q('lang=ar-EG'), null)).toEqual({ locale: 'ar-EG', dir: 'rtl' });
		expect(readerLocale(q('lang=uk-ua'), null).locale).toBe('uk-UA');
	});

	it('falls back to the story language when ?lang= is missing, malformed or has no words', () => {
		expect(readerLocale(q(''), 'uk').locale).toBe('uk');
		expect(readerLocale(q('lang=<script>'), 'ar')).toEqual({ locale: 'ar', dir: 'rtl' });
		expect(readerLocale(q('lang=de'), 'uk').locale).toBe('uk');
		expect(readerLocale(q(`lang=${'x'.repeat(40)}`), 'uk').locale).toBe('uk');
	});

	it('is English when neither names a language we have words for', () => {
		expect(readerLocale(q('lang=de'), 'pl')).toEqual({ locale: 'en', dir: 'ltr' });
		expect(readerLocale(q(''), undefined)).toEqual({ locale: 'en', dir: 'ltr' });
		expect(readerLocale(q(''), '  ')).toEqual({ locale: 'en', dir: 'ltr' });
	});
});

describe('requestedLang', () => {
	it('is null for a tag Intl does not accept, the tag otherwise', () => {
		expect(requestedLang(q('lang=zz-!!'))).toBeNull();
		expect(requestedLang(q('lang=EN'))).toBe('en');
		expect(requestedLang(q('lang=uk'))).toBe('uk');
	});
});

describe('storyLanguage', () => {
	it('reads a story row without the field as no language', () => {
		expect(storyLanguage({ title: 'x' })).toBeNull();
		expect(storyLanguage({ language: 'uk' })).toBe('uk');
		expect(storyLanguage({ language: 3 })).toBeNull();
	});
});

describe('keepLang', () => {
	it('carries a valid ?lang= onto a link, and nothing else', () => {
		expect(keepLang('/articles/4', q('lang=uk&asof=2025-12-04'))).toBe('/articles/4?lang=uk');
		expect(keepLang('/stories/x?event=2', q('lang=ar-EG'))).toBe('/stories/x?event=2&lang=ar-EG');
		expect(keepLang('/articles/4', q('lang=%3Cb%3E'))).toBe('/articles/4');
		expect(keepLang('/articles/4', q(''))).toBe('/articles/4');
	});
});
