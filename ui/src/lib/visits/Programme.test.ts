import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engagement, EngagementInput, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import Programme from './Programme.svelte';

const create = vi.hoisted(() => vi.fn());
vi.mock('$lib/api/engagements', async (original) => {
	const actual = await original<typeof import('$lib/api/engagements')>();
	return { ...actual, engagements: { ...actual.engagements, create } };
});

// The timeline's calendar needs the browser's observers, which jsdom lacks.
class Observer {
	observe() {}
	unobserve() {}
	disconnect() {}
}
beforeAll(() => {
	vi.stubGlobal('ResizeObserver', Observer);
	vi.stubGlobal('IntersectionObserver', Observer);
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	localStorage.clear();
	create.mockReset();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

/** The list view, as a user who chose it last time. */
function chooseList() {
	localStorage.setItem('attache.programmeView', 'list');
}

// The system's languages as the webview reports them: British conventions (day before month)
// for English, whatever machine the tests run on.
function systemLanguages(tags: string[] | null) {
	if (tags) Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
	else delete (navigator as { languages?: unknown }).languages;
}
beforeAll(() => systemLanguages(['en-GB', 'en']));
afterAll(() => systemLanguages(null));

const visit = (more: Partial<Visit> = {}) =>
	({
		id: 'v1',
		timeZone: 'Europe/Moscow',
		startDate: '2026-09-01',
		endDate: '2026-09-30',
		exactDatesUnknown: false,
		...more
	}) as Visit;

const item = (id: string, day: string, more: Partial<Engagement> = {}) =>
	({
		id,
		title: `Item ${id}`,
		kind: 'meeting',
		startsLocal: `${day}T10:00`,
		endsLocal: `${day}T11:00`,
		startsAt: `${day}T07:00:00.000Z`,
		endsAt: `${day}T08:00:00.000Z`,
		attendeeIds: [],
		deletedAt: null,
		belongsToDeleted: false,
		...more
	}) as Engagement;

function days() {
	return [...document.querySelectorAll('section.day')].map((s) => s.getAttribute('aria-label'));
}

describe('Programme', () => {
	it('shows only the days that have items, however long the visit', () => {
		chooseList();
		render(Programme, {
			props: { visit: visit(), engagements: [item('a', '2026-09-14'), item('b', '2026-09-20')], onchanged: () => {} }
		});
		expect(days()).toEqual([
			expect.stringMatching(/^Monday,? 14 September 2026$/),
			expect.stringMatching(/^Sunday,? 20 September 2026$/)
		]);
		expect(document.body.textContent).toContain('5 days with nothing planned');
		expect(document.body.textContent).not.toContain('Nothing planned yet');
	});

	it('says a visit known only by its month is not planned day by day, and lists its items', () => {
		render(Programme, {
			props: { visit: visit({ exactDatesUnknown: true }), engagements: [item('a', '2026-09-14')], onchanged: () => {} }
		});
		expect(screen.getByTestId('dates-unknown-note').textContent).toMatch(/exact dates of this visit are not known/);
		expect(screen.getAllByTestId('engagement-row')).toHaveLength(1);
	});

	it('marks an item deleted with its visit, strikes a deleted venue and offers no edits', () => {
		const engagements = [
			item('a', '2026-09-14', { belongsToDeleted: true, venueName: 'Kazan Expo', venueDeleted: true })
		];
		chooseList();
		render(Programme, { props: { visit: visit({ deletedAt: '2026-09-01T00:00:00.000Z' }), engagements, onchanged: () => {} } });
		const row = screen.getByTestId('engagement-row');
		expect(row.dataset.deleted).toBe('true');
		expect(row.textContent).toContain('Deleted with the visit');
		expect(row.querySelector('s')?.textContent).toBe('Kazan Expo');
		expect(row.querySelector('[data-testid="edit-engagement"]')).toBeNull();
	});

	it('opens a dated visit as the timeline, switches to the list and remembers the choice', async () => {
		const props = { visit: visit({ endDate: '2026-09-03' }), engagements: [item('a', '2026-09-02')], onchanged: () => {} };
		const first = render(Programme, { props });
		await tick();
		expect(screen.getByTestId('programme-timeline')).toBeTruthy();
		expect(screen.getAllByTestId('timeline-item')).toHaveLength(1);
		expect(screen.queryByTestId('engagement-row')).toBeNull();
		expect(screen.getByTestId('programme-view-timeline').getAttribute('aria-pressed')).toBe('true');

		await fireEvent.click(screen.getByTestId('programme-view-list'));
		expect(screen.queryByTestId('programme-timeline')).toBeNull();
		expect(screen.getAllByTestId('engagement-row')).toHaveLength(1);
		expect(screen.getByTestId('programme-view-list').getAttribute('aria-pressed')).toBe('true');
		expect(localStorage.getItem('attache.programmeView')).toBe('list');

		// Another visit, another day: the list again.
		first.unmount();
		render(Programme, { props });
		expect(screen.getAllByTestId('engagement-row')).toHaveLength(1);
		await fireEvent.click(screen.getByTestId('programme-view-timeline'));
		expect(screen.getByTestId('programme-timeline')).toBeTruthy();
		expect(localStorage.getItem('attache.programmeView')).toBe('timeline');
	});

	it('duplicates an item from its edit form, starting where it ends', async () => {
		chooseList();
		const a = item('a', '2026-09-14', { visitId: 'v1', notes: 'Gifts', attendeeIds: ['p1'] });
		create.mockResolvedValue({ ...a, id: 'b', startsLocal: '2026-09-14T11:00', endsLocal: '2026-09-14T12:00' });
		const onchanged = vi.fn();
		render(Programme, { props: { visit: visit(), engagements: [a], onchanged } });
		await fireEvent.click(screen.getByTestId('edit-engagement'));
		await tick();
		await fireEvent.click(screen.getByTestId('duplicate-engagement'));
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		const input = create.mock.calls[0][0] as EngagementInput;
		expect(input).toMatchObject({ visitId: 'v1', title: 'Item a', startsLocal: '2026-09-14T11:00', endsLocal: '2026-09-14T12:00', notes: 'Gifts', attendeeIds: ['p1'] });
		expect(toasts.items.at(-1)?.message).toMatch(/^Copy of “\u2068?Item a\u2069?” added at 14 Sept?, 11:00–12:00\.$/);
	});
});
