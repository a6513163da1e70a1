import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Vehicle } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import VehiclePage from './[id]/+page.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
vi.mock('$app/state', () => ({ page: { params: { id: 'c2' } } }));

const vehicle: Vehicle = {
	id: 'c2',
	label: 'Delegation coach',
	kind: 'coach',
	registration: 'LEA-4521',
	seats: 45,
	driver: 'Tariq',
	phone: '+92 321 1234567',
	notes: null,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	deletedAt: null
};

beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	clearMocks();
});

describe('Vehicle page', () => {
	it('shows the vehicle’s kind, registration, seats, driver and phone, and edits it', async () => {
		mockIPC((cmd) => (cmd === 'vehicles_get' ? vehicle : null));
		render(VehiclePage);
		expect((await screen.findByTestId('page-title')).textContent).toBe('Delegation coach');
		for (const text of ['Coach', 'LEA-4521', '45', 'Tariq', '+92 321 1234567']) expect(screen.getByText(text)).toBeTruthy();
		expect(screen.getByTestId('record-history')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('edit-button'));
		expect(screen.getByRole('heading', { name: 'Edit vehicle' })).toBeTruthy();
		expect((screen.getByTestId('field-label') as HTMLInputElement).value).toBe('Delegation coach');
	});
});
