// A visit's outcome in figures: how much of what was promised has been done, and which
// agreements came of it. Dropped actions count neither way: they were decided against.
import type { Action, Agreement } from '$lib/bindings';

export type ActionProgress = { done: number; pending: number; dropped: number; percent: number | null };

export function actionProgress(actions: Pick<Action, 'status' | 'deletedAt' | 'belongsToDeleted'>[]): ActionProgress {
	const live = actions.filter((a) => !a.deletedAt && !a.belongsToDeleted);
	const done = live.filter((a) => a.status === 'done').length;
	const dropped = live.filter((a) => a.status === 'dropped').length;
	const pending = live.length - done - dropped;
	const counted = done + pending;
	return { done, pending, dropped, percent: counted ? Math.round((done / counted) * 100) : null };
}

/** The agreements that were signed (and may since be in force or expired), not those still in talks. */
export function signedAgreements<A extends Pick<Agreement, 'status' | 'deletedAt' | 'belongsToDeleted'>>(agreements: A[]): A[] {
	return agreements.filter(
		(a) => !a.deletedAt && !a.belongsToDeleted && ['signed', 'in_force', 'expired'].includes(a.status)
	);
}
