import { describe, expect, it } from 'vitest';
import { registerQuery } from './register';

describe('registerQuery', () => {
	it('turns "signed this year" and "last year" into the calendar years', () => {
		expect(registerQuery({ signed: 'this_year', status: 'signed' }, '2026-11-28')).toEqual({
			status: 'signed',
			signedFrom: '2026-01-01',
			signedTo: '2026-12-31'
		});
		expect(registerQuery({ signed: 'last_year' }, '2026-01-01')).toEqual({ signedFrom: '2025-01-01', signedTo: '2025-12-31' });
		expect(registerQuery({ signed: 'earlier' }, '2026-06-30')).toEqual({ signedTo: '2024-12-31' });
	});

	it('counts "expiring within" from today, across a year end, and "expired" up to yesterday', () => {
		expect(registerQuery({ expiring: '90' }, '2026-11-28')).toEqual({ expiresFrom: '2026-11-28', expiresTo: '2027-02-26' });
		expect(registerQuery({ expiring: 'past' }, '2026-03-01')).toEqual({ expiresTo: '2026-02-28' });
	});

	it('leaves the query alone when no period is chosen', () => {
		expect(registerQuery({ signed: null, expiring: null, kind: 'mou' }, '2026-11-28')).toEqual({ kind: 'mou' });
	});
});
