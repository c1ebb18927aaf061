import { describe, expect, it } from 'vitest';
import { withLanguage } from '../../src/lib/server/http/head-extras';

const page =
	'<!doctype html>\n<html lang="en">\n\t<head></head><body><p lang="en">x</p></body></html>';

describe('the document language', () => {
	it('puts the page language and its direction on <html>', () => {
		expect(withLanguage(page, 'uk')).toContain('<html lang="uk" dir="ltr">');
		expect(withLanguage(page, 'ar-EG')).toContain('<html lang="ar-EG" dir="rtl">');
	});
	it('leaves English pages, later chunks and odd tags alone', () => {
		expect(withLanguage(page, undefined)).toBe(page);
		expect(withLanguage(page, 'en')).toBe(page);
		expect(withLanguage('<p lang="en">x</p>', 'uk')).toBe('<p lang="en">x</p>');
		expect(withLanguage(page, 'uk"><script>')).toBe(page);
	});
});
