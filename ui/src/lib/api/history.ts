import { commands, type AuditEntry, type RecordKind } from '$lib/bindings';
import { label, type Vocabulary } from '$lib/domain/vocabulary';
import { formatDate, formatInstant } from '$lib/format/dates';
import { formatList } from '$lib/format/numbers';
import { m } from '$lib/paraglide/messages';
import { call } from './errors';

/** Who changed what and when, newest first (the core keeps them oldest first). */
export async function recordHistory(kind: RecordKind, id: string): Promise<AuditEntry[]> {
	return (await call(() => commands.recordHistory(kind, id))).reverse();
}

const OPERATIONS: Record<string, () => string> = {
	create: m.common_history_op_create,
	update: m.common_history_op_update,
	delete: m.common_history_op_delete,
	restore: m.common_history_op_restore
};

export function operationLabel(operation: string): string {
	return OPERATIONS[operation]?.() ?? operation;
}

/** Every field the core's audit log names (its columns in camelCase, and its link fields). */
const FIELDS: Record<string, () => string> = {
	name: m.common_history_field_name,
	shortName: m.common_history_field_short_name,
	nativeName: m.common_history_field_native_name,
	kind: m.common_history_field_kind,
	country: m.common_history_field_country,
	city: m.common_history_field_city,
	website: m.common_history_field_website,
	notes: m.common_history_field_notes,
	deletedAt: m.common_history_field_deleted_at,
	sectorIds: m.common_history_field_sectors,
	honorific: m.common_history_field_honorific,
	givenName: m.common_history_field_given_name,
	familyName: m.common_history_field_family_name,
	position: m.common_history_field_position,
	organizationId: m.common_history_field_organization,
	email: m.common_history_field_email,
	phone: m.common_history_field_phone,
	languages: m.common_history_field_languages,
	protocolRank: m.common_history_field_protocol_rank,
	dietaryNeeds: m.common_history_field_dietary_needs,
	accessNeeds: m.common_history_field_access_needs,
	bio: m.common_history_field_bio,
	address: m.common_history_field_address,
	capacity: m.common_history_field_capacity,
	contact: m.common_history_field_contact,
	travelBufferMinutes: m.common_history_field_travel_buffer,
	label: m.common_history_field_label,
	registration: m.common_history_field_registration,
	seats: m.common_history_field_seats,
	driver: m.common_history_field_driver,
	title: m.common_history_field_title,
	direction: m.common_history_field_direction,
	status: m.common_history_field_status,
	hostOrganizationId: m.common_history_field_host_organization,
	guestOrganizationId: m.common_history_field_guest_organization,
	timeZone: m.common_history_field_time_zone,
	startDate: m.common_history_field_start_date,
	endDate: m.common_history_field_end_date,
	objectives: m.common_history_field_objectives,
	securityLevel: m.common_history_field_security_level,
	securityNotes: m.common_history_field_security_notes,
	outcomeSummary: m.common_history_field_outcome_summary,
	exactDatesUnknown: m.common_history_field_exact_dates_unknown,
	visitId: m.common_history_field_visit,
	startsAt: m.common_history_field_starts_at,
	endsAt: m.common_history_field_ends_at,
	venueId: m.common_history_field_venue,
	responsiblePersonId: m.common_history_field_responsible_person,
	vehicleId: m.common_history_field_vehicle,
	attendeeIds: m.common_history_field_attendees,
	personId: m.common_history_field_person,
	side: m.common_history_field_side,
	role: m.common_history_field_role,
	rsvp: m.common_history_field_rsvp,
	checkedInAt: m.common_history_field_checked_in_at,
	arrivalAt: m.common_history_field_arrival_at,
	departureAt: m.common_history_field_departure_at,
	hotel: m.common_history_field_hotel,
	precedenceOverride: m.common_history_field_precedence_override,
	signedOn: m.common_history_field_signed_on,
	signedPlace: m.common_history_field_signed_place,
	signedVisitId: m.common_history_field_signed_visit,
	effectiveOn: m.common_history_field_effective_on,
	expiresOn: m.common_history_field_expires_on,
	renewalNoticeDays: m.common_history_field_renewal_notice_days,
	valueAmount: m.common_history_field_value_amount,
	valueCurrency: m.common_history_field_value_currency,
	summary: m.common_history_field_summary,
	parties: m.common_history_field_parties,
	details: m.common_history_field_details,
	ownerPersonId: m.common_history_field_owner_person,
	dueOn: m.common_history_field_due_on,
	priority: m.common_history_field_priority,
	agreementId: m.common_history_field_agreement,
	completedAt: m.common_history_field_completed_at
};

