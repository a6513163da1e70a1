// Visits and programme items as calendar entries. Across visits the calendar speaks the user's
// own time: an item's UTC instants are turned into the user's wall-clock time here, and
// event-calendar is given those wall times without a zone, so it shows them as they are.
// Visits are whole days, from their first to their last day included.
import type { Engagement, Visit } from '$lib/bindings';
import { term, type Tone } from '$lib/domain/vocabulary';
import { addDays, type DayRange } from './range';

export type VisitEntry = { kind: 'visit'; eventId: string; href: string; visit: Visit; tone: Tone };
export type ItemEntry = {
	kind: 'item';
	eventId: string;
	href: string;
	item: Engagement;
	/** In the user's zone, "YYYY-MM-DDTHH:MM". */
	startsLocal: string;
	endsLocal: string;
	/** Its visit, when that is among the visits loaded. */
	visit: Visit | null;
	tone: Tone;
};
export type CalendarEntry = VisitEntry | ItemEntry;

/** What event-calendar is given for an entry (a subset of its `EventInput`). */
export type CalendarEvent = {
	id: string;
	start: string;
	end: string;
	allDay: boolean;
	title: string;
	classNames: string[];
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant's wall-clock time in `zone`: "2026-01-28T05:30:00.000Z", "Asia/Karachi" →
 * "2026-01-28T10:30". Null when the instant or the zone cannot be read.
 */
export function wallTimeIn(instant: string, zone: string): string | null {
	const at = new Date(instant);
	if (Number.isNaN(at.getTime())) return null;
	try {
		const parts = new Intl.DateTimeFormat('en-US', { // i18n-exempt: a fixed locale to read the numbers back
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		}).formatToParts(at);
		const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
		return `${get('year')}-${pad(get('month'))}-${pad(get('day'))}T${pad(get('hour') % 24)}:${pad(get('minute'))}`;
	} catch {
		return null;
	}
}

/**
 * The items to show: all of them, or (when a filter narrows the visits) only those of the
 * visits that pass it. Items carry no status or organization of their own; their visit's count.
 */
export function itemsOfVisits(items: Engagement[], visitIds: ReadonlySet<string> | null): Engagement[] {
	const live = items.filter((e) => !e.deletedAt && !e.belongsToDeleted);
	return visitIds ? live.filter((e) => visitIds.has(e.visitId)) : live;
}

/** A visit's entry: an all-day span; event-calendar takes the day after the last as its end. */
export function visitEntry(visit: Visit): VisitEntry {
	return { kind: 'visit', eventId: `visit:${visit.id}`, href: `/visits/${visit.id}`, visit, tone: term('visitStatus', visit.status).tone };
}

/** An item's entry in the user's zone, or null when its times cannot be read there. */
export function itemEntry(item: Engagement, zone: string, visit: Visit | null): ItemEntry | null {
	const startsLocal = wallTimeIn(item.startsAt, zone);
	const endsLocal = wallTimeIn(item.endsAt, zone);
	if (!startsLocal || !endsLocal) return null;
	return {
		kind: 'item',
		eventId: `item:${item.id}`,
		href: `/visits/${item.visitId}`,
		item,
		startsLocal,
		endsLocal,
		visit,
		tone: visit ? term('visitStatus', visit.status).tone : 'neutral'
	};
}

function toEvent(entry: CalendarEntry): CalendarEvent {
	if (entry.kind === 'visit') {
		const { visit } = entry;
		return {
			id: entry.eventId,
			start: visit.startDate,
			end: addDays(visit.endDate < visit.startDate ? visit.startDate : visit.endDate, 1),
			allDay: true,
			title: visit.title,
			classNames: ['visit', `tone-${entry.tone}`, `status-${visit.status}`, ...(visit.exactDatesUnknown ? ['inexact'] : [])]
		};
	}
	return {
		id: entry.eventId,
		start: entry.startsLocal,
		end: entry.endsLocal,
		allDay: false,
		title: entry.item.title,
		classNames: ['item', `tone-${entry.tone}`, ...(entry.visit ? [`status-${entry.visit.status}`] : [])]
	};
}

/** True when the wall-time span `[start, end)` touches one of the range's days. */
function overlaps(start: string, end: string, range: DayRange): boolean {
	const from = `${range.first}T00:00`;
	const until = `${addDays(range.last, 1)}T00:00`;
	return start < until && (end > from || (end === start && start >= from));
}

/**
 * Everything the calendar shows for the range: each visit, and each item (of those visits
 * when `filtered`) in the user's `zone`, with the events event-calendar draws and the entries
 * behind them by event id.
 */
export function calendarEntries(
	visits: Visit[],
	items: Engagement[],
	range: DayRange,
	zone: string,
	filtered: boolean
): { entries: Map<string, CalendarEntry>; events: CalendarEvent[] } {
	const live = visits.filter((v) => !v.deletedAt);
	const byId = new Map(live.map((v) => [v.id, v]));
	const entries = new Map<string, CalendarEntry>();
	for (const visit of live) {
		if (visit.startDate <= range.last && visit.endDate >= range.first) {
			const entry = visitEntry(visit);
			entries.set(entry.eventId, entry);
		}
	}
	for (const item of itemsOfVisits(items, filtered ? new Set(byId.keys()) : null)) {
		const entry = itemEntry(item, zone, byId.get(item.visitId) ?? null);
		if (entry && overlaps(entry.startsLocal, entry.endsLocal, range)) entries.set(entry.eventId, entry);
	}
	return { entries, events: [...entries.values()].map(toEvent) };
}
