import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Vehicle, VehicleQuery } from '$lib/bindings';
import VehiclesPage from './+page.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));

afterEach(() => clearMocks());

const vehicle = (id: string, label: string, kind: Vehicle['kind'], seats: number | null, driver: string | null, phone: string | null) =>
	({ id, label, kind, registration: null, seats, driver, phone, notes: null, deletedAt: null }) as Vehicle;

const all = [
	vehicle('c1', 'Car 1 (lead)', 'car', 4, 'Imran', '+92 300 0000000'),
	vehicle('c2', 'Delegation coach', 'coach', 45, 'Tariq', null)
];

describe('Vehicles list', () => {
	// First: a list remembers its filters between visits (and so between these tests).
	it('teaches what vehicles are for when there are none', async () => {
		mockIPC((cmd) => (cmd === 'vehicles_list' ? { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 } : null));
		render(VehiclesPage);
		expect(await screen.findByText('No vehicles yet')).toBeTruthy();
		expect(screen.getByRole('button', { name: 'Add a vehicle' })).toBeTruthy();
	});

	it('shows label, kind, seats, driver and phone, and filters by kind', async () => {
		const queries: VehicleQuery[] = [];
		mockIPC((cmd, args) => {
			if (cmd !== 'vehicles_list') return null;
			const query = (args as { query: VehicleQuery }).query;
			queries.push(query);
			const items = all.filter((v) => !query.kind || v.kind === query.kind);
			return { items, total: items.length, totalCapped: false, page: 1, pageSize: 50 };
		});
		render(VehiclesPage);
		expect(await screen.findAllByTestId('list-row')).toHaveLength(2);
		const first = screen.getAllByTestId('list-row')[0];
		for (const text of ['Car 1 (lead)', 'Car', '4', 'Imran', '+92 300 0000000']) expect(first.textContent).toContain(text);
		expect(screen.getAllByTestId('list-row')[1].textContent).toContain('Coach');
		expect(queries[0]).toMatchObject({ sort: 'label', kind: null });

		await fireEvent.change(screen.getByTestId('filter-kind'), { target: { value: 'coach' } });
		await vi.waitFor(() => expect(screen.getAllByTestId('list-row')).toHaveLength(1));
		expect(queries.at(-1)).toMatchObject({ kind: 'coach' });
		expect(screen.getByTestId('list-row').textContent).toContain('Delegation coach');
	});
});
