import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Venue } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import VenuePage from './[id]/+page.svelte';

const goto = vi.hoisted(() => vi.fn());
vi.mock('$app/navigation', () => ({ goto }));
vi.mock('$app/state', () => ({ page: { params: { id: 've1' } } }));

const venue: Venue = {
	id: 've1',
	name: 'Chamber auditorium',
	address: 'Shahab Pura Road',
	city: 'Sialkot',
	country: 'PK',
	capacity: 1200,
	contact: 'Protocol desk',
	notes: 'Security sweep an hour before.',
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	deletedAt: null
};

beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	clearMocks();
	goto.mockReset();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

function serve(record: Venue) {
	const calls: string[] = [];
	mockIPC((cmd) => {
		calls.push(cmd);
		if (cmd === 'venues_get') return record;
		if (cmd === 'venues_travel_times') return [{ venueAId: 'ab', venueAName: 'Forward Sports', venueBId: 've1', venueBName: record.name, minutes: 35 }];
		if (cmd === 'venues_delete') return null;
		if (cmd === 'venues_restore') return { ...record, deletedAt: null };
		return null;
	});
	return calls;
}

describe('Venue page', () => {
	it('shows the venue’s facts, its travel times and its history', async () => {
		serve(venue);
		render(VenuePage);
		expect((await screen.findByTestId('page-title')).textContent).toBe('Chamber auditorium');
		for (const text of ['Shahab Pura Road', 'Sialkot', 'PK', '1,200', 'Protocol desk', 'Security sweep an hour before.']) {
			expect(screen.getByText(text)).toBeTruthy();
		}
		const travel = screen.getByTestId('travel-times');
		expect(within(travel).getByRole('heading', { name: /Travel times/ })).toBeTruthy();
		expect((await within(travel).findByTestId('travel-row')).textContent).toContain('Forward Sports');
		expect(screen.getByTestId('record-history')).toBeTruthy();
		expect(screen.getByRole('link', { name: 'Venues' }).getAttribute('href')).toBe('/venues');
	});

	it('deletes after asking, returns to the list and offers Undo', async () => {
		const calls = serve(venue);
		render(VenuePage);
		await fireEvent.click(await screen.findByTestId('delete-button'));
		expect(screen.getByText('Delete this venue?')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('confirm-button'));
		await vi.waitFor(() => expect(goto).toHaveBeenCalledWith('/venues'));
		expect(calls).toContain('venues_delete');
		const toast = toasts.items.find((t) => t.undo);
		await toast?.undo?.();
		expect(calls).toContain('venues_restore');
		expect(goto).toHaveBeenLastCalledWith('/venues/ve1');
	});

	it('offers Restore instead of Edit and Delete on a deleted venue', async () => {
		serve({ ...venue, deletedAt: '2026-02-01T00:00:00.000Z' });
		render(VenuePage);
		expect(await screen.findByTestId('restore-button')).toBeTruthy();
		expect(screen.queryByTestId('edit-button')).toBeNull();
		expect(screen.queryByTestId('travel-form')).toBeNull();
	});
});
