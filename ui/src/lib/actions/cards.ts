// The actions board's own rules, apart from its markup so they are tested alone: the order of
// its columns, what a key does on a card, and the board as it stands right after a move (shown
// at once; the core's answer then replaces it).
import type { Action, ActionStatus, BoardColumn } from '$lib/bindings';

export const COLUMNS: readonly ActionStatus[] = ['open', 'in_progress', 'blocked', 'done', 'dropped'];

/** The column `step` places after (1) or before (-1) `status`, or null at either end. */
export function neighbour(status: ActionStatus, step: number): ActionStatus | null {
	return COLUMNS[COLUMNS.indexOf(status) + step] ?? null;
}

export type CardKey =
	| { kind: 'move'; step: number }
	| { kind: 'moveTo'; status: ActionStatus }
	| { kind: 'focus'; column: number; row: number }
	| { kind: 'open' }
	| { kind: 'select' };

type Key = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>;

/**
 * What a key does on a focused card. Alt+arrow moves the card to the next or previous column
 * (as Alt+arrow moves a programme item a day on the timeline); a digit sends it straight to
 * that column (5: dropped); arrows move the focus; Enter opens it; Space selects it for a bulk
 * change. `rtl`: the columns run right to left, so the
 * left arrow points to the next one.
 */
export function cardKey(event: Key, rtl = false): CardKey | null {
	if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
	const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
	const back = rtl ? 'ArrowRight' : 'ArrowLeft';
	if (event.altKey) {
		if (event.key === forward) return { kind: 'move', step: 1 };
		if (event.key === back) return { kind: 'move', step: -1 };
		return null;
	}
	if (event.key === forward) return { kind: 'focus', column: 1, row: 0 };
	if (event.key === back) return { kind: 'focus', column: -1, row: 0 };
	if (event.key === 'ArrowDown') return { kind: 'focus', column: 0, row: 1 };
	if (event.key === 'ArrowUp') return { kind: 'focus', column: 0, row: -1 };
	const digit = Number(event.key);
	if (event.key.length === 1 && digit >= 1 && digit <= COLUMNS.length) return { kind: 'moveTo', status: COLUMNS[digit - 1] };
	if (event.key === 'Enter') return { kind: 'open' };
	if (event.key === ' ') return { kind: 'select' };
	return null;
}

/** The board with the card `id` moved to the top of column `to`, counts adjusted. */
export function moved(columns: BoardColumn[], id: string, to: ActionStatus): BoardColumn[] {
	const from = columns.find((c) => c.items.some((a) => a.id === id));
	const card = from?.items.find((a) => a.id === id);
	if (!from || !card || from.status === to) return columns;
	const placed: Action = { ...card, status: to };
	return columns.map((column) => {
		if (column === from) return { ...column, items: column.items.filter((a) => a.id !== id), total: Math.max(0, column.total - 1) };
		if (column.status === to) return { ...column, items: [placed, ...column.items], total: column.total + 1 };
		return column;
	});
}

/** The column and position of the card `id`. */
export function locate(columns: BoardColumn[], id: string): { column: number; row: number } | null {
	for (const [column, c] of columns.entries()) {
		const row = c.items.findIndex((a) => a.id === id);
		if (row >= 0) return { column, row };
	}
	return null;
}

/** The card the focus goes to from `at`, moving `by`: the nearest row of a non-empty column. */
export function focusTarget(columns: BoardColumn[], at: { column: number; row: number }, by: { column: number; row: number }): string | null {
	if (by.column === 0) return columns[at.column]?.items[at.row + by.row]?.id ?? null;
	for (let column = at.column + by.column; column >= 0 && column < columns.length; column += by.column) {
		const items = columns[column].items;
		if (items.length) return items[Math.min(at.row, items.length - 1)].id;
	}
	return null;
}
