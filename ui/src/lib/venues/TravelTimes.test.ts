import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppError, Venue } from '$lib/bindings';
import type { TravelTime } from '$lib/api/venues';
import { toasts } from '$lib/feedback/toasts.svelte';
import TravelTimes from './TravelTimes.svelte';

const api = vi.hoisted(() => ({ travelTimesFrom: vi.fn(), setTravelTime: vi.fn(), list: vi.fn() }));
vi.mock('$lib/api/venues', async (original) => {
	const actual = await original<typeof import('$lib/api/venues')>();
	return {
		...actual,
		travelTimesFrom: api.travelTimesFrom,
		setTravelTime: api.setTravelTime,
		venues: { ...actual.venues, list: api.list }
	};
});

function systemLanguages(tags: string[] | null) {
	if (tags) Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
	else delete (navigator as { languages?: unknown }).languages;
}
beforeAll(() => systemLanguages(['en-GB', 'en']));
afterAll(() => systemLanguages(null));

const venue = (id: string, name: string, city: string | null = null) => ({ id, name, city }) as Venue;
const page = (items: Venue[]) => ({ items, total: items.length, totalCapped: false, page: 1, pageSize: 20 });
const refusal = (field: string, reason: AppError['reason']): AppError => ({ code: 'validation', message: 'refused', field, reason });

let stored: TravelTime[] = [];

function setup(times: TravelTime[], deleted = false) {
	stored = times;
	api.travelTimesFrom.mockImplementation(async () => stored);
	api.setTravelTime.mockResolvedValue(undefined);
	api.list.mockResolvedValue(page([venue('a', 'Chamber auditorium', 'Sialkot'), venue('b', 'Forward Sports'), venue('c', 'Hotel Javson')]));
	render(TravelTimes, { props: { venueId: 'a', deleted } });
}

