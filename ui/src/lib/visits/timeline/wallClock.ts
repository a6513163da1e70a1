// Wall-clock times of a visit ("YYYY-MM-DDTHH:MM" in the visit's own zone) moved as plain
// calendar arithmetic: they are put on a UTC date, where no daylight-saving change can shift
// them, moved there and read back. Only `wallToInstant` asks what moment a wall time is.
import { formatTime } from '$lib/format/dates';

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

function toUtcMs(local: string): number | null {
	const m = WALL.exec(local);
	if (!m) return null;
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function fromUtcMs(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** "2026-09-14T23:30" + 45 → "2026-09-15T00:15"; an unreadable time is returned as given. */
export function addMinutes(local: string, minutes: number): string {
	const ms = toUtcMs(local);
	return ms === null ? local : fromUtcMs(ms + minutes * 60_000);
}

/** Minutes from `from` to `to` (both wall times); 0 when either cannot be read. */
export function minutesBetween(from: string, to: string): number {
	const a = toUtcMs(from);
	const b = toUtcMs(to);
	return a === null || b === null ? 0 : Math.round((b - a) / 60_000);
}

/** "2026-09-14" + 1 → "2026-09-15". */
export function addDays(day: string, days: number): string {
	return addMinutes(`${day}T00:00`, days * 1440).slice(0, 10);
}

/** The minute of the day of a wall time: "…T10:30" → 630. */
export function minuteOfDay(local: string): number {
	const m = WALL.exec(local);
	return m ? Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) : 0;
}

/** How far `zone`'s clocks are ahead of UTC at `at`, in minutes; null for an unknown zone. */
export function zoneOffsetMinutes(zone: string, at: Date): number | null {
	try {
		const parts = new Intl.DateTimeFormat('en-US', { // i18n-exempt: a fixed locale to read the numbers back
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		}).formatToParts(at);
		const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
		const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
		const seconds = Math.floor(at.getTime() / 1000) * 1000;
		return Math.round((asUtc - seconds) / 60_000);
	} catch {
		return null;
	}
}

/**
 * The moment a wall time in `zone` is (the core does this exactly when it saves; this is for
 * showing the user's own time beside the visit's). A wall time skipped by a daylight-saving
 * change resolves to a moment next to it. Null when the time or the zone cannot be read.
 */
export function wallToInstant(local: string, zone: string): Date | null {
	const guess = toUtcMs(local);
	if (guess === null) return null;
	const first = zoneOffsetMinutes(zone, new Date(guess));
	if (first === null) return null;
	const second = zoneOffsetMinutes(zone, new Date(guess - first * 60_000)) ?? first;
	return new Date(guess - second * 60_000);
}

/** The user's clock time ("08:00") when it is `local` in the visit's `zone`; "" when unknown. */
export function userClockTime(local: string, zone: string, userZone: string): string {
	const instant = wallToInstant(local, zone);
	return instant ? formatTime(instant.toISOString(), userZone) : '';
}

/** A UTC offset as event-calendar takes it: 330 → "+05:30", -240 → "-04:00". */
export function offsetOption(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
