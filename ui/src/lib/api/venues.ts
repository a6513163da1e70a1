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

export function emptyVenueInput(): VenueInput {
	return { name: '', address: null, city: null, country: null, capacity: null, contact: null, notes: null };
}

export function venueInput(v: Venue): VenueInput {
	return {
		name: v.name,
		address: v.address,
		city: v.city,
		country: v.country,
		capacity: v.capacity,
		contact: v.contact,
		notes: v.notes
	};
}

/** A travel time as one venue sees it: the other venue, and the minutes either way. */
export type TravelTime = { venueId: string; venueName: string; minutes: number };

/**
 * The travel times between `venueId` and other (live) venues, by the other venue's name. The
 * core stores each pair once in id order; here the pair is turned to face `venueId`.
 */
export async function travelTimesFrom(venueId: string): Promise<TravelTime[]> {
	const rows = await call(() => commands.venuesTravelTimes(venueId));
	return rows.map((row) =>
		row.venueAId === venueId
			? { venueId: row.venueBId, venueName: row.venueBName, minutes: row.minutes }
			: { venueId: row.venueAId, venueName: row.venueAName, minutes: row.minutes }
	);
}

/** Sets the travel time between two venues (the same both ways), or clears it with null. */
export async function setTravelTime(from: string, to: string, minutes: number | null): Promise<void> {
	await call(() => commands.venuesSetTravelTime(from, to, minutes));
}
