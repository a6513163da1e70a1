import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import { formatCount, formatList, formatMoney, pageCount, pageRange } from './numbers';

// British conventions for English, whatever machine the tests run on.
beforeAll(() => Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true }));
afterAll(() => delete (navigator as { languages?: unknown }).languages);

describe('numbers', () => {
	it('captions the pager', () => {
		expect(pageRange(1, 50, 1234)).toBe('1–50 of 1,234');
		expect(pageRange(25, 50, 1234)).toBe('1,201–1,234 of 1,234');
		expect(pageRange(1, 50, 7)).toBe('1–7 of 7');
		expect(pageRange(1, 50, 0)).toBe('No records');
		expect(pageRange(2, 50, 10000, true)).toBe('51–100 of 10,000+');
	});

	it('counts pages, at least one', () => {
		expect(pageCount(50, 1234)).toBe(25);
		expect(pageCount(50, 0)).toBe(1);
		expect(pageCount(50, 50)).toBe(1);
	});

	it('formats counts and money', () => {
		expect(formatCount(1000000)).toBe('1,000,000');
		expect(formatCount(10000, true)).toBe('10,000+');
		expect(formatMoney(2500000, 'USD')).toBe('US$2,500,000');
		expect(formatMoney(1500, 'dollars')).toBe('1,500 dollars');
		expect(formatMoney(null, 'USD')).toBe('—');
	});

	it('lists words as the language does', () => {
		expect(formatList(['title', 'status', 'notes'])).toBe('title, status and notes');
		expect(formatList(['title'])).toBe('title');
	});
});

describe('numbers in Russian and Urdu', () => {
	afterEach(() => chooseLanguage('system'));

	it('groups digits and captions the pager in Russian', () => {
		chooseLanguage('ru');
		// Russian groups thousands with a (no-break) space.
		expect(formatCount(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
		expect(pageRange(1, 50, 1234).replace(/\s/g, ' ')).toBe('1–50 из 1 234');
		expect(pageRange(1, 50, 0)).toBe('Нет записей');
		expect(formatList(['а', 'б', 'в'])).toBe('а, б и в');
	});

	it('captions the pager in Urdu', () => {
		chooseLanguage('ur');
		expect(pageRange(1, 50, 1234)).toBe('1,234 میں سے 1–50');
		expect(pageRange(1, 50, 0)).toBe('کوئی ریکارڈ نہیں');
	});
});
