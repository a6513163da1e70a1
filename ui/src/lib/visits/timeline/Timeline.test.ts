import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engagement, EngagementInput, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import Timeline from './Timeline.svelte';

// event-calendar really renders in jsdom; only the browser's observers are missing.
const update = vi.hoisted(() => vi.fn());
vi.mock('$lib/api/engagements', async (original) => {
	const actual = await original<typeof import('$lib/api/engagements')>();
	return { ...actual, engagements: { ...actual.engagements, update } };
});
// The user is in Karachi, two hours ahead of a visit in Moscow.
vi.mock('$lib/api/visits', () => ({ userTimeZone: () => 'Asia/Karachi' }));

class Observer {
	observe() {}
	unobserve() {}
	disconnect() {}
}

beforeAll(() => {
	Object.defineProperty(navigator, 'languages', { value: ['en-GB', 'en'], configurable: true });
	vi.stubGlobal('ResizeObserver', Observer);
	vi.stubGlobal('IntersectionObserver', Observer);
});
afterAll(() => {
	delete (navigator as { languages?: unknown }).languages;
	vi.unstubAllGlobals();
});
afterEach(() => {
	update.mockReset();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const visit = (more: Partial<Visit> = {}) =>
	({ id: 'v1', timeZone: 'Europe/Moscow', startDate: '2026-09-14', endDate: '2026-09-16', exactDatesUnknown: false, deletedAt: null, ...more }) as Visit;

const item = (id: string, startsLocal: string, endsLocal: string, more: Partial<Engagement> = {}) =>
	({
		id,
		visitId: 'v1',
		title: `Item ${id}`,
		kind: 'meeting',
		startsLocal,
		endsLocal,
		venueId: null,
		responsiblePersonId: null,
		vehicleId: null,
		securityNotes: null,
		notes: 'Bring the gifts',
		attendeeIds: ['p1'],
		deletedAt: null,
		belongsToDeleted: false,
		...more
	}) as unknown as Engagement;

function setup(engagements: Engagement[], v: Visit = visit()) {
	const props = {
		visit: v,
		engagements,
		onadd: vi.fn(),
		onedit: vi.fn(),
		onremove: vi.fn(async () => {}),
		onduplicate: vi.fn(async (): Promise<Engagement | null> => null),
		onchanged: vi.fn()
	};
	const view = render(Timeline, { props });
	return { props, ...view };
}

const blocks = () => screen.queryAllByTestId('timeline-item');
const block = (id: string) => document.querySelector<HTMLElement>(`[data-engagement-id="${id}"]`)!;
const sent = () => (update.mock.calls as [string, EngagementInput][]).map(([id, input]) => [id, input.startsLocal, input.endsLocal]);

describe('Timeline', () => {
	it("shows each item as a block in the visit's time, with the day and the user's own time", async () => {
		setup([item('a', '2026-09-14T10:00', '2026-09-14T11:30', { venueName: 'Kazan Expo' } as Partial<Engagement>)]);
		await tick();
		expect(blocks()).toHaveLength(1);
		const text = block('a').textContent?.replace(/\s+/g, ' ');
		expect(text).toMatch(/^Monday,? 14 September 2026 10:00–11:30 Item a Your time: 12:00–13:30 Kazan Expo$/);
		// The hour axis gives the user's time beside the visit's.
		const slot = [...document.querySelectorAll('.ec-slot')].find((s) => s.textContent?.startsWith('10:00'));
		expect(slot?.querySelector('.user-time')?.textContent).toBe('12:00');
	});

	it('leaves deleted items to the list and says so', async () => {
		setup([item('a', '2026-09-14T10:00', '2026-09-14T11:00'), item('b', '2026-09-15T10:00', '2026-09-15T11:00', { deletedAt: '2026-09-01T00:00:00Z' })]);
		await tick();
		expect(blocks().map((b) => b.dataset.engagementId)).toEqual(['a']);
		expect(screen.getByTestId('programme-timeline').textContent).toContain('Deleted items are shown in the list view.');
	});

	it('shows a long visit a week at a time', async () => {
		setup([item('late', '2026-09-22T10:00', '2026-09-22T11:00')], visit({ startDate: '2026-09-14', endDate: '2026-09-23' }));
		await tick();
		expect(screen.getByTestId('timeline-range').textContent).toMatch(/^14\s*–\s*20 Sept? 2026$/);
		expect(document.querySelectorAll('.ec-col-head')).toHaveLength(7);
		expect((screen.getByTestId('timeline-prev') as HTMLButtonElement).disabled).toBe(true);
		expect(blocks()).toHaveLength(0);
		await fireEvent.click(screen.getByTestId('timeline-next'));
		expect(screen.getByTestId('timeline-range').textContent).toMatch(/^21\s*–\s*23 Sept? 2026$/);
		expect(document.querySelectorAll('.ec-col-head')).toHaveLength(3);
		expect((screen.getByTestId('timeline-next') as HTMLButtonElement).disabled).toBe(true);
		await tick();
		expect(blocks()).toHaveLength(1);
	});

	it('moves a focused item by keys, saves it with every other field, says so and keeps focus on it', async () => {
		update.mockResolvedValue({});
		const { props } = setup([item('a', '2026-09-14T10:00', '2026-09-14T11:30')]);
		await tick();
		block('a').focus();
		await fireEvent.keyDown(block('a'), { key: 'ArrowDown', altKey: true });
		await waitFor(() => expect(props.onchanged).toHaveBeenCalled());
		expect(update).toHaveBeenCalledWith('a', expect.objectContaining({ startsLocal: '2026-09-14T10:15', endsLocal: '2026-09-14T11:45', notes: 'Bring the gifts', attendeeIds: ['p1'] }));
		expect(screen.getByTestId('timeline-announcement').textContent).toMatch(/^“\u2068?Item a\u2069?” moved to 14 Sept?, 10:15–11:45\.$/);
		// Drawn anew at its new time, and still the focused block.
		expect(block('a').textContent).toContain('10:15–11:45');
		await waitFor(() => expect(document.activeElement).toBe(block('a')));
	});

	it('moves by a day with Alt+Right and changes the end with Alt+Shift+Down', async () => {
		update.mockResolvedValue({});
		setup([item('a', '2026-09-14T10:00', '2026-09-14T11:00')]);
		await tick();
		await fireEvent.keyDown(block('a'), { key: 'ArrowRight', altKey: true });
		await fireEvent.keyDown(block('a'), { key: 'ArrowDown', altKey: true, shiftKey: true });
		await waitFor(() => expect(update).toHaveBeenCalledTimes(2));
		expect(sent()).toEqual([
			['a', '2026-09-15T10:00', '2026-09-15T11:00'],
			['a', '2026-09-15T10:00', '2026-09-15T11:15']
		]);
		expect(screen.getByTestId('timeline-announcement').textContent).toMatch(/now ends at 11:15/);
	});

	it('puts an item back and shows the error when the core refuses the move', async () => {
		let refuse: (error: unknown) => void = () => {};
		update.mockReturnValue(new Promise((_, reject) => (refuse = reject)));
		const { props } = setup([item('a', '2026-09-14T10:00', '2026-09-14T11:00')]);
		await tick();
		await fireEvent.keyDown(block('a'), { key: 'ArrowUp', altKey: true });
		// Drawn where it was put while it is saved…
		expect(block('a').textContent).toContain('09:45–10:45');
		refuse({ code: 'validation', message: 'Ends after the visit', field: 'endsLocal' });
		// …and back where it was when the core refuses.
		await waitFor(() => expect(props.onchanged).toHaveBeenCalled());
		await tick();
		expect(block('a').textContent).toContain('10:00–11:00');
		expect(toasts.items.map((t) => [t.tone, t.message])).toEqual([['error', 'Ends after the visit']]);
	});

	it('edits on Enter or a click, deletes on Delete, duplicates on Ctrl+D', async () => {
		const a = item('a', '2026-09-14T10:00', '2026-09-14T11:00');
		const { props } = setup([a]);
		await tick();
		await fireEvent.click(block('a'));
		expect(props.onedit).toHaveBeenCalledWith(a);
		await fireEvent.keyDown(block('a'), { key: 'd', ctrlKey: true });
		expect(props.onduplicate).toHaveBeenCalledWith(a);
		await fireEvent.keyDown(block('a'), { key: 'Delete' });
		expect(props.onremove).toHaveBeenCalledWith(a);
		expect(update).not.toHaveBeenCalled();
	});

	it('leaves the programme of a deleted visit as it is', async () => {
		setup([item('a', '2026-09-14T10:00', '2026-09-14T11:00')], visit({ deletedAt: '2026-09-01T00:00:00Z' }));
		await tick();
		// Whatever is shown stays put, and no hint invites changes.
		expect(blocks()).toHaveLength(1);
		await fireEvent.keyDown(block('a'), { key: 'ArrowDown', altKey: true });
		expect(update).not.toHaveBeenCalled();
		expect(screen.getByTestId('programme-timeline').textContent).not.toContain('Drag across empty time');
	});
});
