// When a visit's start date moves, its programme can move with it (the core shifts every item,
// and every participant's arrival and departure, by the same number of days, keeping clock
// times). The visit form asks first; this is what it asks.
import { m } from '$lib/paraglide/messages';

/** What would move: programme items, and participants with an arrival or departure time. */
export type ProgrammeSize = { items: number; travellers: number };

/** The dialog's words, read each time they are shown so they follow the language. */
export const programmeMoveLabels = {
	get title() {
		return m.visits_move_title();
	},
	get move() {
		return m.visits_move_confirm();
	},
	get keep() {
		return m.visits_move_keep();
	}
};

/** Worth asking: the start date moved (by `days`) and something is planned on dated days. */
export function shouldAskToMove(size: ProgrammeSize, days: number | null): days is number {
	return !!days && (size.items > 0 || size.travellers > 0);
}

/** "The 5 programme items will move 3 days later, keeping their times." */
export function programmeMoveMessage(size: ProgrammeSize, days: number): string {
	const later = days > 0;
	const span = m.visits_move_days({ count: Math.abs(days) });
	if (size.items > 0 && size.travellers > 0) {
		const both = {
			items: m.visits_move_items_phrase({ count: size.items }),
			travellers: m.visits_move_travellers_phrase({ count: size.travellers }),
			days: span
		};
		return later ? m.visits_move_both_later(both) : m.visits_move_both_earlier(both);
	}
	if (size.travellers > 0) {
		const travellers = { count: size.travellers, days: span };
		return later ? m.visits_move_travellers_later(travellers) : m.visits_move_travellers_earlier(travellers);
	}
	const items = { count: size.items, days: span };
	return later ? m.visits_move_items_later(items) : m.visits_move_items_earlier(items);
}
