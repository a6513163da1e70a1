// Dates and times as protocol officers read them. Calendar dates ("YYYY-MM-DD") are never
// passed through `new Date(string)` (that would read them as UTC midnight and shift the day);
// instants (RFC 3339 UTC) are shown in an explicit IANA zone. Dates are written as the chosen
// language writes them (`formatTag()`, asked on every call so a change of language applies at
// once); times always use the 24-hour clock, as programmes do.
import { formatTag } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages';

function calendarDate(date: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return null;
	return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "2026-01-28" → "28 Jan 2026"; anything unparsable is shown as given. */
export function formatDate(date: string | null | undefined, weekday = false): string {
	if (!date) return '—';
	const d = calendarDate(date);
	if (!d) return date;
	return new Intl.DateTimeFormat(formatTag(), { ...SHORT_DATE, ...(weekday ? { weekday: 'short' } : {}) }).format(d);
}

const SHORT_DATE: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' };

/**
 * A visit's span, shortened as the language does it: "28–30 Jan 2026", "30 Jan – 2 Feb 2026",
 * "30 Dec 2025 – 2 Jan 2026" in British English, "28–30 янв. 2026 г." in Russian.
 */
export function formatDateRange(start: string | null, end: string | null): string {
	const a = start ? calendarDate(start) : null;
	const b = end ? calendarDate(end) : null;
	if (!a || !b) return formatDate(start ?? end);
	if (start === end) return formatDate(start);
	// A span that ends before it starts is shown as stored, not silently reordered.
	if (a > b) return `${formatDate(start)} – ${formatDate(end)}`;
	return new Intl.DateTimeFormat(formatTag(), SHORT_DATE).formatRange(a, b);
}

/**
 * A visit's dates. When its exact days are not known (`exactDatesUnknown`), its start and end
 * hold the range it falls in: whole months read as months ("November 2025", "November –
 * December 2025"), any other range says so ("From 3 Nov 2025 to 20 Nov 2025, exact dates
 * unknown").
 */
export function formatVisitDates(visit: {
	startDate: string;
	endDate: string;
	exactDatesUnknown?: boolean;
}): string {
	const { startDate: start, endDate: end } = visit;
	if (!visit.exactDatesUnknown) return formatDateRange(start, end);
	const a = calendarDate(start);
	const b = calendarDate(end);
	if (!a || !b) return formatDateRange(start, end);
	const lastOfMonth = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 0)).getUTCDate();
	if (a.getUTCDate() === 1 && b.getUTCDate() === lastOfMonth && a <= b) {
		const months = new Intl.DateTimeFormat(formatTag(), { timeZone: 'UTC', month: 'long', year: 'numeric' });
		const sameMonth = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
		return sameMonth ? months.format(a) : months.formatRange(a, b);
	}
	return m.common_dates_inexact({ start: formatDate(start), end: formatDate(end) });
}

