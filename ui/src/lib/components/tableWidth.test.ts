import { describe, expect, it } from 'vitest';
import { tableMinWidth } from './tableWidth';

describe('tableMinWidth', () => {
	it('keeps set widths and gives every free column the least width', () => {
		expect(tableMinWidth([undefined, '11rem', undefined, undefined, '8rem'])).toBe('41.5rem');
		expect(tableMinWidth([undefined, '11rem', undefined, undefined, '8rem'], 8)).toBe('43rem');
		expect(tableMinWidth(['6rem', '5.5rem', null], 10)).toBe('21.5rem');
	});

	it('widens the table so that a column set as a share still gets the least width', () => {
		// 26 % of the table is the title; the rest is 41.5rem set plus one free 8rem column.
		expect(tableMinWidth(['26%', '8rem', '7rem', '6rem', '6.5rem', undefined, '14rem'], 8)).toBe('66.9rem');
		expect(tableMinWidth(['10%', '1rem'], 8)).toBe('80rem');
	});

	it('counts a width it cannot read as free', () => {
		expect(tableMinWidth(['auto', 'calc(1rem + 2px)'])).toBe('15rem');
		expect(tableMinWidth(['80px', '2rem'])).toBe('9.5rem');
		expect(tableMinWidth([])).toBe('0rem');
	});
});
