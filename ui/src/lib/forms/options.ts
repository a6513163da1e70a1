// Option sources for selects: enum choices from the vocabulary, and reference pickers backed
// by the list commands (searched in the core, 20 at a time).
import { agreements } from '$lib/api/agreements';
import { organizations } from '$lib/api/organizations';
import { people } from '$lib/api/people';
import { vehicles } from '$lib/api/vehicles';
import { venues } from '$lib/api/venues';
import { visits } from '$lib/api/visits';
import type { Option } from '$lib/components/Field.svelte';
import { vocabulary, type Vocabulary } from '$lib/domain/vocabulary';
import { formatVisitDates } from '$lib/format/dates';
import { m } from '$lib/paraglide/messages';

const PICKER_SIZE = 20;

/** The terms themselves: their `label` is read when shown, so it follows the language. */
export function choices(kind: Vocabulary): Option[] {
	return [...vocabulary[kind]];
}

export async function organizationOptions(search: string): Promise<Option[]> {
	const page = await organizations.list({ search, pageSize: PICKER_SIZE, sort: 'name' });
	return page.items.map((o) => ({
		value: o.id,
		label: o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name
	}));
}

export async function personOptions(search: string): Promise<Option[]> {
	const page = await people.list({ search, pageSize: PICKER_SIZE });
	return page.items.map((p) => ({
		value: p.id,
		label: p.organizationName ? `${p.displayName} — ${p.organizationName}` : p.displayName
	}));
}

/** The people of one organization: those who can sign for it. */
export async function signatoryOptions(search: string, organizationId: string): Promise<Option[]> {
	const page = await people.list({ search, organizationId, pageSize: PICKER_SIZE });
	return page.items.map((p) => ({ value: p.id, label: p.displayName }));
}

export async function venueOptions(search: string): Promise<Option[]> {
	const page = await venues.list({ search, pageSize: PICKER_SIZE, sort: 'name' });
	return page.items.map((v) => ({ value: v.id, label: v.city ? m.common_option_venue({ name: v.name, city: v.city }) : v.name }));
}

/** A venue created by name from the programme editor; its address and contact go on its own page. */
export async function createVenue(name: string): Promise<Option> {
	const venue = await venues.create({ name, address: null, city: null, country: null, capacity: null, contact: null, notes: null });
	return { value: venue.id, label: venue.name };
}

export async function visitOptions(search: string): Promise<Option[]> {
	const page = await visits.list({ search, pageSize: PICKER_SIZE, sort: 'startDate', descending: true });
	return page.items.map((v) => ({
		value: v.id,
		label: `${v.title} (${formatVisitDates(v)})`
	}));
}

export async function agreementOptions(search: string): Promise<Option[]> {
	const page = await agreements.list({ search, pageSize: PICKER_SIZE });
	return page.items.map((a) => ({ value: a.id, label: a.title }));
}

/** IANA zone names for the time-zone field's suggestions. */
export function timeZones(): string[] {
	try {
		return Intl.supportedValuesOf('timeZone');
	} catch {
		return ['UTC'];
	}
}

export async function vehicleOptions(search: string): Promise<Option[]> {
	const page = await vehicles.list({ search, pageSize: PICKER_SIZE, sort: 'label' });
	return page.items.map((v) => ({ value: v.id, label: v.driver ? `${v.label} — ${v.driver}` : v.label }));
}
