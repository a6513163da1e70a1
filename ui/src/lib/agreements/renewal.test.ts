import { describe, expect, it } from 'vitest';
import { inRenewalWindow } from './renewal';

const mou = { status: 'in_force' as const, deletedAt: null, renewalOpensOn: '2027-01-30', expiresOn: '2027-03-31' };

describe('inRenewalWindow', () => {
	it('holds from the day the window opens to the expiry date, both included', () => {
		expect(inRenewalWindow(mou, '2027-01-29')).toBe(false);
		expect(inRenewalWindow(mou, '2027-01-30')).toBe(true);
		expect(inRenewalWindow(mou, '2027-03-31')).toBe(true);
		expect(inRenewalWindow(mou, '2027-04-01')).toBe(false);
	});
	it('needs a signed or in-force agreement with a notice period', () => {
		expect(inRenewalWindow({ ...mou, status: 'negotiating' }, '2027-02-01')).toBe(false);
		expect(inRenewalWindow({ ...mou, status: 'signed' }, '2027-02-01')).toBe(true);
		expect(inRenewalWindow({ ...mou, renewalOpensOn: null }, '2027-02-01')).toBe(false);
		expect(inRenewalWindow({ ...mou, deletedAt: '2027-01-01T00:00:00Z' }, '2027-02-01')).toBe(false);
	});
});
