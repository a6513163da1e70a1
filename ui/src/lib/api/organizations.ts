import {
	commands,
	type Organization,
	type OrganizationInput,
	type OrganizationQuery
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<OrganizationQuery, keyof ListParams>> = { kind: null, country: null, sectorId: null };

export const organizations: RecordApi<Organization, OrganizationInput, OrganizationQuery> = {
	list: (query = {}) => call(() => commands.organizationsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.organizationsGet(id)),
	create: (input) => call(() => commands.organizationsCreate(input)),
	update: (id, input) => call(() => commands.organizationsUpdate(id, input)),
	remove: (id) => call(() => commands.organizationsDelete(id)),
	restore: (id) => call(() => commands.organizationsRestore(id))
};

// Forms edit the full shape (sectorIds present) so bindings always have an array to work on.
export function emptyOrganizationInput(): Required<OrganizationInput> {
	return {
		name: '',
		shortName: null,
		nativeName: null,
		kind: 'company',
		country: null,
		city: null,
		website: null,
		sectorIds: [],
		notes: null
	};
}

export function organizationInput(o: Organization): Required<OrganizationInput> {
	return {
		name: o.name,
		shortName: o.shortName,
		nativeName: o.nativeName,
		kind: o.kind,
		country: o.country,
		city: o.city,
		website: o.website,
		sectorIds: o.sectors.map((s) => s.id),
		notes: o.notes
	};
}
