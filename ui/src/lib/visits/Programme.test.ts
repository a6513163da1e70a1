import { render, screen } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engagement, Visit } from '$lib/bindings';
import Programme from './Programme.svelte';

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
		render(Programme, { props: { visit: visit({ deletedAt: '2026-09-01T00:00:00.000Z' }), engagements, onchanged: () => {} } });
		const row = screen.getByTestId('engagement-row');
		expect(row.dataset.deleted).toBe('true');
		expect(row.textContent).toContain('Deleted with the visit');
		expect(row.querySelector('s')?.textContent).toBe('Kazan Expo');
		expect(row.querySelector('[data-testid="edit-engagement"]')).toBeNull();
	});
});
