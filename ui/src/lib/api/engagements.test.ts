import { describe, expect, it } from 'vitest';
import { emptyEngagementInput } from './engagements';

describe('new programme items', () => {
	it('last an hour from the given start, never past midnight', () => {
		expect(emptyEngagementInput('v', '2026-01-28', '16:00')).toMatchObject({
			visitId: 'v',
			startsLocal: '2026-01-28T16:00',
			endsLocal: '2026-01-28T17:00'
		});
		expect(emptyEngagementInput('v', '2026-01-28', '23:30').endsLocal).toBe('2026-01-28T23:59');
		expect(emptyEngagementInput('v', '2026-01-28').startsLocal).toBe('2026-01-28T09:00');
	});
});
