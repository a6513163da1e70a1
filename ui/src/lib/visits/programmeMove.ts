// When a visit's start date moves, its programme can move with it (the core shifts every item,
// and every participant's arrival and departure, by the same number of days, keeping clock
// times). The visit form asks first; this is what it asks.

/** What would move: programme items, and participants with an arrival or departure time. */
export type ProgrammeSize = { items: number; travellers: number };

export const programmeMoveLabels = {
	title: 'Move the programme too?',
	move: 'Move programme',
	keep: 'Keep programme where it is'
} as const;

/** Worth asking: the start date moved (by `days`) and something is planned on dated days. */
export function shouldAskToMove(size: ProgrammeSize, days: number | null): days is number {
	return !!days && (size.items > 0 || size.travellers > 0);
}

/** "The 5 programme items will move 3 days later, keeping their times." */
export function programmeMoveMessage(size: ProgrammeSize, days: number): string {
	const parts = [
		size.items === 1 ? 'the programme item' : size.items > 1 ? `the ${size.items} programme items` : null,
		size.travellers === 1
			? 'the arrival and departure of one participant'
			: size.travellers > 1
				? `the arrival and departure of ${size.travellers} participants`
				: null
	].filter(Boolean);
	const subject = parts.join(' and ');
	const span = Math.abs(days) === 1 ? '1 day' : `${Math.abs(days)} days`;
	const times = size.items === 1 && !size.travellers ? 'its time' : 'their times';
	return `${subject.charAt(0).toUpperCase()}${subject.slice(1)} will move ${span} ${days > 0 ? 'later' : 'earlier'}, keeping ${times}.`;
}
