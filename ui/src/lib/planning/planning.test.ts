import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conflict, StatusStep, Visit } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import ConflictList from './ConflictList.svelte';
import StatusSteps from '$lib/components/StatusSteps.svelte';

const api = vi.hoisted(() => ({
	acknowledge: vi.fn(),
	unacknowledge: vi.fn(),
	statusSteps: vi.fn(),
	setStatus: vi.fn()
}));
vi.mock('$lib/api/conflicts', async (original) => ({
	...(await original<typeof import('$lib/api/conflicts')>()),
	conflicts: { acknowledge: api.acknowledge, unacknowledge: api.unacknowledge }
}));

beforeAll(installDialogPolyfill);
afterAll(uninstallDialogPolyfill);
beforeEach(() => Object.values(api).forEach((f) => f.mockReset()));

const tour = { id: 'e1', visitId: 'v1', visitTitle: 'Sialkot', title: 'Tour', startsLocal: '2026-01-28T10:00', endsLocal: '2026-01-28T12:30', timeZone: 'Asia/Karachi', venueName: null };
const fair = { ...tour, id: 'e2', visitId: 'v2', visitTitle: 'Lahore trade fair', title: 'Fair opening', startsLocal: '2026-01-28T12:00', endsLocal: '2026-01-28T13:00' };
const doubleBooked: Conflict = {
	key: 'personDoubleBooked:person/p1:e1:e2',
	kind: 'personDoubleBooked',
	subject: { kind: 'person', id: 'p1', name: 'Albert Khorev', nativeName: null },
	first: tour,
	second: fair,
	minutesAvailable: null,
	minutesNeeded: null,
	acknowledgement: null,
	message: 'English'
};

describe('ConflictList', () => {
	it('names both items, linked, with the other visit named', () => {
		render(ConflictList, { props: { conflicts: [doubleBooked], visitId: 'v1', empty: 'none', onchanged: () => {} } });
		const row = screen.getByTestId('conflict');
		expect(row.textContent).toContain('Albert Khorev is in two items at the same time.');
		expect(row.querySelector('a[href="/visits/v1"]')?.textContent).toBe('Tour');
		expect(row.querySelector('a[href="/visits/v2"]')?.textContent).toBe('Fair opening');
		expect(row.textContent).toContain('in Lahore trade fair');
		expect(row.textContent).not.toContain('in Sialkot');
	});

	it('acknowledges with the reason typed, and refuses a blank one by the field', async () => {
		const onchanged = vi.fn();
		api.acknowledge.mockRejectedValueOnce({ code: 'validation', message: 'Reason is required', field: 'reason', reason: { kind: 'required' } });
		api.acknowledge.mockResolvedValueOnce(undefined);
		render(ConflictList, { props: { conflicts: [doubleBooked], visitId: 'v1', empty: 'none', onchanged } });
		await fireEvent.click(screen.getByTestId('acknowledge-conflict'));
		const reason = (await screen.findByLabelText(/Reason/)) as HTMLTextAreaElement;
		await fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
		await screen.findByText('Required.');
		await fireEvent.input(reason, { target: { value: 'Leaves the tour early' } });
		await fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(api.acknowledge).toHaveBeenLastCalledWith(doubleBooked.key, 'Leaves the tour early');
	});

	it('lists acknowledged conflicts after open ones, with who and why, and can take one back', async () => {
		const acknowledged = { ...doubleBooked, key: 'k2', acknowledgement: { reason: 'By arrangement', at: '2026-01-20T10:00:00Z', actor: 'olga' } };
		const open = { ...doubleBooked, key: 'k3', kind: 'venueDoubleBooked' as const };
		render(ConflictList, { props: { conflicts: [acknowledged, open], visitId: 'v1', empty: 'none', onchanged: () => {} } });
		const rows = screen.getAllByTestId('conflict');
		expect(rows.map((r) => r.dataset.kind)).toEqual(['venueDoubleBooked', 'personDoubleBooked']);
		expect(rows[1].textContent).toContain('Acknowledged by olga: By arrangement');
		await fireEvent.click(screen.getByRole('button', { name: 'Take back' }));
		expect(api.unacknowledge).toHaveBeenCalledWith('k2');
	});

	it('says so when there is nothing', () => {
		render(ConflictList, { props: { conflicts: [], empty: 'No conflicts.', onchanged: () => {} } });
		expect(screen.getByTestId('conflicts-empty').textContent).toBe('No conflicts.');
	});
});

describe('StatusSteps', () => {
	const visit = { id: 'v1', status: 'planned', deletedAt: null } as Visit;
	const workflow = {
		record: visit,
		vocabulary: 'visitStatus' as const,
		load: api.statusSteps,
		move: api.setStatus,
		announce: (status: string) => `now ${status}`
	};

	it('disables a step that still needs something and says what', async () => {
		const steps: StatusStep[] = [
			{ to: 'confirmed', missing: [{ kind: 'needsHeadOfDelegation' }, { kind: 'unacknowledgedConflicts', count: 2 }] },
			{ to: 'draft', missing: [] }
		];
		api.statusSteps.mockResolvedValue(steps);
		render(StatusSteps, { props: { ...workflow, onchanged: () => {} } });
		const confirm = (await screen.findByTestId('status-step-confirmed')) as HTMLButtonElement;
		expect(confirm.disabled).toBe(true);
		const needs = document.getElementById(confirm.getAttribute('aria-describedby') ?? '');
		expect(needs?.textContent).toContain('Confirming needs a head of delegation among the participants.');
		expect(needs?.textContent).toContain('2 are left');
		expect(confirm.textContent).toBe('Move to Confirmed');
	});

	it('moves the visit a step and reports it', async () => {
		api.statusSteps.mockResolvedValue([{ to: 'draft', missing: [] }]);
		api.setStatus.mockResolvedValue({ ...visit, status: 'draft' });
		const onchanged = vi.fn();
		render(StatusSteps, { props: { ...workflow, onchanged } });
		await fireEvent.click(await screen.findByTestId('status-step-draft'));
		await waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(api.setStatus).toHaveBeenCalledWith('v1', 'draft');
	});
});
