// How deleted records read on screen. Deletes are soft: a deleted record keeps its name, and
// records that belong to it (a visit's programme, an agreement's actions…) are hidden from the
// default lists but shown, marked, on its page under "Show deleted". Links to a deleted record
// stay visible, struck through. The words live here so every screen says the same thing.
import type { Action, Participant } from '$lib/bindings';
import { m } from '$lib/paraglide/messages';

// Getters: each read asks the catalogue, so the words follow a change of language.
export const deletionLabels = {
	get showDeleted() {
		return m.vocabulary_deletion_show_deleted();
	},
	get deleted() {
		return m.vocabulary_deletion_deleted();
	},
	/** Read after a struck-through name by screen readers, which do not announce the strike. */
	get spoken() {
		return m.vocabulary_deletion_spoken();
	},
	get withVisit() {
		return m.vocabulary_deletion_with_visit();
	},
	get withPerson() {
		return m.vocabulary_deletion_with_person();
	},
	get withAgreement() {
		return m.vocabulary_deletion_with_agreement();
	},
	get withAgreementVisit() {
		return m.vocabulary_deletion_with_agreement_visit();
	},
	get withOwner() {
		return m.vocabulary_deletion_with_owner();
	}
};

/** A deleted record's name as one plain text (a tooltip): "Trade fair (deleted)". */
export function deletedName(name: string): string {
	return m.vocabulary_deletion_named({ name });
}

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