/** A day heading for a programme: "Wednesday 28 January 2026". */
export function formatDayHeading(date: string): string {
	const d = calendarDate(date);
	if (!d) return date;
	return new Intl.DateTimeFormat(formatTag(), {
		timeZone: 'UTC',
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(d);
}

/** Wall time "YYYY-MM-DDTHH:MM" → "HH:MM" (no zone arithmetic: it already is local). */
export function wallTime(local: string | null | undefined): string {
	const m = /T(\d{2}:\d{2})/.exec(local ?? '');
	return m ? m[1] : '';
}

/** Wall time "YYYY-MM-DDTHH:MM" → its calendar day "YYYY-MM-DD". */
export function wallDay(local: string | null | undefined): string {
	return (local ?? '').slice(0, 10);
}

/** Wall time "YYYY-MM-DDTHH:MM" → "14 Sep, 10:00": a moment within a visit, so no year. */
export function formatWallDateTime(local: string | null | undefined): string {
	const day = calendarDate(wallDay(local));
	const time = /T(\d{2}):(\d{2})/.exec(local ?? '');
	if (!day || !time) return local ?? '';
	// The wall time is put on a UTC date and shown in UTC: no zone can shift it.
	day.setUTCHours(Number(time[1]), Number(time[2]));
	return new Intl.DateTimeFormat(formatTag(), {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(day);
}

/** An instant shown in `timeZone`: "28 Jan 2026, 14:30". Falls back to UTC for an unknown zone. */
export function formatInstant(iso: string | null | undefined, timeZone?: string): string {
	if (!iso) return '—';
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const opts: Intl.DateTimeFormatOptions = {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	};
	try {
		return new Intl.DateTimeFormat(formatTag(), { ...opts, timeZone }).format(d);
	} catch {
		return new Intl.DateTimeFormat(formatTag(), { ...opts, timeZone: 'UTC', timeZoneName: 'short' }).format(d);
	}
}

/** An instant's time of day in `timeZone`: "14:30". */
export function formatTime(iso: string, timeZone?: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return '';
	try {
		return new Intl.DateTimeFormat(formatTag(), {
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone
		}).format(d);
	} catch {
		return '';
	}
}

/** The zone's short name at an instant, e.g. "GMT+5" or "CET". */
export function zoneName(timeZone: string, at: string | Date = new Date()): string {
	try {
		const parts = new Intl.DateTimeFormat(formatTag(), { timeZone, timeZoneName: 'short' }).formatToParts(
			typeof at === 'string' ? new Date(at) : at
		);
		return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
	} catch {
		return timeZone;
	}
}

/** True when two zones show different wall times at `at` (so the user's own time is worth showing). */
export function zonesDiffer(a: string, b: string, at: string | Date = new Date()): boolean {
	if (a === b) return false;
	const d = typeof at === 'string' ? new Date(at) : at;
	return formatInstant(d.toISOString(), a) !== formatInstant(d.toISOString(), b);
}

/** Today's calendar date in `timeZone` as "YYYY-MM-DD". */
export function today(timeZone?: string, now: Date = new Date()): string {
	// Assembled from the parts rather than trusting a locale to print ISO order: what en-CA
	// prints has changed between ICU versions, and WebKit and Node ship different ones.
	const parts = new Intl.DateTimeFormat('en-US-u-nu-latn', { // i18n-exempt: a machine format, whatever the UI language
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(now);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number | null {
	const a = calendarDate(from);
	const b = calendarDate(to);
	if (!a || !b) return null;
	return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** A due date relative to today: "Due today", "Due in 3 days", "2 days overdue". */
export function formatDue(dueOn: string | null, todayDate: string): string {
	if (!dueOn) return m.common_due_none();
	const days = daysBetween(todayDate, dueOn);
	if (days === null) return dueOn;
	if (days === 0) return m.common_due_today();
	if (days === 1) return m.common_due_tomorrow();
	if (days > 1) return m.common_due_in_days({ count: days });
	return m.common_due_overdue_days({ count: -days });
}

// Where CLDR's week data cannot be read (an engine without `Intl.Locale` week info), the first
// day of the week for the languages the UI speaks, by tag then by language.
const FIRST_DAY_FALLBACK: Record<string, number> = {
	ru: 1,
	'en-us': 7,
	'en-gb': 1,
	'en-pk': 7,
	'en-in': 7,
	en: 7,
	ur: 7,
	'ur-pk': 7,
	'ur-in': 7
};

/** The first day of the week where `tag`'s conventions hold: 1 = Monday … 7 = Sunday. */
export function firstDayOfWeek(tag: string = formatTag()): number {
	try {
		const locale = new Intl.Locale(tag) as Intl.Locale & {
			getWeekInfo?: () => { firstDay: number };
			weekInfo?: { firstDay: number };
		};
		const firstDay = (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay;
		if (firstDay && firstDay >= 1 && firstDay <= 7) return firstDay;
	} catch {
		// An unreadable tag falls through to the table.
	}
	const lower = tag.toLowerCase().replaceAll('_', '-');
	return FIRST_DAY_FALLBACK[lower] ?? FIRST_DAY_FALLBACK[lower.split(/[-_]/)[0]] ?? 1;
}
