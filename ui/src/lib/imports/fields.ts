// The words of the import screens: fields, decisions, file kinds and encodings in the user's
// language, and the choices sent to the core.
import type { Decision, DuplicateRow, Field, ImportChoices, ImportReview, SourceKind, TextEncoding } from '$lib/bindings';
import { m } from '$lib/paraglide/messages';

export function fieldLabel(field: Field): string {
	const labels: Record<Field, () => string> = {
		honorific: m.directory_person_field_honorific,
		givenName: m.directory_person_field_given_name,
		familyName: m.directory_person_field_family_name,
		fullName: m.directory_import_field_full_name,
		nativeName: m.directory_person_field_native_name,
		position: m.directory_field_position,
		organization: m.directory_field_organization,
		country: m.directory_field_country,
		email: m.directory_person_field_email,
		phone: m.directory_person_field_phone,
		languages: m.directory_person_field_languages,
		protocolRank: m.directory_person_field_protocol_rank,
		dietaryNeeds: m.directory_person_field_dietary_needs,
		accessNeeds: m.directory_person_field_access_needs,
		bio: m.directory_person_field_bio,
		notes: m.directory_field_notes,
		name: m.directory_organization_field_name,
		shortName: m.directory_organization_field_short_name,
		kind: m.directory_organization_field_kind,
		city: m.directory_organization_field_city,
		website: m.directory_organization_field_website
	};
	return labels[field]();
}

export const DECISIONS: Decision[] = ['merge', 'skip', 'create'];

export function decisionLabel(decision: Decision): string {
	const labels: Record<Decision, () => string> = {
		merge: m.directory_import_decision_merge,
		skip: m.directory_import_decision_skip,
		create: m.directory_import_decision_create
	};
	return labels[decision]();
}

export function kindLabel(kind: SourceKind): string {
	const labels: Record<SourceKind, () => string> = {
		delimited: m.directory_import_kind_delimited,
		spreadsheet: m.directory_import_kind_spreadsheet,
		vCard: m.directory_import_kind_vcard
	};
	return labels[kind]();
}

export const ENCODINGS: TextEncoding[] = ['utf8', 'windows1251', 'windows1252', 'utf16Le', 'utf16Be'];

export function encodingLabel(encoding: TextEncoding): string {
	const labels: Record<TextEncoding, () => string> = {
		utf8: m.directory_import_encoding_utf8,
		utf16Le: m.directory_import_encoding_utf16le,
		utf16Be: m.directory_import_encoding_utf16be,
		windows1251: m.directory_import_encoding_windows1251,
		windows1252: m.directory_import_encoding_windows1252
	};
	return labels[encoding]();
}

/** "is Albert Khorev (same name)", "repeats row 3 (Olga Smirnova) (same e-mail)". */
export function duplicateSentence(row: DuplicateRow): string {
	const whom =
		row.of.kind === 'record'
			? m.directory_import_is_record({ name: row.of.name })
			: m.directory_import_repeats_row({ row: row.of.row, name: row.of.name });
	const why = row.likeness === 'sameEmail' ? m.directory_import_same_email() : m.directory_import_same_name();
	return `${whom} (${why})`;
}

/** A column's first values, for the mapping screen. */
export function sampleOf(review: ImportReview, column: number, rows = 3): string[] {
	return review.sample
		.slice(0, rows)
		.map((row) => row[column] ?? '')
		.filter((value) => value.trim() !== '');
}

/** What is sent to the core: the mapping, the choice for all, and only the rows decided otherwise. */
export function choicesOf(review: ImportReview, forAll: Decision, perRow: Record<number, Decision>): ImportChoices {
	const decisions = Object.entries(perRow)
		.map(([index, decision]) => ({ index: Number(index), decision }))
		.filter((d) => d.decision !== forAll)
		.sort((a, b) => a.index - b.index);
	return { target: review.target, mapping: review.mapping, duplicates: forAll, decisions };
}

/** How many rows an import with these choices would write (new, and duplicates not skipped). */
export function rowsToWrite(review: ImportReview, forAll: Decision, perRow: Record<number, Decision>): number {
	if (review.mappingProblem) return 0;
	const listed = review.duplicates.filter((d) => (perRow[d.index] ?? forAll) !== 'skip').length;
	const unlisted = forAll === 'skip' ? 0 : review.duplicateCount - review.duplicates.length;
	return review.new + listed + unlisted;
}
