// The venue and vehicle API wrappers against a mocked Tauri IPC: the commands and argument
// shapes that go out, and travel times turned to face the venue asked about.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { setTravelTime, travelTimesFrom, venues } from '$lib/api/venues';
import { vehicles } from '$lib/api/vehicles';

type Call = { cmd: string; args: unknown };

function record(reply: (cmd: string) => unknown = () => null): Call[] {
	const calls: Call[] = [];
	mockIPC((cmd, args) => {
		calls.push({ cmd, args });
		return reply(cmd);
	});
	return calls;
}

afterEach(() => clearMocks());

const empty = { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 };
const listDefaults = { page: 1, pageSize: 50, sort: null, descending: false, search: null, includeDeleted: false };

describe('venues and vehicles API', () => {
	it('lists venues by city and vehicles by kind, with complete queries', async () => {
		const calls = record(() => empty);
		await venues.list({ city: 'Sialkot' });
		await venues.list({ city: '' });
		await vehicles.list({ kind: 'coach', sort: 'seats' });
		expect(calls).toEqual([
			{ cmd: 'venues_list', args: { query: { ...listDefaults, city: 'Sialkot' } } },
			{ cmd: 'venues_list', args: { query: { ...listDefaults, city: null } } },
			{ cmd: 'vehicles_list', args: { query: { ...listDefaults, sort: 'seats', kind: 'coach' } } }
		]);
	});

	it('shows each travel time from the venue asked about, whichever way the core stored it', async () => {
		record(() => [
			{ venueAId: 'a', venueAName: 'Auditorium', venueBId: 'm', venueBName: 'Mill', minutes: 30 },
			{ venueAId: 'h', venueAName: 'Hotel', venueBId: 'm', venueBName: 'Mill', minutes: 15 }
		]);
		await expect(travelTimesFrom('m')).resolves.toEqual([
			{ venueId: 'a', venueName: 'Auditorium', minutes: 30 },
			{ venueId: 'h', venueName: 'Hotel', minutes: 15 }
		]);
	});

	it('sets and clears a travel time', async () => {
		const calls = record();
		await setTravelTime('a', 'b', 40);
		await setTravelTime('a', 'b', null);
		expect(calls).toEqual([
			{ cmd: 'venues_set_travel_time', args: { from: 'a', to: 'b', minutes: 40 } },
			{ cmd: 'venues_set_travel_time', args: { from: 'a', to: 'b', minutes: null } }
		]);
	});

	it('rejects with the core’s error, field and all', async () => {
		mockIPC(() => {
			throw { code: 'validation', message: 'Travel time cannot be negative', field: 'minutes', reason: { kind: 'tooSmall', min: 0 } };
		});
		await expect(setTravelTime('a', 'b', -1)).rejects.toMatchObject({ code: 'validation', field: 'minutes', message: 'Must be 0 or more.' });
	});
});
