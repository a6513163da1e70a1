import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Gift, GiftRegister } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import GiftsPage from './+page.svelte';

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/gifts?year=2026') } }));

afterEach(() => {
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const gift = (id: string, extra: Partial<Gift>) =>
	({
		id,
		visitId: 'v1',
		visitTitle: 'Russian Ambassador’s visit',
		engagementId: null,
		engagementTitle: null,
		direction: 'given',
		description: 'Football',
		givenOn: '2026-01-28',
		giverPersonId: 'p1',
		giverPersonName: 'Syed Ahtesham Mazhar',
		giverOrganizationId: null,
		receiverPersonId: 'p2',
		receiverPersonName: 'Albert P. Khorev',
		receiverOrganizationId: null,
		valueAmount: null,
		valueCurrency: null,
		disposition: 'kept',
		notes: null,
		deletedAt: null,
		...extra
	}) as Gift;

const register2026: GiftRegister = {
	year: 2026,
	gifts: [
		gift('g1', { valueAmount: 120, valueCurrency: 'USD' }),
		gift('g2', { direction: 'received', description: 'Gzhel vase', valueAmount: 15000, valueCurrency: 'RUB', disposition: 'pending' }),
		gift('g3', { direction: 'received', description: 'Book', disposition: 'deposited' })
	],
	totals: [
		{ direction: 'given', currency: 'USD', count: 1, amount: 120 },
		{ direction: 'received', currency: 'RUB', count: 1, amount: 15000 },
		{ direction: 'received', currency: null, count: 1, amount: 0 }
	]
};

function backend() {
	const calls: { cmd: string; args: Record<string, unknown> }[] = [];
	mockIPC((cmd, args) => {
		const a = (args ?? {}) as Record<string, unknown>;
		calls.push({ cmd, args: a });
		if (cmd === 'gifts_register') return a.year === 2026 ? register2026 : { year: a.year, gifts: [], totals: [] };
		if (cmd === 'gifts_register_preview') return { pages: ['<svg xmlns="http://www.w3.org/2000/svg"/>'] };
		if (cmd === 'plugin:dialog|save') return '/home/olga/gifts-2026.xlsx';
		if (cmd === 'gifts_register_export') return 3;
		return null;
	});
	return calls;
}

describe('Gift register', () => {
	it('shows the year asked for with its totals per currency, never added across currencies', async () => {
		backend();
		render(GiftsPage);
		expect(await screen.findAllByTestId('register-row')).toHaveLength(3);
		const given = screen.getByTestId('gifts-total-given').textContent ?? '';
		const received = screen.getByTestId('gifts-total-received').textContent ?? '';
		expect(given).toContain('1 gift');
		expect(given).toMatch(/120/);
		expect(received).toContain('2 gifts');
		expect(received).toMatch(/15,000/);
		expect(received).toContain('1 without a value');
		expect(screen.getByTestId('gifts-pending').textContent).toContain('1 gift still waits');
	});

	it('goes a year back with the button and says when a year has no gifts', async () => {
		const calls = backend();
		render(GiftsPage);
		await screen.findAllByTestId('register-row');
		await fireEvent.click(screen.getByTestId('gifts-year-previous'));
		expect(await screen.findByText('No gifts recorded in 2025')).toBeTruthy();
		expect(calls.filter((c) => c.cmd === 'gifts_register').map((c) => c.args.year)).toEqual([2026, 2025]);
		await fireEvent.keyDown(window, { key: 'PageDown' });
		expect(await screen.findAllByTestId('register-row')).toHaveLength(3);
	});

	it('previews the printed register in the chosen language and exports the table', async () => {
		const calls = backend();
		render(GiftsPage);
		await screen.findAllByTestId('register-row');
		await fireEvent.change(screen.getByTestId('gifts-language'), { target: { value: 'ur' } });
		await fireEvent.click(screen.getByTestId('gifts-preview'));
		const pages = await screen.findAllByTestId('gifts-register-page');
		expect(pages[0].tagName).toBe('IMG');
		expect(calls.find((c) => c.cmd === 'gifts_register_preview')?.args).toEqual({ year: 2026, lang: 'ur' });
		await fireEvent.click(screen.getByTestId('gifts-export'));
		await waitFor(() => expect(toasts.items.at(-1)?.message).toContain('/home/olga/gifts-2026.xlsx'));
		const exported = calls.find((c) => c.cmd === 'gifts_register_export')?.args;
		expect(exported?.year).toBe(2026);
		expect((exported?.headings as string[])[2]).toBe('Gift');
		expect((exported?.terms as Record<string, string>).deposited).toBe('Deposited');
	});
});
