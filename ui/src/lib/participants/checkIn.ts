// The day's check-in: who is expected, who declined, how many have arrived, and finding a
// person by name as it is typed at the door.
import type { Participant } from '$lib/bindings';
import { isDeleted } from '$lib/domain/deletion';

/** Lower case without accents, so "khorev" finds "Khorev" and "jose" finds "José". */
export function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** True when every word typed appears in the person's name, in either of its scripts. */
export function matchesName(p: Pick<Participant, 'personName' | 'nativeName'>, query: string): boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const name = fold(`${p.personName} ${p.nativeName ?? ''}`);
	return words.every((word) => name.includes(word));
}

export type CheckInGroups<P> = {
	/** Taking part and not declined, in the order given (the order of precedence). */
	expected: P[];
	/** Declined: listed apart, in case one of them comes after all. */
	declined: P[];
	arrived: number;
	/** The expected, and any who declined but came all the same. */
	total: number;
	/** Expected and not arrived yet. */
	waiting: number;
};

export function checkInGroups<P extends Pick<Participant, 'rsvp' | 'checkedInAt' | 'deletedAt' | 'belongsToDeleted'>>(
	participants: readonly P[]
): CheckInGroups<P> {
	const live = participants.filter((p) => !isDeleted(p));
	const expected = live.filter((p) => p.rsvp !== 'declined');
	const declined = live.filter((p) => p.rsvp === 'declined');
	const arrived = live.filter((p) => p.checkedInAt).length;
	const waiting = expected.filter((p) => !p.checkedInAt).length;
	return { expected, declined, arrived, total: arrived + waiting, waiting };
}
