import { commands, type Venue, type VenueInput, type VenueQuery } from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<VenueQuery, keyof ListParams>> = { city: null };

export const venues: RecordApi<Venue, VenueInput, VenueQuery> = {
	list: (query = {}) => call(() => commands.venuesList(buildQuery(filters, query))),
	get: (id) => call(() => commands.venuesGet(id)),
	create: (input) => call(() => commands.venuesCreate(input)),
	update: (id, input) => call(() => commands.venuesUpdate(id, input)),
	remove: (id) => call(() => commands.venuesDelete(id)),
	restore: (id) => call(() => commands.venuesRestore(id))
};
