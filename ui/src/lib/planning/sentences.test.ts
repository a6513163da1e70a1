import { afterEach, describe, expect, it } from 'vitest';
import type { Conflict } from '$lib/bindings';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import { conflictSentence, skipSentence } from './sentences';

afterEach(() => chooseLanguage('system'));

const item = { id: 'e1', visitId: 'v1', visitTitle: 'Sialkot', title: 'Tour', startsLocal: '2026-01-28T10:00', endsLocal: '2026-01-28T12:30', timeZone: 'Asia/Karachi', venueName: null };

function conflict(partial: Partial<Conflict>): Conflict {
	return {
		key: 'k',
		kind: 'personDoubleBooked',
		subject: { kind: 'person', id: 'p1', name: 'H.E. Albert P. Khorev', nativeName: 'Альберт Хорев' },
		first: item,
		second: { ...item, id: 'e2', title: 'Lunch' },
		minutesAvailable: null,
		minutesNeeded: null,
		acknowledgement: null,
		message: 'English',
		...partial
	};
}

describe('conflictSentence', () => {
	it('names who is booked twice', () => {
		const latinOnly = conflict({ subject: { kind: 'person', id: 'p1', name: 'H.E. Albert P. Khorev', nativeName: null } });
		expect(conflictSentence(latinOnly)).toBe('H.E. Albert P. Khorev is in two items at the same time.');
		expect(conflictSentence(conflict({}))).toContain('Альберт Хорев');
	});

	it('gives the minutes there are and the minutes the trip takes, in the chosen language', () => {
		chooseLanguage('ru');
		const travel = conflict({ kind: 'tooLittleTravelTime', minutesAvailable: 20, minutesNeeded: 30 });
		expect(conflictSentence(travel)).toMatch(/^\u2068Альберт Хорев\u2069 · \u2068H\.E\. Albert P\. Khorev\u2069: на дорогу до следующей площадки 20 мин, а ехать 30 мин\.$/);
	});

	it('needs no subject for an item outside the visit', () => {
		expect(conflictSentence(conflict({ kind: 'outsideVisitDates', subject: null, second: null }))).toBe("This item is outside the visit's dates.");
	});
});

describe('skipSentence', () => {
	it('says why an event was skipped, with the refusal in words', () => {
		expect(skipSentence({ kind: 'unknownTimeZone', zone: 'Mars/Olympus' })).toBe('unknown time zone Mars/Olympus');
		expect(skipSentence({ kind: 'refused', field: 'endsLocal', reason: { kind: 'beforeStart' } })).toBe('refused: The end is before the start.');
		chooseLanguage('ur');
		expect(skipSentence({ kind: 'recurring' })).toContain('Attaché');
	});
});
