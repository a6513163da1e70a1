// Dates and times as protocol officers read them. Calendar dates ("YYYY-MM-DD") are never
// passed through `new Date(string)` (that would read them as UTC midnight and shift the day);
// instants (RFC 3339 UTC) are shown in an explicit IANA zone. The locale is fixed to en-GB
// (day before month, 24-hour clock) until the UI is translated.
const LOCALE = 'en-GB';

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
	return new Intl.DateTimeFormat(LOCALE, {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		...(weekday ? { weekday: 'short' } : {})
	}).format(d);
}

/** A visit's span: "28–30 Jan 2026", "30 Jan – 2 Feb 2026", "30 Dec 2025 – 2 Jan 2026". */
export function formatDateRange(start: string | null, end: string | null): string {
	const a = start ? calendarDate(start) : null;
	const b = end ? calendarDate(end) : null;
	if (!a || !b) return formatDate(start ?? end);
	if (start === end) return formatDate(start);
	const part = (d: Date, opts: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', ...opts }).format(d);
	const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
	const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
	if (sameMonth) return `${a.getUTCDate()}–${formatDate(end)}`;
	if (sameYear) return `${part(a, { day: 'numeric', month: 'short' })} – ${formatDate(end)}`;
	return `${formatDate(start)} – ${formatDate(end)}`;
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
	const month = (d: Date, year: boolean) =>
		new Intl.DateTimeFormat(LOCALE, {
			timeZone: 'UTC',
			month: 'long',
			...(year ? { year: 'numeric' } : {})
		}).format(d);
	const lastOfMonth = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 0)).getUTCDate();
	if (a.getUTCDate() === 1 && b.getUTCDate() === lastOfMonth && a <= b) {
		const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
		if (sameYear && a.getUTCMonth() === b.getUTCMonth()) return month(a, true);
		return `${month(a, !sameYear)} – ${month(b, true)}`;
	}
	return `From ${formatDate(start)} to ${formatDate(end)}, exact dates unknown`;
}

/** A day heading for a programme: "Wednesday 28 January 2026". */
export function formatDayHeading(date: string): string {
	const d = calendarDate(date);
	if (!d) return date;
	return new Intl.DateTimeFormat(LOCALE, {
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
	const time = wallTime(local);
	if (!day || !time) return local ?? '';
	const date = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(day);
	return `${date}, ${time}`;
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
		return new Intl.DateTimeFormat(LOCALE, { ...opts, timeZone }).format(d);
	} catch {
		return new Intl.DateTimeFormat(LOCALE, { ...opts, timeZone: 'UTC' }).format(d) + ' UTC';
	}
}

/** An instant's time of day in `timeZone`: "14:30". */
export function formatTime(iso: string, timeZone?: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return '';
	try {
		return new Intl.DateTimeFormat(LOCALE, {
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
		const parts = new Intl.DateTimeFormat(LOCALE, { timeZone, timeZoneName: 'short' }).formatToParts(
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
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
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
	if (!dueOn) return 'No due date';
	const days = daysBetween(todayDate, dueOn);
	if (days === null) return dueOn;
	if (days === 0) return 'Due today';
	if (days === 1) return 'Due tomorrow';
	if (days > 1) return `Due in ${days} days`;
	return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}
