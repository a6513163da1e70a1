// Which days the timeline shows: the visit's, widened to any item planned outside them (an
// arrival the evening before), a page of at most a week side by side at a time.
import type { Engagement } from '$lib/bindings';
import { daysBetween, wallDay } from '$lib/format/dates';
import { addDays } from './wallClock';

/** Day columns on one page; more would be too narrow to read a title. */
export const DAYS_PER_PAGE = 7;

export type TimelinePage = {
	/** First day shown, "YYYY-MM-DD". */
	start: string;
	/** Last day shown, "YYYY-MM-DD". */
	end: string;
	/** Number of day columns. */
	days: number;
};

/** The first and last day to show. */
export function timelineSpan(
	visit: { startDate: string; endDate: string },
	engagements: Pick<Engagement, 'startsLocal' | 'endsLocal'>[]
): { first: string; last: string } {
	const days = [visit.startDate, visit.endDate, ...engagements.flatMap((e) => [wallDay(e.startsLocal), lastDay(e.endsLocal)])]
		.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
		.sort();
	return { first: days[0] ?? visit.startDate, last: days.at(-1) ?? visit.endDate };
}

// An item that ends at midnight ends on the day before.
function lastDay(endsLocal: string): string {
	const day = wallDay(endsLocal);
	return endsLocal.slice(11, 16) === '00:00' ? addDays(day, -1) : day;
}

/** The span cut into pages of `size` days; the last page may be shorter. */
export function timelinePages(span: { first: string; last: string }, size = DAYS_PER_PAGE): TimelinePage[] {
	const total = Math.max(1, (daysBetween(span.first, span.last) ?? 0) + 1);
	const pages: TimelinePage[] = [];
	for (let offset = 0; offset < total; offset += size) {
		const days = Math.min(size, total - offset);
		const start = addDays(span.first, offset);
		pages.push({ start, end: addDays(start, days - 1), days });
	}
	return pages;
}

/** The page showing `day`, or -1. */
export function pageOf(pages: TimelinePage[], day: string): number {
	return pages.findIndex((p) => p.start <= day && day <= p.end);
}
