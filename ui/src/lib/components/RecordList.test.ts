import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import RecordList from './RecordList.svelte';

type Row = { id: string; deletedAt: string | null };

const none = { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 };
const cell = createRawSnippet(() => ({ render: () => '<span></span>' }));
const empty = createRawSnippet(() => ({ render: () => '<p data-testid="empty-state">Nothing yet</p>' }));

function setup(stateKey: string, fixed: Record<string, unknown>) {
	const load = vi.fn().mockResolvedValue(none);
	render(RecordList<Row>, {
		props: { stateKey, label: 'Actions', columns: [], cell, load, onOpen: () => {}, fixed, empty }
	});
	return load;
}

describe('RecordList', () => {
	it('shows the empty state when the fixed filters narrow nothing', async () => {
		setup('fixed-false', { overdueOnly: false, pendingOnly: false, visitId: null });
		expect(await screen.findByTestId('empty-state')).toBeTruthy();
	});

	it('shows "no matches", not the empty state, when a fixed filter is on', async () => {
		setup('fixed-true', { overdueOnly: true });
		expect(await screen.findByTestId('no-matches')).toBeTruthy();
		expect(screen.queryByTestId('empty-state')).toBeNull();
	});

	it('keeps "Show deleted" within reach of the empty state', async () => {
		const load = setup('trash', {});
		await screen.findByTestId('empty-state');
		await fireEvent.click(screen.getByTestId('filter-includeDeleted'));
		await vi.waitFor(() => expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ includeDeleted: true })));
		expect((screen.getByTestId('filter-includeDeleted') as HTMLInputElement).checked).toBe(true);
		expect(screen.getByTestId('filter-search')).toBeTruthy();
	});
});
