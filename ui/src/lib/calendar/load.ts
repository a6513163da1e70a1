// What the calendar screen asks the core for one period: the visits that overlap it (with the
// filters) and the items starting in it; both at most a page of 500, with their full counts.
import type { Engagement, Visit } from '$lib/bindings';
import { engagements } from '$lib/api/engagements';
import { visits } from '$lib/api/visits';
import { engagementsQuery, visitsQuery, type CalendarState, type DayRange } from './range';

export type PeriodData = {
	visits: Visit[];
	visitTotal: number;
	/** The count stopped at the store's cap: there are more than `visitTotal`. */
	visitTotalCapped: boolean;
	items: Engagement[];
	itemTotal: number;
	itemTotalCapped: boolean;
};

export async function loadPeriod(range: DayRange, state: Pick<CalendarState, 'status' | 'organizationId'>, zone: string): Promise<PeriodData> {
	const [visitPage, itemPage] = await Promise.all([visits.list(visitsQuery(range, state)), engagements.list(engagementsQuery(range, zone))]);
	return {
		visits: visitPage.items,
		visitTotal: visitPage.total,
		visitTotalCapped: visitPage.totalCapped,
		items: itemPage.items,
		itemTotal: itemPage.total,
		itemTotalCapped: itemPage.totalCapped
	};
}
