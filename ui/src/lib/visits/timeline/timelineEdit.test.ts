import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engagement } from '$lib/bindings';
import {
	clickPrefill,
	commandSpan,
	duplicateInput,
	formatWallSpan,
	rescheduledInput,
	selectionPrefill,
	shiftedSpan,
	timelineCommand
} from './timelineEdit';

beforeAll(() => Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true }));
afterAll(() => delete (navigator as { languages?: unknown }).languages);

const key = (k: string, more: Partial<KeyboardEvent> = {}) => ({
	key: k,
	altKey: false,
	shiftKey: false,
	ctrlKey: false,
	metaKey: false,
	...more
});

const item = {
	id: 'e1',
	visitId: 'v1',
	title: 'Meeting at the chamber',
	kind: 'meeting',
	startsLocal: '2026-09-14T10:00',
	endsLocal: '2026-09-14T11:30',
	startsAt: '2026-09-14T07:00:00.000Z',
	endsAt: '2026-09-14T08:30:00.000Z',
	venueId: 'venue1',
	responsiblePersonId: 'p1',
	vehicleId: 'car1',
	securityNotes: 'Escort from the gate',
	notes: 'Interpreter needed',
	attendeeIds: ['p2', 'p3']
} as unknown as Engagement;

describe('keys on a focused item', () => {
	it('moves by a quarter of an hour with Alt+Up/Down', () => {
		expect(timelineCommand(key('ArrowDown', { altKey: true }))).toEqual({ kind: 'move', minutes: 15 });
		expect(timelineCommand(key('ArrowUp', { altKey: true }))).toEqual({ kind: 'move', minutes: -15 });
	});

	it('moves by a day with Alt+Left/Right, mirrored right to left', () => {
		expect(timelineCommand(key('ArrowRight', { altKey: true }))).toEqual({ kind: 'move', minutes: 1440 });
		expect(timelineCommand(key('ArrowLeft', { altKey: true }))).toEqual({ kind: 'move', minutes: -1440 });
		expect(timelineCommand(key('ArrowRight', { altKey: true }), 'rtl')).toEqual({ kind: 'move', minutes: -1440 });
		expect(timelineCommand(key('ArrowLeft', { altKey: true }), 'rtl')).toEqual({ kind: 'move', minutes: 1440 });
	});

	it('moves the end with Alt+Shift+Up/Down', () => {
		expect(timelineCommand(key('ArrowDown', { altKey: true, shiftKey: true }))).toEqual({ kind: 'resize', minutes: 15 });
		expect(timelineCommand(key('ArrowUp', { altKey: true, shiftKey: true }))).toEqual({ kind: 'resize', minutes: -15 });
		expect(timelineCommand(key('ArrowLeft', { altKey: true, shiftKey: true }))).toBeNull();
	});

	it('deletes with Delete and duplicates with Ctrl/Cmd+D', () => {
		expect(timelineCommand(key('Delete'))).toEqual({ kind: 'delete' });
		expect(timelineCommand(key('d', { ctrlKey: true }))).toEqual({ kind: 'duplicate' });
		expect(timelineCommand(key('D', { metaKey: true }))).toEqual({ kind: 'duplicate' });
		expect(timelineCommand(key('d', { ctrlKey: true, shiftKey: true }))).toBeNull();
	});

	it('leaves every other key alone', () => {
		expect(timelineCommand(key('ArrowDown'))).toBeNull();
		expect(timelineCommand(key('ArrowDown', { altKey: true, ctrlKey: true }))).toBeNull();
		expect(timelineCommand(key('d'))).toBeNull();
		expect(timelineCommand(key('Enter'))).toBeNull();
		expect(timelineCommand(key('Delete', { ctrlKey: true }))).toBeNull();
	});
});

