// The fields two records of one person (or organization) are compared by, for the merge
// dialog: only those where the two differ, each with the value of both as the user reads it.
import type { Organization, Person } from '$lib/bindings';
import { label } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';

export type MergeKind = 'person' | 'organization';
export type MergeRow = { field: string; label: string; mine: string; theirs: string };

type Reading<T> = { field: string; label: () => string; value: (record: T) => string | number | null };

const personFields: Reading<Person>[] = [
	{ field: 'honorific', label: m.directory_person_field_honorific, value: (p) => p.honorific },
	{ field: 'givenName', label: m.directory_person_field_given_name, value: (p) => p.givenName },
	{ field: 'familyName', label: m.directory_person_field_family_name, value: (p) => p.familyName },
	{ field: 'nativeName', label: m.directory_person_field_native_name, value: (p) => p.nativeName },
	{ field: 'position', label: m.directory_field_position, value: (p) => p.position },
	{ field: 'organizationId', label: m.directory_field_organization, value: (p) => p.organizationName },
	{ field: 'country', label: m.directory_field_country, value: (p) => p.country },
	{ field: 'email', label: m.directory_person_field_email, value: (p) => p.email },
	{ field: 'phone', label: m.directory_person_field_phone, value: (p) => p.phone },
	{ field: 'languages', label: m.directory_person_field_languages, value: (p) => p.languages },
	{ field: 'protocolRank', label: m.directory_person_field_protocol_rank, value: (p) => p.protocolRank },
	{ field: 'dietaryNeeds', label: m.directory_person_field_dietary_needs, value: (p) => p.dietaryNeeds },
	{ field: 'accessNeeds', label: m.directory_person_field_access_needs, value: (p) => p.accessNeeds },
	{ field: 'bio', label: m.directory_person_field_bio, value: (p) => p.bio },
	{ field: 'notes', label: m.directory_field_notes, value: (p) => p.notes }
];

const organizationFields: Reading<Organization>[] = [
	{ field: 'name', label: m.directory_organization_field_name, value: (o) => o.name },
	{ field: 'shortName', label: m.directory_organization_field_short_name, value: (o) => o.shortName },
	{ field: 'nativeName', label: m.directory_organization_native_name_label, value: (o) => o.nativeName },
	{ field: 'kind', label: m.directory_organization_field_kind, value: (o) => label('organizationKind', o.kind) },
	{ field: 'country', label: m.directory_field_country, value: (o) => o.country },
	{ field: 'city', label: m.directory_organization_field_city, value: (o) => o.city },
	{ field: 'website', label: m.directory_organization_field_website, value: (o) => o.website },
	{ field: 'notes', label: m.directory_field_notes, value: (o) => o.notes }
];

function text(value: string | number | null): string {
	return value === null ? '' : String(value);
}

function compare<T>(fields: Reading<T>[], mine: T, theirs: T): MergeRow[] {
	return fields
		.map((f) => ({ field: f.field, label: f.label(), mine: text(f.value(mine)), theirs: text(f.value(theirs)) }))
		.filter((row) => row.mine !== row.theirs && row.theirs.trim() !== '');
}

export function mergeRows(kind: MergeKind, mine: Person | Organization, theirs: Person | Organization): MergeRow[] {
	return kind === 'person'
		? compare(personFields, mine as Person, theirs as Person)
		: compare(organizationFields, mine as Organization, theirs as Organization);
}

/** What the dialog proposes: the other's value where this record has none. */
export function proposedTake(rows: MergeRow[]): string[] {
	return rows.filter((row) => row.mine.trim() === '').map((row) => row.field);
}
