// Which days the calendar screen shows, how its state is written in the address, and what it
// asks the core for. Days are "YYYY-MM-DD" calendar dates, moved on a UTC date so that no
// daylight-saving change shifts them; only the item query turns a day into a moment.
import type { EngagementQuery, VisitQuery, VisitStatus } from '$lib/bindings';
import { wallToInstant } from '$lib/visits/timeline/wallClock';

export type CalendarView = 'month' | 'week' | 'day';

export const VIEWS: readonly CalendarView[] = ['month', 'week', 'day'];

const STATUSES: readonly VisitStatus[] = ['draft', 'planned', 'confirmed', 'in_progress', 'completed', 'cancelled'];

/** The most the list commands give in one page. */
export const CALENDAR_PAGE_SIZE = 500;

/**
 * Days around the shown ones whose visits are loaded too, so that a visit's item outside its
 * dates (an arrival the evening before, or a day later in the user's zone than in the visit's)
 * still finds its visit when the items are filtered by the visits shown.
 */
export const VISIT_MARGIN_DAYS = 2;

export type CalendarState = {
	view: CalendarView;
	/** The day the view is on: any day of the month or week shown. */
	date: string;
	status: VisitStatus | null;
	organizationId: string | null;
};

/** First and last day shown, both included. */
export type DayRange = { first: string; last: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(day: string): Date {
	const m = DAY.exec(day);
	if (!m) throw new RangeError(day);
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** A real calendar day ("2026-02-30" is not one). */
export function isDay(value: string | null | undefined): value is string {
	if (!value || !DAY.test(value)) return false;
	return toDay(toDate(value)) === value;
}

/** "2026-01-31" + 1 → "2026-02-01". */
export function addDays(day: string, days: number): string {
	const d = toDate(day);
	d.setUTCDate(d.getUTCDate() + days);
	return toDay(d);
}

/** The same day of another month, kept within it: 31 January + 1 month → 28 February. */
export function addMonths(day: string, months: number): string {
	const d = toDate(day);
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return toDay(target);
}

/** 1 = Monday … 7 = Sunday (as `firstDayOfWeek` gives it) for a day. */
function isoWeekday(day: string): number {
	return toDate(day).getUTCDay() || 7;
}

/** The week's first day on or before `day`, weeks starting on `firstDay` (1 = Monday … 7 = Sunday). */
export function weekStart(day: string, firstDay: number): string {
	const back = (isoWeekday(day) - firstDay + 7) % 7;
	return addDays(day, -back);
}

/**
 * The days a view shows. A month is drawn in whole weeks, so it starts with the last days of
 * the month before and ends with the first of the month after (as event-calendar draws it:
 * only as many weeks as the month touches).
 */
export function visibleRange(view: CalendarView, date: string, firstDay: number): DayRange {
	if (view === 'day') return { first: date, last: date };
	if (view === 'week') {
		const first = weekStart(date, firstDay);
		return { first, last: addDays(first, 6) };
	}
	const monthFirst = `${date.slice(0, 7)}-01`;
	const nextMonth = addMonths(monthFirst, 1);
	// The first week start on or after the next month's first day ends the grid.
	const end = addDays(nextMonth, (firstDay - isoWeekday(nextMonth) + 7) % 7);
	return { first: weekStart(monthFirst, firstDay), last: addDays(end, -1) };
}

/** The day the previous (-1) or next (1) month, week or day is on. */
export function step(view: CalendarView, date: string, direction: 1 | -1): string {
	if (view === 'month') return addMonths(date, direction);
	return addDays(date, view === 'week' ? 7 * direction : direction);
}

/** The screen's state as the address holds it; anything missing or unreadable is the default. */
export function parseState(params: URLSearchParams, today: string): CalendarState {
	const view = params.get('view');
	const date = params.get('date');
	const status = params.get('status');
	const organizationId = params.get('organization')?.trim();
	return {
		view: VIEWS.includes(view as CalendarView) ? (view as CalendarView) : 'month',
		date: isDay(date) ? date : today,
		status: STATUSES.includes(status as VisitStatus) ? (status as VisitStatus) : null,
		organizationId: organizationId || null
	};
}

/** The address's query for a state: "?view=month&date=2026-01-28" and the filters that are set. */
export function stateSearch(state: CalendarState): string {
	const params = new URLSearchParams({ view: state.view, date: state.date });
	if (state.status) params.set('status', state.status);
	if (state.organizationId) params.set('organization', state.organizationId);
	return `?${params}`;
}

/** True when a filter narrows the visits (and so the items) shown. */
export function filtered(state: Pick<CalendarState, 'status' | 'organizationId'>): boolean {
	return !!state.status || !!state.organizationId;
}

/** The visits that overlap the range (and its margin), with the screen's filters. */
export function visitsQuery(range: DayRange, state: Pick<CalendarState, 'status' | 'organizationId'>): Partial<VisitQuery> {
	return {
		status: state.status,
		organizationId: state.organizationId,
		endsFrom: addDays(range.first, -VISIT_MARGIN_DAYS),
		startsBefore: addDays(range.last, 1 + VISIT_MARGIN_DAYS),
		pageSize: CALENDAR_PAGE_SIZE,
		sort: 'startDate'
	};
}

/**
 * The items starting within the range's days in the user's zone, from a day earlier so an item
 * across midnight into the first day is there too (items outside the range are dropped when
 * they are turned into events).
 */
export function engagementsQuery(range: DayRange, zone: string): Partial<EngagementQuery> {
	return {
		startsFrom: dayStartInstant(addDays(range.first, -1), zone),
		startsBefore: dayStartInstant(addDays(range.last, 1), zone),
		pageSize: CALENDAR_PAGE_SIZE,
		sort: 'startsAt'
	};
}

/** The UTC instant a day begins in `zone`: "2026-03-01", "Asia/Karachi" → "2026-02-28T19:00:00.000Z". */
export function dayStartInstant(day: string, zone: string): string {
	return (wallToInstant(`${day}T00:00`, zone) ?? toDate(day)).toISOString();
}
