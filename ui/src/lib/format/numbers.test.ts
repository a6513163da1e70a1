import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, pageCount, pageRange } from './numbers';

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
});
