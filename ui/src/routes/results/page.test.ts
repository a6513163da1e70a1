import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiFilter, Kpis } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import ResultsPage from './+page.svelte';

afterEach(() => {
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const figures = (visits: number): Kpis => ({
	visits, meetings: 3, companies: 2, meetingsPerCompany: 1.5, mousSigned: 1, lettersOfIntent: 2, agreementsSigned: 2, outcomes: 4, outcomesConfirmed: 1,
	deals: 2, jointVentures: 1, valueByYear: [{ year: 2026, currency: 'USD', reported: 120000, confirmed: 100000 }], actions: 4, closedWithin30Days: 1,
	closedWithin90Days: 2, shareClosed30: 0.25, shareClosed90: 0.5
});

describe('Mission results', () => {
	it('counts this year’s visits by default and again for the filters chosen, then exports the figures', async () => {
		const asked: KpiFilter[] = [];
		const exported: Record<string, unknown>[] = [];
		mockIPC((cmd, args) => {
			const a = args as Record<string, unknown>;
			if (cmd === 'kpis_compute') {
				asked.push(a.filter as KpiFilter);
				return figures(asked.length);
			}
			if (cmd === 'sectors_list') return [{ id: 's1', code: 'textiles', name: 'Textiles' }];
			if (cmd === 'plugin:dialog|save') return '/home/olga/results.xlsx';
			if (cmd === 'kpis_export') {
				exported.push(a);
				return 20;
			}
			return null;
		});
		render(ResultsPage);
		const year = new Date().getFullYear();
		await waitFor(() => expect(asked[0]).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, country: null, sectorId: null }));
		expect((await screen.findByTestId('kpi-values')).textContent).toMatch(/120,000/);
		await fireEvent.input(screen.getByTestId('kpi-country'), { target: { value: 'ru' } });
		await fireEvent.change(screen.getByTestId('kpi-sector'), { target: { value: 's1' } });
		await waitFor(() => expect(asked.at(-1)).toMatchObject({ country: 'ru', sectorId: 's1' }));
		await fireEvent.click(screen.getByTestId('kpi-export'));
		await waitFor(() => expect(toasts.items.at(-1)?.message).toContain('/home/olga/results.xlsx'));
		expect(exported[0].headings).toEqual(['Figure', 'Year', 'Value', 'Currency']);
		expect((exported[0].terms as Record<string, string>)['MoUs signed']).toBe('MoUs signed');
	});
});
