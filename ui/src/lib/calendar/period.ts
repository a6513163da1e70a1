// How the period on screen is named, in the chosen language: "January 2026", "26 Jan – 1 Feb
// 2026", "Wednesday 28 January 2026"; and what the buttons that leave it say.
import { formatDateRange, formatDayHeading } from '$lib/format/dates';
import { formatTag } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages';
import type { CalendarView, DayRange } from './range';

export function periodTitle(view: CalendarView, date: string, range: DayRange): string {
	if (view === 'day') return formatDayHeading(date);
	if (view === 'week') return formatDateRange(range.first, range.last);
	const [year, month] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(formatTag(), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
		new Date(Date.UTC(year, month - 1, 1))
	);
}

export function stepLabel(view: CalendarView, direction: 1 | -1): string {
	if (view === 'month') return direction < 0 ? m.calendar_prev_month() : m.calendar_next_month();
	if (view === 'week') return direction < 0 ? m.calendar_prev_week() : m.calendar_next_week();
	return direction < 0 ? m.calendar_prev_day() : m.calendar_next_day();
}

export function viewLabel(view: CalendarView): string {
	if (view === 'month') return m.calendar_view_month();
	if (view === 'week') return m.calendar_view_week();
	return m.calendar_view_day();
}
