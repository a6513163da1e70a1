import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engagement, Page, Visit } from '$lib/bindings';
import CalendarPage from './+page.svelte';

// The address the page reads; each test sets it before rendering.
const location = vi.hoisted(() => ({ url: new URL('http://localhost/calendar') }));
vi.mock('$app/state', () => ({
	page: {
		get url() {
			return location.url;
		}
	}
}));
const goto = vi.hoisted(() => vi.fn(async () => {}));
vi.mock('$app/navigation', () => ({ goto }));

const api = vi.hoisted(() => ({ visitsList: vi.fn(), engagementsList: vi.fn(), organizationsGet: vi.fn(), organizationsList: vi.fn() }));
// The user is in Karachi.
vi.mock('$lib/api/visits', () => ({ visits: { list: api.visitsList }, userTimeZone: () => 'Asia/Karachi' }));
vi.mock('$lib/api/engagements', () => ({ engagements: { list: api.engagementsList } }));
vi.mock('$lib/api/organizations', () => ({ organizations: { get: api.organizationsGet, list: api.organizationsList } }));

class Observer {
	observe() {}
	unobserve() {}
	disconnect() {}
}

beforeAll(() => {
	// British English: weeks start on Monday.
	Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true });
	vi.stubGlobal('ResizeObserver', Observer);
	vi.stubGlobal('IntersectionObserver', Observer);
});
afterAll(() => {
	delete (navigator as { languages?: unknown }).languages;
	vi.unstubAllGlobals();
});
afterEach(() => {
	goto.mockClear();
	for (const fn of Object.values(api)) fn.mockReset();
});

const visit = (id: string, more: Partial<Visit> = {}) =>
	({
		id,
		title: `Visit ${id}`,
		status: 'confirmed',
		timeZone: 'Asia/Karachi',
		startDate: '2026-01-27',
		endDate: '2026-01-29',
		exactDatesUnknown: false,
		deletedAt: null,
		...more
	}) as Visit;

const item = (id: string, visitId: string, startsAt: string, endsAt: string) =>
	({ id, visitId, visitTitle: `Visit ${visitId}`, title: `Item ${id}`, kind: 'meeting', startsAt, endsAt, venueName: null, deletedAt: null, belongsToDeleted: false }) as unknown as Engagement;

const page = <T,>(items: T[], total = items.length): Page<T> => ({ items, total, totalCapped: false, page: 1, pageSize: 500 });

function open(search: string, visits: Page<Visit>, items: Page<Engagement>) {
	location.url = new URL(`http://localhost/calendar${search}`);
	api.visitsList.mockResolvedValue(visits);
	api.engagementsList.mockResolvedValue(items);
	api.organizationsGet.mockResolvedValue({ id: 'o1', name: 'Sialkot Chamber of Commerce and Industry', shortName: 'SCCI' });
	return render(CalendarPage);
}

