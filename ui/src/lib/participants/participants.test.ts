import { describe, expect, it } from 'vitest';
import type { Participant } from '$lib/bindings';
import { checkInGroups, fold, matchesName } from './checkIn';
import { splitName } from './newPerson';
import { RowSelection } from './selection.svelte';

describe('splitName', () => {
	it('splits at the last space, the rest being the given name', () => {
		expect(splitName('Albert P. Khorev')).toEqual({ givenName: 'Albert P.', familyName: 'Khorev' });
		expect(splitName('  Muhammad   Ali  Khan ')).toEqual({ givenName: 'Muhammad Ali', familyName: 'Khan' });
		expect(splitName('Plato')).toEqual({ givenName: 'Plato', familyName: null });
	});
});

describe('check-in', () => {
	const p = (rsvp: Participant['rsvp'], checkedInAt: string | null, deletedAt: string | null = null) =>
		({ rsvp, checkedInAt, deletedAt, belongsToDeleted: false }) as Participant;

	it('counts the expected and who of them arrived, the declined apart', () => {
		const groups = checkInGroups([p('accepted', 'x'), p('invited', null), p('tentative', null), p('declined', null), p('accepted', 'x', 'deleted')]);
		expect(groups.expected).toHaveLength(3);
		expect(groups.declined).toHaveLength(1);
		expect(groups).toMatchObject({ arrived: 1, total: 3, waiting: 2 });
		// One who declined and came all the same counts among the arrived.
		expect(checkInGroups([p('accepted', null), p('declined', 'x')])).toMatchObject({ arrived: 1, total: 2, waiting: 1 });
	});

	it('finds names by every word typed, without case or accents, in either script', () => {
		const name = { personName: 'José Ramos-Horta', nativeName: 'Жозе Рамуш-Орта' };
		expect(fold('JOSÉ')).toBe('jose');
		expect(matchesName(name, 'jose')).toBe(true);
		expect(matchesName(name, 'horta jos')).toBe(true);
		expect(matchesName(name, 'рамуш')).toBe(true);
		expect(matchesName(name, 'horta smith')).toBe(false);
		expect(matchesName(name, '  ')).toBe(true);
	});
});

describe('RowSelection', () => {
	const order = ['a', 'b', 'c', 'd', 'e'];

	it('ticks one row, or a range from the last one clicked with Shift', () => {
		const s = new RowSelection();
		s.set('b', true, order);
		s.set('d', true, order, true);
		expect(s.among(order)).toEqual(['b', 'c', 'd']);
		s.set('a', true, order, true);
		expect(s.among(order)).toEqual(['a', 'b', 'c', 'd']);
		s.set('c', false, order, true);
		expect(s.among(order)).toEqual(['d']);
	});

	it('drops rows no longer listed and starts over after select all', () => {
		const s = new RowSelection();
		s.setAll(order, true);
		expect(s.among(['a', 'e', 'z'])).toEqual(['a', 'e']);
		// After select all there is no last row clicked: Shift-click ticks one.
		s.clear();
		s.set('c', true, order, true);
		expect(s.among(order)).toEqual(['c']);
	});
});
