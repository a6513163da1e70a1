import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engagement, Participant, Seating, Seat, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import PrintShelf from './PrintShelf.svelte';

const api = vi.hoisted(() => ({
	printing: { preview: vi.fn(), save: vi.fn(), status: vi.fn() },
	seating: { get: vi.fn(), propose: vi.fn(), save: vi.fn(), clear: vi.fn() }
}));
vi.mock('$lib/api/printing', async (original) => ({
	...(await original<typeof import('$lib/api/printing')>()),
	...api
}));

beforeEach(() => api.printing.status.mockResolvedValue([]));
afterEach(() => {
	vi.resetAllMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const visit = { id: 'v1', title: 'Sialkot <b>visit</b>', timeZone: 'Asia/Karachi', deletedAt: null } as Visit;
const meeting = { id: 'e1', title: 'Meeting with SCCI', startsLocal: '2026-01-28T13:00', deletedAt: null, belongsToDeleted: false } as Engagement;

function seat(number: number, name: string | null, side: 'host' | 'guest', extra: Partial<Seat> = {}): Seat {
	const guest = name ? { personId: `p-${name}`, name, nativeName: null, position: null, organizationName: null, side, precedence: number } : null;
	return { number, side, head: false, honour: false, guest, ...extra };
}

const plan: Seating = {
	engagementId: 'e1',
	engagementTitle: 'Meeting with SCCI',
	startsLocal: '2026-01-28T13:00',
	layout: 'long',
	tables: 1,
	seatsPerTable: 4,
	plan: [{ number: 1, seats: [seat(1, 'Mazhar', 'host', { head: true }), seat(2, 'Arshad', 'host'), seat(3, 'Khorev', 'guest', { honour: true }), seat(4, null, 'guest')] }],
	unseated: [],
	saved: false
};

describe('PrintShelf', () => {
	it('previews a document in the chosen language as page images and saves it as PDF', async () => {
		api.printing.preview.mockResolvedValue(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<svg/>']);
		api.printing.save.mockResolvedValue({ path: '/tmp/brief.pdf', pages: 2 });
		render(PrintShelf, { props: { visit, engagements: [meeting] } });
		await fireEvent.change(screen.getByTestId('print-language'), { target: { value: 'ru' } });
		await fireEvent.click(screen.getByTestId('print-preview-brief'));
		const pages = await screen.findAllByTestId('print-page');
		expect(pages).toHaveLength(2);
		expect(pages[0].tagName).toBe('IMG');
		expect(pages[0].getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
		expect(api.printing.preview).toHaveBeenCalledWith(expect.objectContaining({ kind: 'brief', visitId: 'v1', lang: 'ru', engagementId: null }));
		await fireEvent.click(screen.getByTestId('print-preview-save'));
		await waitFor(() => expect(toasts.items.at(-1)?.message).toContain('/tmp/brief.pdf'));
		expect(api.printing.save.mock.calls[0][1]).toBe('Sialkot <b>visit</b> Visit brief');
	});

	it('asks for a programme item before a seating plan, then edits that item’s plan', async () => {
		api.seating.get.mockResolvedValue(structuredClone(plan));
		api.seating.save.mockImplementation(async (_id: string, input) => ({ ...structuredClone(plan), saved: true, input }));
		render(PrintShelf, { props: { visit, engagements: [meeting] } });
		expect((screen.getByTestId('print-preview-seating') as HTMLButtonElement).disabled).toBe(true);
		await fireEvent.change(screen.getByTestId('print-item'), { target: { value: 'e1' } });
		expect((screen.getByTestId('print-preview-seating') as HTMLButtonElement).disabled).toBe(false);
		const seats = await screen.findAllByTestId('seat');
		expect(seats[0].textContent).toContain('Mazhar');
		expect(seats[2].textContent).toContain('Seat of honour');
		// Choose a seat, then another: they change places; then keep the plan.
		await fireEvent.click(seats[0]);
		expect(screen.getByRole('status').textContent).toContain('Mazhar');
		await fireEvent.click(seats[3]);
		const after = screen.getAllByTestId('seat');
		expect(after[0].textContent).toContain('Empty');
		expect(after[3].textContent).toContain('Mazhar');
		await fireEvent.click(screen.getByTestId('seating-save'));
		expect(api.seating.save).toHaveBeenCalledWith('e1', { layout: 'long', tables: 1, seatsPerTable: 4, seats: [[null, 'p-Arshad', 'p-Khorev', 'p-Mazhar']] });
	});

	it('says what went wrong when a document cannot be typeset', async () => {
		api.printing.preview.mockRejectedValue({ code: 'conflict', message: 'x', field: null, reason: { kind: 'typesettingFailed', problem: 'font' } });
		render(PrintShelf, { props: { visit, engagements: [] } });
		await fireEvent.click(screen.getByTestId('print-preview-report'));
		await waitFor(() => expect(toasts.items.length).toBe(1));
		expect(screen.queryByTestId('print-preview')).toBeNull();
		expect(screen.getByTestId('print-seating').textContent).toContain('no programme items');
	});

	it('prints badges for the people ticked, and everybody when none is', async () => {
		api.printing.preview.mockResolvedValue(['<svg/>']);
		const participants = [
			{ id: 'a', personId: 'p-a', personName: 'Albert P. Khorev', nativeName: 'Альберт Хорев', deletedAt: null, belongsToDeleted: false },
			{ id: 'b', personId: 'p-b', personName: 'Syed Ahtesham Mazhar', nativeName: null, deletedAt: null, belongsToDeleted: false }
		] as Participant[];
		render(PrintShelf, { props: { visit, engagements: [], participants } });
		await fireEvent.click(screen.getByTestId('print-preview-badges'));
		expect(api.printing.preview).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'badges', personIds: [] }));
		await fireEvent.click(screen.getByLabelText(/Syed Ahtesham Mazhar/));
		expect(screen.getByTestId('print-people').textContent).toContain('1 chosen');
		await screen.findByTestId('print-preview');
		await fireEvent.click(screen.getByTestId('print-preview-badges'));
		await waitFor(() => expect(api.printing.preview).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'badges', personIds: ['p-b'] })));
		await fireEvent.click(screen.getByTestId('print-preview-brief'));
		await waitFor(() => expect(api.printing.preview).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'brief', personIds: [] })));
	});

	it('moves a guest dragged onto another seat, and Escape lets go of a chosen seat', async () => {
		api.seating.get.mockResolvedValue(structuredClone(plan));
		render(PrintShelf, { props: { visit, engagements: [meeting] } });
		await fireEvent.change(screen.getByTestId('print-item'), { target: { value: 'e1' } });
		const seats = await screen.findAllByTestId('seat');
		// The pointer is let go over seat 3 (what the window finds under it).
		// jsdom does no layout, so it has no elementFromPoint of its own.
		document.elementFromPoint = () => seats[2];
		await fireEvent.pointerDown(seats[0]);
		await fireEvent.pointerUp(window);
		await fireEvent.click(seats[2]);
		delete (document as { elementFromPoint?: unknown }).elementFromPoint;
		const after = screen.getAllByTestId('seat');
		expect(after[0].textContent).toContain('Khorev');
		expect(after[2].textContent).toContain('Mazhar');
		expect(screen.queryByRole('status')).toBeNull();
		expect(screen.getByText('Unsaved changes')).toBeTruthy();
		await fireEvent.click(after[1]);
		expect(screen.getByRole('status')).toBeTruthy();
		await fireEvent.keyDown(window, { key: 'Escape' });
		expect(screen.queryByRole('status')).toBeNull();
	});

	it('says which documents were printed and which a change has put out of date', async () => {
		api.printing.status.mockResolvedValue([
			{ kind: 'brief', lang: 'en', day: null, engagementId: null, personIds: [], printedAt: '2026-11-28T09:15:00.000Z', outOfDate: true },
			{ kind: 'badges', lang: 'en', day: null, engagementId: null, personIds: [], printedAt: '2026-11-28T09:20:00.000Z', outOfDate: false }
		]);
		api.printing.save.mockResolvedValue({ path: '/tmp/brief.pdf', pages: 2 });
		render(PrintShelf, { props: { visit, engagements: [] } });
		await waitFor(() => expect(screen.getByTestId('print-brief').textContent).toContain('Changed since printed'));
		expect(screen.getByTestId('print-printed-badges').textContent).toContain('Printed');
		expect(screen.getByTestId('print-report').textContent).not.toContain('Printed');
		// Printed again: the flags are asked for anew.
		api.printing.status.mockResolvedValue([]);
		await fireEvent.click(screen.getByTestId('print-save-brief'));
		await waitFor(() => expect(screen.getByTestId('print-brief').textContent).not.toContain('Changed since printed'));
		expect(api.printing.status.mock.calls.length).toBeGreaterThan(1);
	});
});
