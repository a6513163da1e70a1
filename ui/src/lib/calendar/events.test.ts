import { describe, expect, it } from 'vitest';
import type { Engagement, Visit } from '$lib/bindings';
import { calendarEntries, itemsOfVisits, wallTimeIn } from './events';

const visit = (id: string, more: Partial<Visit> = {}) =>
	({
		id,
		title: `Visit ${id}`,
		status: 'confirmed',
		timeZone: 'Asia/Karachi',
		startDate: '2026-01-27',
		endDate: '2026-01-29',
		exactDatesUnknown: false,
		deletedAt: null,
		...more
	}) as Visit;

const item = (id: string, visitId: string, startsAt: string, endsAt: string, more: Partial<Engagement> = {}) =>
	({ id, visitId, visitTitle: `Visit ${visitId}`, title: `Item ${id}`, kind: 'meeting', startsAt, endsAt, deletedAt: null, belongsToDeleted: false, ...more }) as Engagement;

const range = { first: '2026-01-26', last: '2026-02-01' };

describe('wallTimeIn', () => {
	it("gives an instant's wall time in a zone", () => {
		expect(wallTimeIn('2026-01-28T05:30:00.000Z', 'Asia/Karachi')).toBe('2026-01-28T10:30');
		expect(wallTimeIn('2026-01-28T05:30:00.000Z', 'America/New_York')).toBe('2026-01-28T00:30');
		expect(wallTimeIn('2026-01-28T19:00:00Z', 'Asia/Karachi')).toBe('2026-01-29T00:00');
		expect(wallTimeIn('2026-07-01T12:00:00Z', 'Europe/London')).toBe('2026-07-01T13:00');
	});

	it('gives nothing for an unreadable instant or zone', () => {
		expect(wallTimeIn('soon', 'UTC')).toBeNull();
		expect(wallTimeIn('2026-01-28T05:30:00Z', 'Mars/Olympus')).toBeNull();
	});
});

describe('itemsOfVisits', () => {
	const items = [item('a', 'v1', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z'), item('b', 'v2', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z')];

	it('keeps every item when no filter narrows the visits', () => {
		expect(itemsOfVisits(items, null).map((e) => e.id)).toEqual(['a', 'b']);
	});

	it('keeps only the items of the visits that passed the filters', () => {
		expect(itemsOfVisits(items, new Set(['v2'])).map((e) => e.id)).toEqual(['b']);
		expect(itemsOfVisits(items, new Set())).toEqual([]);
	});

	it('leaves out deleted items', () => {
		const deleted = [...items, item('c', 'v1', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z', { deletedAt: '2026-01-01T00:00:00Z' })];
		expect(itemsOfVisits(deleted, null).map((e) => e.id)).toEqual(['a', 'b']);
	});
});

describe('calendarEntries', () => {
	it('shows a visit as whole days from its first to its last, coloured by its status', () => {
		const { events, entries } = calendarEntries([visit('v1', { status: 'cancelled' })], [], range, 'Asia/Karachi', false);
		expect(events).toEqual([
			{
				id: 'visit:v1',
				start: '2026-01-27',
				end: '2026-01-30',
				allDay: true,
				title: 'Visit v1',
				classNames: ['visit', 'tone-danger', 'status-cancelled']
			}
		]);
		expect(entries.get('visit:v1')).toMatchObject({ kind: 'visit', href: '/visits/v1' });
	});

	it('marks a visit whose exact dates are unknown', () => {
		const { events } = calendarEntries([visit('v1', { exactDatesUnknown: true, startDate: '2026-01-01', endDate: '2026-01-31' })], [], range, 'UTC', false);
		expect(events[0].classNames).toContain('inexact');
	});

	it("shows an item at the user's own time, linked to its visit", () => {
		// 10:00–11:00 in Moscow is 12:00–13:00 in Karachi.
		const e = item('a', 'v1', '2026-01-28T07:00:00Z', '2026-01-28T08:00:00Z');
		const { events, entries } = calendarEntries([visit('v1')], [e], range, 'Asia/Karachi', false);
		expect(events[1]).toEqual({
			id: 'item:a',
			start: '2026-01-28T12:00',
			end: '2026-01-28T13:00',
			allDay: false,
			title: 'Item a',
			classNames: ['item', 'tone-success', 'status-confirmed']
		});
		expect(entries.get('item:a')).toMatchObject({ kind: 'item', href: '/visits/v1', startsLocal: '2026-01-28T12:00' });
		// The same item seen from New York.
		expect(calendarEntries([], [e], range, 'America/New_York', false).events[0]).toMatchObject({
			start: '2026-01-28T02:00',
			end: '2026-01-28T03:00',
			classNames: ['item', 'tone-neutral']
		});
	});

	it('keeps an item across midnight into the first day, and drops one that ends before it', () => {
		const across = item('a', 'v1', '2026-01-25T22:00:00Z', '2026-01-26T01:00:00Z');
		const before = item('b', 'v1', '2026-01-25T20:00:00Z', '2026-01-25T23:00:00Z');
		const after = item('c', 'v1', '2026-02-02T00:00:00Z', '2026-02-02T01:00:00Z');
		const { events } = calendarEntries([], [across, before, after], range, 'UTC', false);
		expect(events.map((e) => e.id)).toEqual(['item:a']);
	});

	it('filters items by the visits loaded only when a filter is on', () => {
		const items = [item('a', 'v1', '2026-01-28T07:00:00Z', '2026-01-28T08:00:00Z'), item('b', 'v9', '2026-01-28T07:00:00Z', '2026-01-28T08:00:00Z')];
		expect(calendarEntries([visit('v1')], items, range, 'UTC', true).events.map((e) => e.id)).toEqual(['visit:v1', 'item:a']);
		expect(calendarEntries([visit('v1')], items, range, 'UTC', false).events.map((e) => e.id)).toEqual(['visit:v1', 'item:a', 'item:b']);
	});

	it('leaves out a visit loaded only for its items (just outside the days shown)', () => {
		const outside = visit('v2', { startDate: '2026-02-02', endDate: '2026-02-03' });
		const early = item('a', 'v2', '2026-02-01T18:00:00Z', '2026-02-01T19:00:00Z');
		const { events } = calendarEntries([outside], [early], range, 'UTC', true);
		expect(events.map((e) => e.id)).toEqual(['item:a']);
	});
});