describe('new wall-clock times', () => {
	it('moves start and end together, across midnight too', () => {
		expect(commandSpan(item, { kind: 'move', minutes: 15 })).toEqual({ startsLocal: '2026-09-14T10:15', endsLocal: '2026-09-14T11:45' });
		expect(commandSpan(item, { kind: 'move', minutes: -1440 })).toEqual({ startsLocal: '2026-09-13T10:00', endsLocal: '2026-09-13T11:30' });
		const late = { startsLocal: '2026-09-14T23:30', endsLocal: '2026-09-14T23:50' };
		expect(commandSpan(late, { kind: 'move', minutes: 15 })).toEqual({ startsLocal: '2026-09-14T23:45', endsLocal: '2026-09-15T00:05' });
	});

	it('resizes the end, never below a quarter of an hour', () => {
		expect(commandSpan(item, { kind: 'resize', minutes: 15 })).toEqual({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T11:45' });
		const short = { startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T10:20' };
		expect(commandSpan(short, { kind: 'resize', minutes: -15 })).toEqual({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T10:15' });
		expect(commandSpan({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T10:15' }, { kind: 'resize', minutes: -15 })).toBeNull();
		expect(commandSpan(item, { kind: 'delete' })).toBeNull();
	});

	it("applies a drag's and a resize's deltas to the item's own wall times", () => {
		expect(shiftedSpan(item, { seconds: 5400 }, { seconds: 5400 })).toEqual({ startsLocal: '2026-09-14T11:30', endsLocal: '2026-09-14T13:00' });
		expect(shiftedSpan(item, { days: 1, seconds: -3600 }, { days: 1, seconds: -3600 })).toEqual({
			startsLocal: '2026-09-15T09:00',
			endsLocal: '2026-09-15T10:30'
		});
		expect(shiftedSpan(item, { seconds: 0 }, { seconds: 900 })).toEqual({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T11:45' });
		expect(shiftedSpan(item, undefined, { seconds: -1800 })).toEqual({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T11:00' });
	});

	it('keeps every other field of the item when it is rescheduled', () => {
		expect(rescheduledInput(item, { startsLocal: '2026-09-15T09:00', endsLocal: '2026-09-15T10:00' })).toEqual({
			visitId: 'v1',
			title: 'Meeting at the chamber',
			kind: 'meeting',
			startsLocal: '2026-09-15T09:00',
			endsLocal: '2026-09-15T10:00',
			venueId: 'venue1',
			responsiblePersonId: 'p1',
			vehicleId: 'car1',
			securityNotes: 'Escort from the gate',
			notes: 'Interpreter needed',
			attendeeIds: ['p2', 'p3']
		});
	});
});

describe('the form after a drag on empty time', () => {
	it('starts on the day and time dragged over and ends where the drag ended', () => {
		expect(selectionPrefill('2026-09-14T10:00:00', '2026-09-14T11:30:00')).toEqual({ day: '2026-09-14', start: '10:00', end: '2026-09-14T11:30' });
		expect(selectionPrefill('2026-09-14T22:30:00', '2026-09-15T00:00:00')).toEqual({ day: '2026-09-14', start: '22:30', end: '2026-09-15T00:00' });
	});

	it('gives a click (or a too short drag) an hour', () => {
		expect(clickPrefill('2026-09-14T14:15:00')).toEqual({ day: '2026-09-14', start: '14:15', end: '2026-09-14T15:15' });
		expect(selectionPrefill('2026-09-14T14:15:00', '2026-09-14T14:20:00').end).toBe('2026-09-14T15:15');
	});
});

describe('duplicating', () => {
	it('copies the item to start where it ends, as long, with everything else the same', () => {
		const copy = duplicateInput(item);
		expect(copy).toEqual({ ...rescheduledInput(item, { startsLocal: '2026-09-14T11:30', endsLocal: '2026-09-14T13:00' }) });
		expect(copy.attendeeIds).not.toBe(item.attendeeIds);
	});
});

describe('notices', () => {
	it('read a span as date, start and end', () => {
		expect(formatWallSpan({ startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T11:30' })).toMatch(/^14 Sept?, 10:00–11:30$/);
	});
});