afterEach(() => {
	api.travelTimesFrom.mockReset();
	api.setTravelTime.mockReset();
	api.list.mockReset();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

async function pickVenue(name: string) {
	const picker = screen.getByTestId('field-toVenueId');
	await fireEvent.focus(picker);
	const option = await screen.findByRole('option', { name });
	await fireEvent.mouseDown(option);
}

async function submit() {
	await fireEvent.submit(screen.getByTestId('travel-form'));
}

describe('TravelTimes', () => {
	it('lists the other venues, linked, with the minutes in words', async () => {
		setup([{ venueId: 'b', venueName: 'Forward Sports', minutes: 45 }]);
		const row = await screen.findByTestId('travel-row');
		expect(within(row).getByRole('link', { name: 'Forward Sports' }).getAttribute('href')).toBe('/venues/b');
		expect(row.textContent).toContain('45 minutes');
		expect(screen.getByRole('list', { name: 'Travel times to other venues' })).toBeTruthy();
	});

	it('says when there are none', async () => {
		setup([]);
		expect((await screen.findByTestId('travel-none')).textContent).toBe('No travel times to other venues yet.');
	});

	it('adds a travel time to another venue, never offering this one', async () => {
		setup([]);
		await screen.findByTestId('travel-none');
		const picker = screen.getByTestId('field-toVenueId');
		await fireEvent.focus(picker);
		await screen.findByRole('option', { name: 'Forward Sports' });
		expect(screen.queryByRole('option', { name: 'Chamber auditorium, Sialkot' })).toBeNull();
		await fireEvent.mouseDown(screen.getByRole('option', { name: 'Hotel Javson' }));
		await fireEvent.input(screen.getByTestId('field-minutes'), { target: { value: '20' } });
		stored = [{ venueId: 'c', venueName: 'Hotel Javson', minutes: 20 }];
		await submit();
		await vi.waitFor(() => expect(api.setTravelTime).toHaveBeenCalledWith('a', 'c', 20));
		expect(await screen.findByTestId('travel-row')).toBeTruthy();
		expect(toasts.items.map((t) => t.message)).toContain('Travel time saved.');
		// The form is ready for the next one.
		expect((screen.getByTestId('field-minutes') as HTMLInputElement).value).toBe('');
		expect(screen.getByTestId('field-toVenueId').getAttribute('data-value')).toBe('');
	});

	it('changes a time from its row', async () => {
		setup([{ venueId: 'b', venueName: 'Forward Sports', minutes: 45 }]);
		await fireEvent.click(await screen.findByTestId('travel-change'));
		expect(screen.getByTestId('field-toVenueId').getAttribute('data-value')).toBe('b');
		expect((screen.getByTestId('field-toVenueId') as HTMLInputElement).value).toBe('Forward Sports');
		await fireEvent.input(screen.getByTestId('field-minutes'), { target: { value: '50' } });
		await submit();
		await vi.waitFor(() => expect(api.setTravelTime).toHaveBeenCalledWith('a', 'b', 50));
	});

	it('removes a time, and Undo puts it back', async () => {
		setup([{ venueId: 'b', venueName: 'Forward Sports', minutes: 45 }]);
		const remove = await screen.findByRole('button', { name: 'Remove the travel time to \u2068Forward Sports\u2069' });
		stored = [];
		await fireEvent.click(remove);
		await vi.waitFor(() => expect(api.setTravelTime).toHaveBeenCalledWith('a', 'b', null));
		await screen.findByTestId('travel-none');
		const toast = toasts.items.find((t) => t.undo);
		expect(toast?.message).toBe('Travel time to “\u2068Forward Sports\u2069” removed.');
		stored = [{ venueId: 'b', venueName: 'Forward Sports', minutes: 45 }];
		await toast?.undo?.();
		expect(api.setTravelTime).toHaveBeenLastCalledWith('a', 'b', 45);
		expect(await screen.findByTestId('travel-row')).toBeTruthy();
	});

	it('asks for the other venue and the minutes before sending anything', async () => {
		setup([]);
		await screen.findByTestId('travel-none');
		await submit();
		expect(screen.getByTestId('error-toVenueId').textContent).toBe('Choose the other venue.');
		expect(screen.getByTestId('error-minutes').textContent).toBe('Required.');
		expect(api.setTravelTime).not.toHaveBeenCalled();
	});

	it('shows the core’s refusals at the fields they name', async () => {
		setup([]);
		await screen.findByTestId('travel-none');
		await pickVenue('Forward Sports');
		await fireEvent.input(screen.getByTestId('field-minutes'), { target: { value: '-5' } });
		api.setTravelTime.mockRejectedValueOnce(refusal('minutes', { kind: 'tooSmall', min: 0 }));
		await submit();
		await vi.waitFor(() => expect(screen.getByTestId('error-minutes').textContent).toBe('Must be 0 or more.'));
		expect(screen.getByTestId('field-minutes').getAttribute('aria-invalid')).toBe('true');

		await fireEvent.input(screen.getByTestId('field-minutes'), { target: { value: '5' } });
		api.setTravelTime.mockRejectedValueOnce(refusal('toVenueId', { kind: 'listedTwice' }));
		await submit();
		await vi.waitFor(() => expect(screen.getByTestId('error-toVenueId').textContent).toBe('Choose a venue other than this one.'));
		expect(screen.queryByTestId('error-minutes')).toBeNull();

		api.setTravelTime.mockRejectedValueOnce(refusal('fromVenueId', { kind: 'chosenDeleted', record: 'venue' }));
		await submit();
		await vi.waitFor(() => expect(screen.getByTestId('travel-error').textContent).toContain('The chosen venue has been deleted.'));
	});

	it('offers no changes on a deleted venue', async () => {
		setup([], true);
		await screen.findByTestId('travel-none');
		expect(screen.queryByTestId('travel-form')).toBeNull();
		expect(screen.getByText('Restore the venue to change its travel times.')).toBeTruthy();
	});
});
