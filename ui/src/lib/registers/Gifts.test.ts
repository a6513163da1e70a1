import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Gift, GiftInput, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import Gifts from './Gifts.svelte';

const visit = {
	id: 'v1',
	title: 'Russian Ambassador’s visit',
	startDate: '2026-01-28',
	hostOrganizationId: 'o-scci',
	hostOrganizationName: 'Sialkot Chamber',
	guestOrganizationId: 'o-embassy',
	guestOrganizationName: 'Embassy of Russia',
	deletedAt: null
} as Visit;

function gift(id: string, extra: Partial<Gift> = {}): Gift {
	return {
		id,
		visitId: 'v1',
		visitTitle: visit.title,
		belongsToDeleted: false,
		engagementId: null,
		engagementTitle: null,
		engagementDeleted: false,
		direction: 'given',
		description: 'Football',
		givenOn: '2026-01-28',
		giverPersonId: 'p-mazhar',
		giverPersonName: 'Syed Ahtesham Mazhar',
		giverPersonDeleted: false,
		giverOrganizationId: null,
		giverOrganizationName: null,
		giverOrganizationDeleted: false,
		receiverPersonId: 'p-khorev',
		receiverPersonName: 'Albert P. Khorev',
		receiverPersonDeleted: false,
		receiverOrganizationId: null,
		receiverOrganizationName: null,
		receiverOrganizationDeleted: false,
		valueAmount: null,
		valueCurrency: null,
		disposition: 'pending',
		notes: null,
		createdAt: '',
		updatedAt: '',
		deletedAt: null,
		...extra
	};
}

type Backend = { stored: Gift[]; created: GiftInput[]; refuse: boolean; listed: unknown[] };

function backend(initial: Gift[]): Backend {
	const b: Backend = { stored: [...initial], created: [], refuse: false, listed: [] };
	mockIPC((cmd, args) => {
		const a = args as Record<string, unknown>;
		if (cmd === 'gifts_list') {
			b.listed.push(a.query);
			return { items: b.stored, total: b.stored.length, totalCapped: false, page: 1, pageSize: 500 };
		}
		if (cmd === 'gifts_create') {
			const input = a.input as GiftInput;
			if (b.refuse) throw { code: 'validation', field: 'valueCurrency', reason: { kind: 'required' }, message: 'A value needs its currency' };
			b.created.push(input);
			const saved = gift(`g${b.stored.length + 1}`, { ...input } as Partial<Gift>);
			b.stored.push(saved);
			return saved;
		}
		if (cmd === 'gifts_delete') {
			b.stored = b.stored.filter((g) => g.id !== a.id);
			return null;
		}
		if (cmd === 'documents_list') return [];
		return null;
	}, { shouldMockEvents: true });
	return b;
}

beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

describe('Gifts of a visit', () => {
	it('lists the gifts with both sides and the value, text shown as written', async () => {
		backend([
			gift('g1', { description: '<img src=x onerror=alert(1)> Vase', direction: 'received', valueAmount: 15000, valueCurrency: 'RUB', disposition: 'deposited', notes: 'Line one\nLine two' })
		]);
		render(Gifts, { props: { visit, engagements: [] } });
		const row = await screen.findByTestId('gift-row');
		expect(row.textContent).toContain('<img src=x onerror=alert(1)> Vase');
		expect(row.querySelector('img')).toBeNull();
		expect(row.textContent).toContain('Syed Ahtesham Mazhar');
		expect(row.textContent).toContain('Albert P. Khorev');
		expect(row.textContent).toMatch(/15,000/);
		expect(row.textContent).toContain('Deposited');
		expect(row.textContent).toContain('Received');
	});

	it('says so when the visit has no gifts, and asks for them again when deleted ones are shown', async () => {
		const b = backend([]);
		const { rerender } = render(Gifts, { props: { visit, engagements: [] } });
		expect(await screen.findByTestId('gifts-none')).toBeTruthy();
		await rerender({ showDeleted: true });
		await waitFor(() => expect(b.listed.at(-1)).toMatchObject({ visitId: 'v1', includeDeleted: true }));
	});

	it('records a new gift given by the host to the guest on the first day, and swaps them for one received', async () => {
		const b = backend([]);
		render(Gifts, { props: { visit, engagements: [] } });
		await fireEvent.click(await screen.findByTestId('add-gift-button'));
		await tick();
		await fireEvent.input(screen.getByTestId('field-description'), { target: { value: 'Gzhel vase' } });
		await fireEvent.change(screen.getByTestId('field-direction'), { target: { value: 'received' } });
		await tick();
		await fireEvent.input(screen.getByTestId('field-valueAmount'), { target: { value: '15000' } });
		await fireEvent.input(screen.getByTestId('field-valueCurrency'), { target: { value: 'RUB' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(b.created).toHaveLength(1));
		expect(b.created[0]).toMatchObject({
			visitId: 'v1',
			direction: 'received',
			description: 'Gzhel vase',
			givenOn: '2026-01-28',
			giverOrganizationId: 'o-embassy',
			receiverOrganizationId: 'o-scci',
			valueAmount: 15000,
			valueCurrency: 'RUB',
			disposition: 'pending'
		});
		expect(await screen.findByTestId('gift-row')).toBeTruthy();
	});

	it('shows the core’s refusal beside the field it names and keeps the form open', async () => {
		const b = backend([]);
		b.refuse = true;
		render(Gifts, { props: { visit, engagements: [] } });
		await fireEvent.click(await screen.findByTestId('add-gift-button'));
		await tick();
		await fireEvent.input(screen.getByTestId('field-description'), { target: { value: 'Shawl' } });
		await fireEvent.input(screen.getByTestId('field-valueAmount'), { target: { value: '20000' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		const error = await screen.findByTestId('error-valueCurrency');
		expect(error.textContent).toBeTruthy();
		expect(screen.getByTestId('field-description')).toBeTruthy();
	});

	it('deletes a gift with a chance to undo', async () => {
		const b = backend([gift('g1')]);
		render(Gifts, { props: { visit, engagements: [] } });
		await fireEvent.click(await screen.findByTestId('remove-gift'));
		await waitFor(() => expect(b.stored).toHaveLength(0));
		expect(toasts.items.at(-1)?.message).toContain('Football');
	});
});
