import { describe, expect, it } from 'vitest';
import type { Action, BoardColumn } from '$lib/bindings';
import { cardKey, focusTarget, locate, moved, neighbour } from './cards';

const card = (id: string, status: Action['status']) => ({ id, status, title: id }) as Action;
const board = (): BoardColumn[] => [
	{ status: 'open', items: [card('a', 'open'), card('b', 'open')], total: 7, totalCapped: false },
	{ status: 'in_progress', items: [], total: 0, totalCapped: false },
	{ status: 'blocked', items: [card('c', 'blocked')], total: 1, totalCapped: false },
	{ status: 'done', items: [], total: 0, totalCapped: false },
	{ status: 'dropped', items: [], total: 0, totalCapped: false }
];
const key = (key: string, more: Partial<KeyboardEvent> = {}) =>
	({ key, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...more }) as KeyboardEvent;

describe('the actions board', () => {
	it('runs open, in progress, blocked, done, dropped and stops at both ends', () => {
		expect(neighbour('open', 1)).toBe('in_progress');
		expect(neighbour('blocked', -1)).toBe('in_progress');
		expect(neighbour('open', -1)).toBeNull();
		expect(neighbour('dropped', 1)).toBeNull();
	});

	it('moves a card to the top of its new column and keeps the counts', () => {
		const after = moved(board(), 'b', 'blocked');
		expect(after[0].items.map((a) => a.id)).toEqual(['a']);
		expect(after[0].total).toBe(6);
		expect(after[2].items.map((a) => [a.id, a.status])).toEqual([['b', 'blocked'], ['c', 'blocked']]);
		expect(after[2].total).toBe(2);
		expect(moved(after, 'b', 'blocked')).toBe(after);
		expect(moved(after, 'nope', 'done')).toBe(after);
	});

	it('reads Alt+arrows as a move, arrows as focus, Enter and Space, mirrored right to left', () => {
		expect(cardKey(key('ArrowRight', { altKey: true }))).toEqual({ kind: 'move', step: 1 });
		expect(cardKey(key('ArrowLeft', { altKey: true }))).toEqual({ kind: 'move', step: -1 });
		expect(cardKey(key('ArrowLeft', { altKey: true }), true)).toEqual({ kind: 'move', step: 1 });
		expect(cardKey(key('ArrowDown'))).toEqual({ kind: 'focus', column: 0, row: 1 });
		expect(cardKey(key('ArrowRight'), true)).toEqual({ kind: 'focus', column: -1, row: 0 });
		expect(cardKey(key('Enter'))).toEqual({ kind: 'open' });
		expect(cardKey(key(' '))).toEqual({ kind: 'select' });
		expect(cardKey(key('ArrowRight', { ctrlKey: true }))).toBeNull();
		expect(cardKey(key('x'))).toBeNull();
		expect(cardKey(key('4'))).toEqual({ kind: 'moveTo', status: 'done' });
		expect(cardKey(key('6'))).toBeNull();
		expect(cardKey(key('4', { altKey: true }))).toBeNull();
	});

	it('moves the focus across empty columns to the nearest row', () => {
		const columns = board();
		expect(locate(columns, 'b')).toEqual({ column: 0, row: 1 });
		expect(focusTarget(columns, { column: 0, row: 1 }, { column: 1, row: 0 })).toBe('c');
		expect(focusTarget(columns, { column: 2, row: 0 }, { column: -1, row: 0 })).toBe('a');
		expect(focusTarget(columns, { column: 0, row: 0 }, { column: 0, row: 1 })).toBe('b');
		expect(focusTarget(columns, { column: 0, row: 1 }, { column: 0, row: 1 })).toBeNull();
		expect(focusTarget(columns, { column: 2, row: 0 }, { column: 1, row: 0 })).toBeNull();
	});
});
