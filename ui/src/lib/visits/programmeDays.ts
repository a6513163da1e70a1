// The programme as the visit page shows it: only the days that have items, in order, each
// with its items by start time. Empty days are not listed (a visit planned over a month would
// otherwise be a long run of "nothing planned"); a gap between two days is counted instead.
import type { Engagement } from '$lib/bindings';
import { daysBetween, wallDay } from '$lib/format/dates';

export type ProgrammeDay = {
	/** "YYYY-MM-DD" in the visit's zone. */
	day: string;
	items: Engagement[];
	/** Days with nothing planned between the previous day shown and this one. */
	emptyDaysBefore: number;
};

export function programmeDays(engagements: Engagement[]): ProgrammeDay[] {
	const byDay = new Map<string, Engagement[]>();
	for (const e of engagements) {
		const day = wallDay(e.startsLocal);
		byDay.set(day, [...(byDay.get(day) ?? []), e]);
	}
	const days = [...byDay.keys()].sort();
	return days.map((day, index) => ({
		day,
		items: (byDay.get(day) ?? []).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
		emptyDaysBefore: index === 0 ? 0 : Math.max(0, (daysBetween(days[index - 1], day) ?? 1) - 1)
	}));
}
