import { render, screen } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Participant, Visit } from '$lib/bindings';
import Participants from './Participants.svelte';

// The system's languages as the webview reports them: British conventions (day before month)
// for English, whatever machine the tests run on.
function systemLanguages(tags: string[] | null) {
	if (tags) Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
	else delete (navigator as { languages?: unknown }).languages;
}
beforeAll(() => systemLanguages(['en-GB', 'en']));
afterAll(() => systemLanguages(null));

describe('Participants', () => {
	it('shows check-in time in the visit’s zone and arrival and departure as wall time', () => {
		const visit = { id: 'v1', timeZone: 'Asia/Karachi' } as Visit;
		const participant = {
			id: 'p1',
			personId: 'x',
			personName: 'Albert P. Khorev',
			side: 'guest',
			role: 'member',
			rsvp: 'accepted',
			checkedInAt: '2026-01-28T05:30:00Z',
			arrivalLocal: '2026-01-27T22:15',
			departureLocal: '2026-01-30T07:00'
		} as Participant;
		render(Participants, { props: { visit, participants: [participant], onchanged: () => {} } });
		const row = screen.getByTestId('participant-row');
		expect(row.textContent).toContain('10:30');
		expect(row.textContent).toContain('27 Jan, 22:15');
		expect(row.textContent).toContain('30 Jan, 07:00');
	});

	it('shows a person’s name in both scripts, struck through when the person is deleted', () => {
		const visit = { id: 'v1', timeZone: 'Asia/Karachi' } as Visit;
		const participant = {
			id: 'p1',
			personId: 'x',
			personName: 'Albert P. Khorev',
			nativeName: 'Альберт Хорев',
			personDeleted: true,
			side: 'guest',
			role: 'member',
			rsvp: 'accepted'
		} as Participant;
		render(Participants, { props: { visit, participants: [participant], onchanged: () => {} } });
		const link = screen.getByTestId('participant-row').querySelector('a[href="/people/x"]');
		expect(link?.querySelector('s')?.textContent).toContain('Albert P. Khorev');
		expect(link?.querySelector('s')?.textContent).toContain('Альберт Хорев');
		expect(link?.closest('td')?.title).toBe('\u2068Albert P. Khorev\u2069 · \u2068Альберт Хорев\u2069');
	});

	it('titles the table with a visually hidden caption as well as its accessible name', () => {
		const visit = { id: 'v1', timeZone: 'Asia/Karachi' } as Visit;
		const participant = { id: 'p1', personId: 'x', personName: 'Albert P. Khorev', side: 'guest', role: 'member', rsvp: 'accepted' } as Participant;
		render(Participants, { props: { visit, participants: [participant], onchanged: () => {} } });
		const table = screen.getByRole('table', { name: 'Participants in order of precedence' });
		const caption = table.querySelector('caption');
		expect(caption?.textContent).toBe('Participants in order of precedence');
		expect(caption?.classList.contains('visually-hidden')).toBe(true);
	});
});
