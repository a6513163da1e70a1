import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Participant, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import Participants from './Participants.svelte';

const api = vi.hoisted(() => ({ setRsvp: vi.fn(), checkIn: vi.fn() }));
vi.mock('$lib/api/participants', async (original) => ({
	...(await original<typeof import('$lib/api/participants')>()),
	...api
}));

// The system's languages as the webview reports them: British conventions (day before month)
// for English, whatever machine the tests run on.
function systemLanguages(tags: string[] | null) {
	if (tags) Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
	else delete (navigator as { languages?: unknown }).languages;
}
beforeAll(() => systemLanguages(['en-GB', 'en']));
afterAll(() => systemLanguages(null));
afterEach(() => {
	api.setRsvp.mockReset();
	api.checkIn.mockReset();
	for (const t of toasts.items) toasts.dismiss(t.id);
	chooseLanguage('system');
});

const visit = { id: 'v1', timeZone: 'Asia/Karachi', deletedAt: null } as Visit;

function person(id: string, name: string, extra: Partial<Participant> = {}): Participant {
	return {
		id,
		personId: `person-${id}`,
		personName: name,
		nativeName: null,
		side: 'guest',
		role: 'member',
		rsvp: 'accepted',
		checkedInAt: null,
		deletedAt: null,
		belongsToDeleted: false,
		...extra
	} as Participant;
}

// In order of precedence, as the core sends them: one deleted, one who declined.
const delegation = [
	person('a', 'Albert P. Khorev', { role: 'head_of_delegation', nativeName: 'Альберт Хорев' }),
	person('b', 'Maria Ivanova', { checkedInAt: '2026-01-28T04:05:00Z' }),
	person('c', 'Sergei Petrov', { deletedAt: '2026-01-20T10:00:00Z' }),
	person('d', 'Olga Smirnova'),
	person('e', 'Ivan Kuznetsov', { rsvp: 'declined' })
];

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

describe('Participants: several answers at once', () => {
	it('ticks a range with Shift-click, skipping deleted rows, and sets one answer for them', async () => {
		api.setRsvp.mockResolvedValue(3);
		const onchanged = vi.fn();
		render(Participants, { props: { visit, participants: delegation, onchanged } });
		const boxes = screen.getAllByTestId('participant-select') as HTMLInputElement[];
		expect(boxes.map((b) => b.disabled)).toEqual([false, false, true, false, false]);
		expect(boxes[0].getAttribute('aria-label')).toBe('Select \u2068Albert P. Khorev\u2069');
		expect(screen.queryByTestId('bulk-rsvp')).toBeNull();

		await fireEvent.click(boxes[0]);
		await fireEvent.click(boxes[3], { shiftKey: true });
		expect(boxes.map((b) => b.checked)).toEqual([true, true, false, true, false]);
		const bar = screen.getByTestId('bulk-rsvp');
		expect(within(bar).getByTestId('bulk-rsvp-count').textContent).toBe('3 participants selected');
		const all = screen.getByTestId('participant-select-all') as HTMLInputElement;
		expect(all.indeterminate).toBe(true);

		await fireEvent.change(screen.getByLabelText('New answer'), { target: { value: 'declined' } });
		await fireEvent.click(screen.getByTestId('bulk-rsvp-apply'));
		expect(api.setRsvp).toHaveBeenCalledWith(['a', 'b', 'd'], 'declined');
		await waitFor(() => expect(onchanged).toHaveBeenCalledOnce());
		expect(toasts.items.at(-1)?.message).toBe('Answer “\u2068Declined\u2069” set for 3 participants');
		// Done: the selection is cleared for the next change.
		expect(screen.queryByTestId('bulk-rsvp')).toBeNull();
		expect(boxes.some((b) => b.checked)).toBe(false);
	});

	it('selects every live participant at once, and a Shift-click can untick a range', async () => {
		render(Participants, { props: { visit, participants: delegation, onchanged: () => {} } });
		const all = screen.getByTestId('participant-select-all') as HTMLInputElement;
		await fireEvent.click(all);
		const boxes = screen.getAllByTestId('participant-select') as HTMLInputElement[];
		expect(boxes.map((b) => b.checked)).toEqual([true, true, false, true, true]);
		expect(all.checked).toBe(true);
		expect(all.indeterminate).toBe(false);

		await fireEvent.click(boxes[1]);
		await fireEvent.click(boxes[4], { shiftKey: true });
		expect(boxes.map((b) => b.checked)).toEqual([true, false, false, false, false]);
		expect(screen.getByTestId('bulk-rsvp-count').textContent).toBe('1 participant selected');
	});

	it('keeps the selection when the answer is refused, and says why', async () => {
		api.setRsvp.mockRejectedValue({ code: 'unexpected', message: 'Refused', field: null });
		const onchanged = vi.fn();
		render(Participants, { props: { visit, participants: delegation, onchanged } });
		await fireEvent.click(screen.getByTestId('participant-select-all'));
		await fireEvent.click(screen.getByTestId('bulk-rsvp-apply'));
		expect(api.setRsvp).toHaveBeenCalledWith(['a', 'b', 'd', 'e'], 'accepted');
		await waitFor(() => expect(toasts.items.at(-1)?.tone).toBe('error'));
		expect(onchanged).not.toHaveBeenCalled();
		expect(screen.getByTestId('bulk-rsvp')).toBeTruthy();
	});
});

