import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Venue, VenueQuery } from '$lib/bindings';
import VenuesPage from './+page.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));

afterEach(() => clearMocks());

const venue = (id: string, name: string, city: string | null, capacity: number | null, contact: string | null) =>
	({ id, name, address: null, city, country: null, capacity, contact, notes: null, deletedAt: null }) as Venue;

const all = [
	venue('v1', 'Chamber auditorium', 'Sialkot', 1200, 'Protocol desk'),
	venue('v2', 'Pearl Continental', 'Lahore', null, null)
];

function serve() {
	const queries: VenueQuery[] = [];
	mockIPC((cmd, args) => {
		if (cmd !== 'venues_list') return null;
		const query = (args as { query: VenueQuery }).query;
		queries.push(query);
		const items = all.filter((v) => !query.city || v.city?.toLowerCase() === query.city.toLowerCase());
		return { items, total: items.length, totalCapped: false, page: 1, pageSize: 50 };
	});
	return queries;
}

describe('Venues list', () => {
	// First: a list remembers its filters between visits (and so between these tests).
	it('teaches what venues are for when there are none', async () => {
		mockIPC((cmd) => (cmd === 'venues_list' ? { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 } : null));
		render(VenuesPage);
		expect(await screen.findByText('No venues yet')).toBeTruthy();
		expect(screen.getByRole('button', { name: 'Add a venue' })).toBeTruthy();
		expect(screen.getByTestId('new-button').textContent).toContain('New venue');
	});

	it('shows name, city, capacity and contact, and filters by city', async () => {
		const queries = serve();
		render(VenuesPage);
		expect(await screen.findAllByTestId('list-row')).toHaveLength(2);
		const first = screen.getAllByTestId('list-row')[0];
		expect(first.textContent).toContain('Chamber auditorium');
		expect(first.textContent).toContain('Sialkot');
		expect(first.textContent).toContain('1,200');
		expect(first.textContent).toContain('Protocol desk');
		expect(screen.getByRole('table', { name: 'Venues' })).toBeTruthy();
		expect(queries[0]).toMatchObject({ sort: 'name', city: null });

		await fireEvent.input(screen.getByTestId('filter-city'), { target: { value: 'lahore' } });
		await fireEvent.keyDown(screen.getByTestId('filter-city'), { key: 'Enter' });
		await vi.waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(1));
		expect(queries.at(-1)).toMatchObject({ city: 'lahore' });
		expect(screen.getByTestId('list-row').textContent).toContain('Pearl Continental');
		// The cities seen so far are offered as suggestions.
		const suggestions = [...document.querySelectorAll('#venue-cities option')].map((o) => (o as HTMLOptionElement).value);
		expect(suggestions).toEqual(['Lahore', 'Sialkot']);
	});
});
