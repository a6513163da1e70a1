import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, ActionStatus, BoardColumn } from '$lib/bindings';
import Board from './Board.svelte';

afterEach(() => clearMocks());

const card = (id: string, title: string, status: ActionStatus) =>
	({ id, title, status, priority: 'normal', dueOn: null, overdue: false, ownerName: null, renewalForExpiry: null }) as unknown as Action;

function columns(): BoardColumn[] {
	return [
		{ status: 'open', items: [card('a1', 'Book the hall', 'open'), card('a2', 'Print the badges', 'open')], total: 2, totalCapped: false },
		{ status: 'in_progress', items: [], total: 0, totalCapped: false },
		{ status: 'blocked', items: [], total: 0, totalCapped: false },
		{ status: 'done', items: [], total: 0, totalCapped: false },
		{ status: 'dropped', items: [], total: 0, totalCapped: false }
	];
}

/** A core double: the board, and the moves and bulk changes it was asked for. */
function core(refuse = false) {
	const moves: [string, string][] = [];
	const bulk: unknown[] = [];
	mockIPC((cmd, args) => {
		const a = args as Record<string, unknown>;
		if (cmd === 'actions_board') return columns();
		if (cmd === 'actions_move') {
			if (refuse) throw { code: 'validation', field: 'ownerPersonId', reason: { kind: 'needsOwner' }, message: 'needs an owner' };
			moves.push([a.id as string, a.status as string]);
			return card(a.id as string, 'x', a.status as ActionStatus);
		}
		if (cmd === 'actions_bulk_change') {
			bulk.push(a.change);
			return [];
		}
		return null;
	});
	return { moves, bulk };
}

describe('the actions board', () => {
	it('moves a card dragged onto another column, and not one that was only clicked', async () => {
		const { moves } = core();
		render(Board);
		const hall = await screen.findByRole('button', { name: 'Book the hall' });
		const blocked = screen.getByTestId('column-blocked');
		// jsdom lays nothing out: the pointer is "over" the Blocked column wherever it is.
		document.elementFromPoint = () => blocked;
		await fireEvent.pointerDown(hall, { button: 0, clientX: 10, clientY: 10, pointerId: 1 });
		await fireEvent.pointerUp(hall, { clientX: 12, clientY: 11, pointerId: 1 });
		expect(moves).toEqual([]);
		await fireEvent.pointerDown(hall, { button: 0, clientX: 10, clientY: 10, pointerId: 1 });
		await fireEvent.pointerMove(hall, { clientX: 300, clientY: 40, pointerId: 1 });
		expect(blocked.classList.contains('target')).toBe(true);
		await fireEvent.pointerUp(hall, { clientX: 300, clientY: 40, pointerId: 1 });
		await waitFor(() => expect(moves).toEqual([['a1', 'blocked']]));
	});

	it('moves a focused card with Alt+arrows and moves the focus with arrows', async () => {
		const { moves } = core();
		render(Board);
		const hall = await screen.findByRole('button', { name: 'Book the hall' });
		hall.focus();
		await fireEvent.keyDown(hall, { key: 'ArrowDown' });
		await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Print the badges'));
		await fireEvent.keyDown(hall, { key: 'ArrowRight', altKey: true });
		await waitFor(() => expect(moves).toEqual([['a1', 'in_progress']]));
		// Shown in its new column at once.
		expect(within(screen.getByTestId('column-in_progress')).getByText('Book the hall')).toBeTruthy();
		await fireEvent.keyDown(screen.getByRole('button', { name: 'Print the badges' }), { key: 'ArrowLeft', altKey: true });
		expect(moves).toHaveLength(1);
	});

	it('puts a refused card back where it was', async () => {
		core(true);
		render(Board);
		const hall = await screen.findByRole('button', { name: 'Book the hall' });
		await fireEvent.keyDown(hall, { key: 'ArrowRight', altKey: true });
		await waitFor(() => expect(within(screen.getByTestId('column-open')).queryByText('Book the hall')).toBeTruthy());
		expect(within(screen.getByTestId('column-in_progress')).queryByText('Book the hall')).toBeNull();
	});

	it('selects cards with Space and changes their status together', async () => {
		const { bulk } = core();
		render(Board);
		await fireEvent.keyDown(await screen.findByRole('button', { name: 'Book the hall' }), { key: ' ' });
		await fireEvent.keyDown(screen.getByRole('button', { name: 'Print the badges' }), { key: ' ' });
		const bar = screen.getByTestId('bulk-bar');
		expect(bar.textContent).toContain('2 selected');
		await fireEvent.change(screen.getByTestId('bulk-status'), { target: { value: 'done' } });
		await fireEvent.click(screen.getByTestId('bulk-apply'));
		await waitFor(() => expect(bulk).toEqual([{ ids: ['a1', 'a2'], status: 'done', ownerPersonId: null }]));
	});
});