describe('Calendar page', () => {
	it('asks for the days of the month shown, with the weeks around it, and shows the filters', async () => {
		open('?view=month&date=2026-01-28', page([visit('v1')]), page([item('a', 'v1', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z')]));

		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Calendar');
		expect(screen.getByTestId('calendar-title').textContent).toBe('January 2026');
		// January 2026 from Monday 29 December to Sunday 1 February, visits two days around.
		await waitFor(() => expect(api.visitsList).toHaveBeenCalledTimes(1));
		expect(api.visitsList).toHaveBeenCalledWith({
			status: null,
			organizationId: null,
			endsFrom: '2025-12-27',
			startsBefore: '2026-02-04',
			pageSize: 500,
			sort: 'startDate'
		});
		// Items from the day before the first, midnight in Karachi (UTC+5).
		expect(api.engagementsList).toHaveBeenCalledWith({
			startsFrom: '2025-12-27T19:00:00.000Z',
			startsBefore: '2026-02-01T19:00:00.000Z',
			pageSize: 500,
			sort: 'startsAt'
		});

		const status = screen.getByLabelText('Visit status') as HTMLSelectElement;
		expect([...status.options].map((o) => o.textContent?.trim())).toEqual([
			'All statuses',
			'Draft',
			'Planned',
			'Confirmed',
			'In progress',
			'Completed',
			'Cancelled'
		]);
		expect(screen.getByRole('combobox', { name: 'Organization' })).toBeTruthy();
		expect(screen.getByTestId('calendar-view-month').getAttribute('aria-pressed')).toBe('true');

		// The visit and its item, each a link to the visit; the item at Karachi time.
		const visitLink = await screen.findByTestId('calendar-visit');
		expect(visitLink.getAttribute('href')).toBe('/visits/v1');
		expect(visitLink.textContent).toContain('Visit v1');
		const itemLink = screen.getByTestId('calendar-item');
		expect(itemLink.getAttribute('href')).toBe('/visits/v1');
		expect(itemLink.textContent).toContain('10:00');
		expect(itemLink.textContent).toContain('Item a');
		expect(screen.queryByTestId('calendar-truncated-visits')).toBeNull();
	});

	it('asks for the visits of the filters, and shows only their items', async () => {
		open(
			'?view=week&date=2026-01-28&status=confirmed&organization=o1',
			page([visit('v1')]),
			page([item('a', 'v1', '2026-01-28T05:00:00Z', '2026-01-28T06:00:00Z'), item('b', 'v2', '2026-01-28T07:00:00Z', '2026-01-28T08:00:00Z')])
		);
		await waitFor(() => expect(api.visitsList).toHaveBeenCalled());
		expect(api.visitsList).toHaveBeenCalledWith(
			expect.objectContaining({ status: 'confirmed', organizationId: 'o1', endsFrom: '2026-01-24', startsBefore: '2026-02-04' })
		);
		expect(screen.getByTestId('calendar-view-week').getAttribute('aria-pressed')).toBe('true');
		expect((screen.getByLabelText('Visit status') as HTMLSelectElement).value).toBe('confirmed');
		// The organization named by the address is looked up for the picker.
		await waitFor(() =>
			expect((screen.getByRole('combobox', { name: 'Organization' }) as HTMLInputElement).value).toBe('Sialkot Chamber of Commerce and Industry (SCCI)')
		);
		await waitFor(() => expect(screen.getAllByTestId('calendar-item')).toHaveLength(1));
		expect(screen.getByTestId('calendar-item').dataset.itemId).toBe('a');
	});

	it('keeps the view, the day and the filters in the address', async () => {
		open('?view=month&date=2026-01-31', page([]), page([]));
		await waitFor(() => expect(api.visitsList).toHaveBeenCalled());
		expect(await screen.findByTestId('calendar-empty')).toBeTruthy();

		await fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=month&date=2026-02-28', expect.objectContaining({ replaceState: false }));
		await fireEvent.click(screen.getByTestId('calendar-view-day'));
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=day&date=2026-01-31', expect.anything());
		await fireEvent.change(screen.getByLabelText('Visit status'), { target: { value: 'cancelled' } });
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=month&date=2026-01-31&status=cancelled', expect.objectContaining({ replaceState: true }));
		await fireEvent.change(screen.getByLabelText('Go to date'), { target: { value: '2026-05-04' } });
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=month&date=2026-05-04', expect.anything());
	});

	it("opens a day of the month in the day view from its '+2 more', by click or by key", async () => {
		const many = Array.from({ length: 6 }, (_, i) => visit(`v${i}`, { startDate: '2026-01-28', endDate: '2026-01-28' }));
		const { container } = open('?view=month&date=2026-01-28', page(many), page([]));
		// jsdom lays nothing out, so event-calendar finds no room for any entry and offers them all.
		await waitFor(() => expect(container.querySelector('.ec-day-foot a')).not.toBeNull());
		const more = container.querySelector<HTMLElement>('.ec-day-foot a')!;
		await fireEvent.click(more);
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=day&date=2026-01-28', expect.anything());
		goto.mockClear();
		await fireEvent.keyDown(more, { key: 'Enter' });
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=day&date=2026-01-28', expect.anything());
		// No pop-up of its own opens.
		expect(container.querySelector('dialog')).toBeNull();
	});

	it('filters by an organization picked by name', async () => {
		open('?view=month&date=2026-01-28', page([]), page([]));
		api.organizationsList.mockResolvedValue(page([{ id: 'o1', name: 'Sialkot Chamber of Commerce and Industry', shortName: 'SCCI' }]));
		const picker = screen.getByRole('combobox', { name: 'Organization' });
		await fireEvent.focus(picker);
		await fireEvent.input(picker, { target: { value: 'Sialkot' } });
		const option = await screen.findByRole('option', { name: 'Sialkot Chamber of Commerce and Industry (SCCI)' });
		await fireEvent.mouseDown(option);
		expect(goto).toHaveBeenLastCalledWith('/calendar?view=month&date=2026-01-28&organization=o1', expect.objectContaining({ replaceState: true }));
		expect(api.organizationsList).toHaveBeenCalledWith(expect.objectContaining({ search: 'Sialkot' }));
	});

	it('says when only the first 500 of the period are shown', async () => {
		const many = Array.from({ length: 3 }, (_, i) => visit(`v${i}`));
		open('?view=day&date=2026-01-28', page(many, 812), page([], 0));
		expect(await screen.findByTestId('calendar-truncated-visits')).toBeTruthy();
		expect(screen.getByTestId('calendar-truncated-visits').textContent).toContain('Showing the first 3 of 812 visits');
		expect(screen.queryByTestId('calendar-truncated-items')).toBeNull();
		expect(screen.getByTestId('calendar-title').textContent).toMatch(/^Wednesday,? 28 January 2026$/);
		expect(within(screen.getByTestId('calendar-grid')).getAllByTestId('calendar-visit')).toHaveLength(3);
	});

	it('says when the period could not be loaded', async () => {
		location.url = new URL('http://localhost/calendar');
		api.visitsList.mockRejectedValue({ code: 'storage', message: 'The data file is locked', field: null });
		api.engagementsList.mockResolvedValue(page([]));
		render(CalendarPage);
		expect((await screen.findByTestId('calendar-error')).textContent).toContain('The data file is locked');
	});
});
