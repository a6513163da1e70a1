import { describe, expect, it } from 'vitest';
import { fileName } from './files';

describe('file names from titles', () => {
	it('keeps letters and digits of any script, dashes between, and a fallback for none', () => {
		expect(fileName('Sialkot Chamber — visit 2026', 'csv')).toBe('Sialkot-Chamber-visit-2026.csv');
		expect(fileName('Визит в Сиалкот: участники', 'xlsx')).toBe('Визит-в-Сиалкот-участники.xlsx');
		expect(fileName('<script>/../..', 'ics', 'programme')).toBe('script.ics');
		expect(fileName('///', 'ics', 'programme')).toBe('programme.ics');
		expect(fileName('x'.repeat(200), 'csv')).toBe(`${'x'.repeat(80)}.csv`);
	});
});
