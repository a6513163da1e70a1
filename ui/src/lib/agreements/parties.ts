// The parties of an agreement as the form edits them. Each row has a stable key (so removing
// one keeps the others, pickers and all) and carries the names shown for what it has picked.
import type { AppError, Party, PartyInput } from '$lib/bindings';
import { m } from '$lib/paraglide/messages';

export type PartyRow = {
	key: number;
	organizationId: string | null;
	organizationName: string | null;
	signatoryPersonId: string | null;
	signatoryName: string | null;
};

let nextKey = 1;

export function partyRow(party?: Party): PartyRow {
	return {
		key: nextKey++,
		organizationId: party?.organizationId ?? null,
		organizationName: party?.organizationName ?? null,
		signatoryPersonId: party?.signatoryPersonId ?? null,
		signatoryName: party?.signatoryName ?? null
	};
}

/** An agreement's parties, or two blank rows for a new one (an agreement has at least two). */
export function partyRows(parties?: Party[]): PartyRow[] {
	return parties ? parties.map(partyRow) : [partyRow(), partyRow()];
}

/**
 * What is sent: blank rows are left out. A signatory without an organization is not dropped
 * but refused, as an error on the parties field (the same shape the core answers with).
 */
export function partyInputs(rows: PartyRow[]): PartyInput[] {
	if (rows.some((row) => row.signatoryPersonId && !row.organizationId)) {
		const error: AppError = {
			code: 'validation',
			field: 'parties',
			reason: null,
			message: m.agreements_form_error_signatory_without_party()
		};
		throw error;
	}
	return rows.flatMap((row) =>
		row.organizationId
			? [{ organizationId: row.organizationId, signatoryPersonId: row.signatoryPersonId }]
			: []
	);
}