describe('Participants: check-in', () => {
	async function openCheckIn(participants = delegation, onchanged = vi.fn()) {
		render(Participants, { props: { visit, participants, onchanged } });
		await fireEvent.click(screen.getByTestId('checkin-mode'));
		return onchanged;
	}
	const toggles = () => screen.getAllByTestId('checkin-toggle') as HTMLButtonElement[];
	const names = () => toggles().map((t) => t.querySelector('.name')?.textContent?.trim());

	it('lists the expected in order of precedence, the declined apart, and counts arrivals', async () => {
		await openCheckIn();
		expect(screen.getByTestId('checkin-mode').getAttribute('aria-pressed')).toBe('true');
		expect(names()).toEqual(['Albert P. KhorevАльберт Хорев', 'Maria Ivanova', 'Olga Smirnova', 'Ivan Kuznetsov']);
		expect(within(screen.getByTestId('checkin-declined')).getAllByTestId('checkin-toggle')).toHaveLength(1);
		expect(screen.getByTestId('checkin-count').textContent).toContain('1 of 3 arrived');
		expect(screen.getByTestId('checkin-count').textContent).toContain('2 still expected');
		// Maria checked in at 04:05 UTC: 09:05 in Karachi, the visit's zone.
		expect(toggles()[1].getAttribute('aria-pressed')).toBe('true');
		expect(toggles()[1].textContent).toContain('Arrived \u206809:05\u2069');
		expect(toggles()[0].getAttribute('aria-pressed')).toBe('false');
		expect(toggles()[0].textContent).toContain('Expected');
	});

	it('toggles a person with the command, and the counts follow at once', async () => {
		api.checkIn.mockResolvedValueOnce(person('a', 'Albert P. Khorev', { checkedInAt: '2026-01-28T05:30:00Z' }));
		const onchanged = await openCheckIn();
		await fireEvent.click(toggles()[0]);
		expect(api.checkIn).toHaveBeenCalledWith('a', true);
		await waitFor(() => expect(screen.getByTestId('checkin-count').textContent).toContain('2 of 3 arrived'));
		expect(toggles()[0].getAttribute('aria-pressed')).toBe('true');
		expect(toggles()[0].textContent).toContain('10:30');
		expect(onchanged).toHaveBeenCalledOnce();

		api.checkIn.mockResolvedValueOnce(person('b', 'Maria Ivanova', { checkedInAt: null }));
		await fireEvent.click(toggles()[1]);
		expect(api.checkIn).toHaveBeenLastCalledWith('b', false);
		await waitFor(() => expect(screen.getByTestId('checkin-count').textContent).toContain('1 of 3 arrived'));
	});

	it('counts a declined person who comes all the same', async () => {
		api.checkIn.mockResolvedValueOnce(person('e', 'Ivan Kuznetsov', { rsvp: 'declined', checkedInAt: '2026-01-28T06:00:00Z' }));
		await openCheckIn();
		await fireEvent.click(toggles()[3]);
		expect(api.checkIn).toHaveBeenCalledWith('e', true);
		await waitFor(() => expect(screen.getByTestId('checkin-count').textContent).toContain('2 of 4 arrived'));
	});

	it('moves with ↑ and ↓ and toggles the focused person with Space or Enter', async () => {
		api.checkIn.mockImplementation(async (id: string, on: boolean) => person(id, id, { checkedInAt: on ? '2026-01-28T05:00:00Z' : null }));
		await openCheckIn();
		// One Tab stop for the list: the first person.
		expect(toggles().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
		toggles()[0].focus();
		await fireEvent.keyDown(toggles()[0], { key: 'ArrowDown' });
		expect(document.activeElement).toBe(toggles()[1]);
		await fireEvent.keyDown(toggles()[1], { key: 'ArrowDown' });
		expect(document.activeElement).toBe(toggles()[2]);
		expect(toggles().map((t) => t.tabIndex)).toEqual([-1, -1, 0, -1]);
		await fireEvent.keyDown(toggles()[2], { key: ' ' });
		expect(api.checkIn).toHaveBeenLastCalledWith('d', true);
		await waitFor(() => expect(toggles()[2].getAttribute('aria-pressed')).toBe('true'));

		await fireEvent.keyDown(toggles()[2], { key: 'ArrowUp' });
		expect(document.activeElement).toBe(toggles()[1]);
		await fireEvent.keyDown(toggles()[1], { key: 'Enter' });
		expect(api.checkIn).toHaveBeenLastCalledWith('b', false);
		await waitFor(() => expect(screen.getByTestId('checkin-count').textContent).toContain('1 of 3 arrived'));
		// A held key does not flip the person back and forth.
		await fireEvent.keyDown(toggles()[1], { key: 'Enter', repeat: true });
		expect(api.checkIn).toHaveBeenCalledTimes(2);
	});

	it('finds a person as the name is typed, in either script, and Enter checks in the one match', async () => {
		api.checkIn.mockResolvedValueOnce(person('a', 'Albert P. Khorev', { checkedInAt: '2026-01-28T05:30:00Z' }));
		await openCheckIn();
		const filter = screen.getByLabelText('Find a person');
		await fireEvent.input(filter, { target: { value: 'OVA' } });
		expect(names()).toEqual(['Maria Ivanova', 'Olga Smirnova']);
		await fireEvent.input(filter, { target: { value: 'iv ma' } });
		expect(names()).toEqual(['Maria Ivanova']);
		await fireEvent.input(filter, { target: { value: 'хорев' } });
		expect(names()).toEqual(['Albert P. KhorevАльберт Хорев']);
		await fireEvent.keyDown(filter, { key: 'Enter' });
		expect(api.checkIn).toHaveBeenCalledWith('a', true);
		await fireEvent.input(filter, { target: { value: 'nobody' } });
		expect(screen.queryAllByTestId('checkin-toggle')).toHaveLength(0);
		expect(screen.getByRole('status').textContent).toBe('Nobody here matches “\u2068nobody\u2069”.');
	});

	it('says the counts with Russian plurals', async () => {
		chooseLanguage('ru');
		const group = (arrived: number, total: number) =>
			Array.from({ length: total }, (_, i) => person(`p${i}`, `Person ${i}`, { checkedInAt: i < arrived ? '2026-01-28T05:00:00Z' : null }));
		const cases: [number, number, string, string][] = [
			[12, 21, 'Прибыли 12 участников из 21', 'Ожидаются ещё 9 участников'],
			[21, 30, 'Прибыл 21 участник из 30', 'Ожидаются ещё 9 участников'],
			[3, 4, 'Прибыли 3 участника из 4', 'Ожидается ещё 1 участник']
		];
		for (const [arrived, total, count, waiting] of cases) {
			const { unmount } = render(Participants, { props: { visit, participants: group(arrived, total), onchanged: () => {} } });
			await fireEvent.click(screen.getByTestId('checkin-mode'));
			expect(screen.getByTestId('checkin-count').textContent).toContain(count);
			expect(screen.getByTestId('checkin-count').textContent).toContain(waiting);
			unmount();
		}
	});
});
