import { describe, expect, it } from 'vitest';
import {
	addMonths,
	dayStartInstant,
	engagementsQuery,
	isDay,
	parseState,
	stateSearch,
	step,
	visibleRange,
	visitsQuery,
	weekStart
} from './range';

const MONDAY = 1;
const SUNDAY = 7;
const SATURDAY = 6;

describe('visibleRange', () => {
	it('draws a month in whole weeks, with the days of the months around it', () => {
		// January 2026 starts on a Thursday and ends on a Saturday.
		expect(visibleRange('month', '2026-01-28', MONDAY)).toEqual({ first: '2025-12-29', last: '2026-02-01' });
		expect(visibleRange('month', '2026-01-01', SUNDAY)).toEqual({ first: '2025-12-28', last: '2026-01-31' });
		expect(visibleRange('month', '2026-01-31', SATURDAY)).toEqual({ first: '2025-12-27', last: '2026-02-06' });
	});

	it('adds no week when the month starts or ends on a week boundary', () => {
		// February 2026 runs from a Sunday to a Saturday: four whole weeks from Sunday.
		expect(visibleRange('month', '2026-02-10', SUNDAY)).toEqual({ first: '2026-02-01', last: '2026-02-28' });
		// June 2026 starts on a Monday.
		expect(visibleRange('month', '2026-06-15', MONDAY)).toEqual({ first: '2026-06-01', last: '2026-07-05' });
		// A leap February.
		expect(visibleRange('month', '2028-02-29', MONDAY)).toEqual({ first: '2028-01-31', last: '2028-03-05' });
	});

	it('starts a week on the first day of the week of the language', () => {
		// 28 January 2026 is a Wednesday.
		expect(visibleRange('week', '2026-01-28', MONDAY)).toEqual({ first: '2026-01-26', last: '2026-02-01' });
		expect(visibleRange('week', '2026-01-28', SUNDAY)).toEqual({ first: '2026-01-25', last: '2026-01-31' });
		expect(visibleRange('week', '2026-01-28', SATURDAY)).toEqual({ first: '2026-01-24', last: '2026-01-30' });
		// The first day itself opens its own week; across a year's end.
		expect(visibleRange('week', '2026-01-25', SUNDAY)).toEqual({ first: '2026-01-25', last: '2026-01-31' });
		expect(visibleRange('week', '2026-01-01', MONDAY)).toEqual({ first: '2025-12-29', last: '2026-01-04' });
	});

	it('shows one day in the day view', () => {
		expect(visibleRange('day', '2026-01-28', MONDAY)).toEqual({ first: '2026-01-28', last: '2026-01-28' });
	});

	it('finds the week start for every weekday', () => {
		for (let d = 19; d <= 25; d++) expect(weekStart(`2026-01-${d}`, MONDAY)).toBe('2026-01-19');
	});
});

describe('step', () => {
	it('moves by a month (kept within the shorter month), a week or a day', () => {
		expect(step('month', '2026-01-31', 1)).toBe('2026-02-28');
		expect(step('month', '2026-01-15', -1)).toBe('2025-12-15');
		expect(step('week', '2026-01-28', 1)).toBe('2026-02-04');
		expect(step('day', '2026-03-01', -1)).toBe('2026-02-28');
		expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
	});
});

describe('the address', () => {
	it('reads the view, the day and the filters, falling back to the month of today', () => {
		const today = '2026-01-28';
		expect(parseState(new URLSearchParams(''), today)).toEqual({ view: 'month', date: today, status: null, organizationId: null });
		expect(parseState(new URLSearchParams('view=week&date=2026-03-02&status=confirmed&organization=o1'), today)).toEqual({
			view: 'week',
			date: '2026-03-02',
			status: 'confirmed',
			organizationId: 'o1'
		});
		expect(parseState(new URLSearchParams('view=year&date=2026-02-30&status=lost&organization='), today)).toEqual({
			view: 'month',
			date: today,
			status: null,
			organizationId: null
		});
	});

	it('writes the state back so that reading it gives the same state', () => {
		const state = { view: 'day', date: '2026-01-28', status: 'in_progress', organizationId: 'o1' } as const;
		expect(stateSearch(state)).toBe('?view=day&date=2026-01-28&status=in_progress&organization=o1');
		expect(parseState(new URLSearchParams(stateSearch(state)), '2020-01-01')).toEqual(state);
		expect(stateSearch({ view: 'month', date: '2026-01-28', status: null, organizationId: null })).toBe('?view=month&date=2026-01-28');
	});

	it('knows a real day', () => {
		expect(isDay('2026-01-28')).toBe(true);
		expect(isDay('2026-02-29')).toBe(false);
		expect(isDay('28.01.2026')).toBe(false);
		expect(isDay(null)).toBe(false);
	});
});

describe('queries', () => {
	const range = { first: '2025-12-29', last: '2026-02-01' };

	it('asks for the visits overlapping the days shown (and two around them), with the filters', () => {
		expect(visitsQuery(range, { status: 'confirmed', organizationId: 'o1' })).toEqual({
			status: 'confirmed',
			organizationId: 'o1',
			endsFrom: '2025-12-27',
			startsBefore: '2026-02-04',
			pageSize: 500,
			sort: 'startDate'
		});
	});

	it("asks for the items starting within the days shown in the user's zone, from the day before", () => {
		expect(engagementsQuery(range, 'Asia/Karachi')).toEqual({
			startsFrom: '2025-12-27T19:00:00.000Z',
			startsBefore: '2026-02-01T19:00:00.000Z',
			pageSize: 500,
			sort: 'startsAt'
		});
		expect(engagementsQuery({ first: '2026-03-01', last: '2026-03-01' }, 'UTC')).toEqual({
			startsFrom: '2026-02-28T00:00:00.000Z',
			startsBefore: '2026-03-02T00:00:00.000Z',
			pageSize: 500,
			sort: 'startsAt'
		});
	});

	it('finds where a day begins across a daylight-saving change', () => {
		// New York moves its clocks on 8 March 2026; the day still begins at local midnight.
		expect(dayStartInstant('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
		expect(dayStartInstant('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
	});
});
