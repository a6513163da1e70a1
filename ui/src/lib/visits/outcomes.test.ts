import { describe, expect, it } from 'vitest';
import type { Action, Agreement } from '$lib/bindings';
import { actionProgress, signedAgreements } from './outcomes';

const action = (status: Action['status'], deletedAt: string | null = null) => ({ status, deletedAt, belongsToDeleted: false });

describe('a visit’s outcome', () => {
	it('counts done against what is still to do, leaving dropped and deleted actions out', () => {
		const progress = actionProgress([action('done'), action('open'), action('in_progress'), action('dropped'), action('done', '2026-01-01')]);
		expect(progress).toEqual({ done: 1, pending: 2, dropped: 1, percent: 33 });
		expect(actionProgress([action('dropped')]).percent).toBeNull();
		expect(actionProgress([]).percent).toBeNull();
	});

	it('lists the agreements signed, not those in talks', () => {
		const agreements = (['draft', 'negotiating', 'signed', 'in_force', 'expired', 'terminated'] as Agreement['status'][]).map(
			(status) => ({ status, deletedAt: null, belongsToDeleted: false })
		);
		expect(signedAgreements(agreements).map((a) => a.status)).toEqual(['signed', 'in_force', 'expired']);
	});
});
