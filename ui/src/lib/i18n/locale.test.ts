import { afterEach, describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { chooseLanguage, currentLocale, formatTag, languageChoice, systemLocale, textDirection } from './locale.svelte';

afterEach(() => chooseLanguage('system'));

describe('the system language', () => {
	it('is the first of the system’s languages the catalogue has', () => {
		expect(systemLocale(['ru-RU', 'en'])).toBe('ru');
		expect(systemLocale(['de-DE', 'ur_PK', 'en'])).toBe('ur');
		expect(systemLocale(['EN-gb'])).toBe('en');
	});

	it('falls back to English', () => {
		expect(systemLocale(['de-DE', 'fr'])).toBe('en');
		expect(systemLocale([])).toBe('en');
	});
});

describe('choosing a language', () => {
	it('turns the page right to left for Urdu and remembers the choice', () => {
		chooseLanguage('ur');
		expect(document.documentElement.dir).toBe('rtl');
		expect(document.documentElement.lang).toBe('ur');
		expect(localStorage.getItem('attache.language')).toBe('ur');
		expect(languageChoice()).toBe('ur');
		expect(textDirection()).toBe('rtl');
	});

	it('goes back to the system language, and forgets the choice', () => {
		chooseLanguage('ru');
		chooseLanguage('system');
		expect(localStorage.getItem('attache.language')).toBeNull();
		expect(currentLocale()).toBe('en'); // jsdom reports an English system
		expect(document.documentElement.dir).toBe('ltr');
		expect(document.documentElement.lang).toBe('en');
	});

	it('switches every message at once', () => {
		expect(m.shell_nav_settings()).toBe('Settings');
		chooseLanguage('ru');
		expect(m.shell_nav_settings()).toBe('Настройки');
		chooseLanguage('ur');
		expect(m.shell_nav_settings()).toBe('ترتیبات');
	});
});

describe('the formatting tag', () => {
	it('keeps the system’s region when the system speaks the chosen language', () => {
		expect(formatTag('en', ['en-PK'])).toBe('en-PK');
		expect(formatTag('ur', ['en-US', 'ur_PK'])).toBe('ur-PK');
	});

	it('is the language alone otherwise', () => {
		expect(formatTag('ru', ['en-US', 'en'])).toBe('ru');
		expect(formatTag('ur', [])).toBe('ur');
	});
});