/**
 * A stored field's name as words: "hostOrganizationId" → "host organization". A field this
 * table does not know yet (a newer core) is spelled out from its name.
 */
export function fieldLabel(field: string): string {
	const known = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
	if (known) return known();
	return field
		.replace(/Ids$/, 's')
		.replace(/Id$/, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase();
}

/** The names of the fields an audit entry changed (its `changes` is a JSON object by field). */
export function changedFields(entry: AuditEntry): string[] {
	try {
		const changes = JSON.parse(entry.changes) as unknown;
		return changes && typeof changes === 'object' ? Object.keys(changes) : [];
	} catch {
		return [];
	}
}

/** One field an entry changed, its values as words: names for ids, terms for enumerations. */
export type FieldChange = { field: string; label: string; before: string; after: string };

// The enumerations a record's fields hold, by record kind (a "kind" or "status" means
// something different on each).
const TERMS: Partial<Record<string, Record<string, Vocabulary>>> = {
	visit: { status: 'visitStatus', direction: 'visitDirection', securityLevel: 'securityLevel' },
	organization: { kind: 'organizationKind' },
	engagement: { kind: 'engagementKind' },
	participant: { side: 'participantSide', role: 'participantRole', rsvp: 'rsvp' },
	agreement: { kind: 'agreementKind', status: 'agreementStatus' },
	action: { status: 'actionStatus', priority: 'actionPriority' }
};

const LONGEST = 120;

/** What an edit changed, field by field, before and after. */
export function fieldChanges(entry: AuditEntry): FieldChange[] {
	let changes: Record<string, { before?: unknown; after?: unknown }>;
	try {
		changes = JSON.parse(entry.changes);
	} catch {
		return [];
	}
	if (!changes || typeof changes !== 'object') return [];
	const names = entry.names ?? {};
	return Object.entries(changes).map(([field, change]) => ({
		field,
		label: fieldLabel(field),
		before: valueText(entry.recordKind, field, change?.before, names),
		after: valueText(entry.recordKind, field, change?.after, names)
	}));
}

function valueText(kind: string, field: string, value: unknown, names: Partial<Record<string, string>>): string {
	if (value === null || value === undefined || value === '') return '—';
	const named = (id: string) => names[id] ?? m.common_history_unknown_record();
	const vocabulary = TERMS[kind]?.[field];
	if (vocabulary && typeof value === 'string') return label(vocabulary, value);
	if (field === 'parties' && Array.isArray(value)) {
		return formatList(
			value.map((party) => {
				const [organization, signatory] = String(party).split(' ');
				return signatory && signatory !== '-' ? `${named(organization)} (${named(signatory)})` : named(organization);
			})
		);
	}
	if (/Ids$/.test(field) && Array.isArray(value)) return value.length ? formatList(value.map((id) => named(String(id)))) : '—';
	if (/Id$/.test(field) && typeof value === 'string') return named(value);
	if (typeof value === 'boolean') return value ? m.common_yes() : m.common_no();
	if (Array.isArray(value)) return value.length ? formatList(value.map(String)) : '—';
	const text = String(value);
	if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
	if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return formatInstant(text);
	return text.length > LONGEST ? `${text.slice(0, LONGEST)}…` : text;
}
