// How deleted records read on screen. Deletes are soft: a deleted record keeps its name, and
// records that belong to it (a visit's programme, an agreement's actions…) are hidden from the
// default lists but shown, marked, on its page under "Show deleted". Links to a deleted record
// stay visible, struck through. The words live here so every screen says the same thing.
import type { Action, Participant } from '$lib/bindings';

export const deletionLabels = {
	showDeleted: 'Show deleted',
	deleted: 'Deleted',
	/** Read after a struck-through name by screen readers, which do not announce the strike. */
	spoken: ' (deleted)',
	withVisit: 'Deleted with the visit',
	withPerson: 'Deleted with the person',
	withAgreement: 'Deleted with the agreement',
	withAgreementVisit: 'Deleted with the agreement’s visit',
	withOwner: 'Deleted with the record it belongs to'
} as const;

/** Any record a list can show: its own deletion, and whether what it belongs to is deleted. */
export type Deletable = { deletedAt?: string | null; belongsToDeleted?: boolean };

export function isDeleted(row: Deletable): boolean {
	return !!row.deletedAt || !!row.belongsToDeleted;
}

/**
 * The note for a deleted row, or null for a live one. Its own deletion comes first; otherwise
 * `owner` names what it was deleted with (each area knows what its records belong to).
 */
export function deletionNote<T extends Deletable>(
	row: T,
	owner: (row: T) => string = () => deletionLabels.withOwner
): string | null {
	if (row.deletedAt) return deletionLabels.deleted;
	return row.belongsToDeleted ? owner(row) : null;
}

/** Programme items and agreements belong to a visit. */
export const visitOwned = () => deletionLabels.withVisit;

/** A participant goes with its visit or with its person. */
export const participantOwner = (p: Pick<Participant, 'personDeleted'>) =>
	p.personDeleted ? deletionLabels.withPerson : deletionLabels.withVisit;

/** An action goes with its agreement, its visit, or its agreement's visit. */
export const actionOwner = (a: Pick<Action, 'agreementDeleted' | 'visitDeleted'>) =>
	a.agreementDeleted
		? deletionLabels.withAgreement
		: a.visitDeleted
			? deletionLabels.withVisit
			: deletionLabels.withAgreementVisit;
