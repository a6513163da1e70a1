import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Kpis, Outcome, OutcomeInput, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import VisitOutcomes from './VisitOutcomes.svelte';

beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const visit = { id: 'v1', title: 'Sialkot', deletedAt: null } as Visit;

const figures: Kpis = {
	visits: 1,
	meetings: 3,
	companies: 2,
	meetingsPerCompany: 1.5,
	mousSigned: 1,
	lettersOfIntent: 0,
	agreementsSigned: 1,
	outcomes: 1,
	outcomesConfirmed: 1,
	deals: 1,
	jointVentures: 0,
	valueByYear: [{ year: 2026, currency: 'USD', reported: 100000, confirmed: 100000 }],
	actions: 4,
	closedWithin30Days: 1,
	closedWithin90Days: 2,
	shareClosed30: 0.25,
	shareClosed90: 0.5
};

function outcome(extra: Partial<Outcome>): Outcome {
	return {
		id: 'o1', visitId: 'v1', visitTitle: 'Sialkot', belongsToDeleted: false, actionId: null, actionTitle: null, kind: 'deal', title: 'Scalpels <b>for</b> Kazan',
		status: 'confirmed', organizationId: null, organizationName: null, organizationDeleted: false, partnerOrganizationId: null, partnerOrganizationName: null,
		partnerOrganizationDeleted: false, personId: null, personName: null, personDeleted: false, sectorId: null, sectorName: null, currency: 'USD',
		values: [{ year: 2026, amount: 100000 }, { year: 2027, amount: 50000 }], total: 150000, helpPercent: 40, reportedOn: '2026-06-01', notes: null,
		createdAt: '', updatedAt: '', deletedAt: null, ...extra
	};
}

describe('What a visit brought', () => {
	it('shows the visit’s KPIs and its outcomes with their value by year', async () => {
		mockIPC((cmd) => {
			if (cmd === 'outcomes_list') return { items: [outcome({})], total: 1, totalCapped: false, page: 1, pageSize: 500 };
			if (cmd === 'kpis_compute') return figures;
			return null;
		});
		render(VisitOutcomes, { props: { visit } });
		const row = await screen.findByTestId('outcome-row');
		expect(row.textContent).toContain('Scalpels <b>for</b> Kazan');
		expect(row.querySelector('b')).toBeNull();
		expect(row.textContent).toContain('Confirmed by the company');
		expect(row.textContent).toMatch(/150,000/);
		expect(row.textContent).toMatch(/2027: \$50,000/);
		expect(screen.getByTestId('kpi-meetings-per-company').textContent).toBe('1.5');
		expect(screen.getByTestId('kpi-closed-30').textContent).toBe('25 %');
	});

	it('records an outcome with a value for each year, and shows a refusal beside the years', async () => {
		const created: OutcomeInput[] = [];
		let refuse = true;
		mockIPC((cmd, args) => {
			if (cmd === 'outcomes_list') return { items: [], total: 0, totalCapped: false, page: 1, pageSize: 500 };
			if (cmd === 'kpis_compute') return figures;
			if (cmd === 'sectors_list') return [];
			if (cmd === 'outcomes_create') {
				if (refuse) throw { code: 'validation', field: 'values', reason: { kind: 'listedTwice' }, message: '2026 is given twice' };
				created.push((args as { input: OutcomeInput }).input);
				return outcome({});
			}
			return null;
		});
		render(VisitOutcomes, { props: { visit } });
		expect(await screen.findByTestId('outcomes-none')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('add-outcome-button'));
		await tick();
		await fireEvent.input(screen.getByTestId('field-title'), { target: { value: 'Footballs for Moscow' } });
		await fireEvent.input(screen.getByTestId('field-currency'), { target: { value: 'USD' } });
		await fireEvent.click(screen.getByTestId('outcome-add-year'));
		await fireEvent.click(screen.getByTestId('outcome-add-year'));
		await tick();
		await fireEvent.input(screen.getByTestId('field-year-0'), { target: { value: '2026' } });
		await fireEvent.input(screen.getByTestId('field-amount-0'), { target: { value: '100000' } });
		await fireEvent.input(screen.getByTestId('field-year-1'), { target: { value: '2027' } });
		await fireEvent.input(screen.getByTestId('field-amount-1'), { target: { value: '50000' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		expect((await screen.findByTestId('error-values')).textContent).toBe('Each year can be given once.');
		refuse = false;
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(created).toHaveLength(1));
		expect(created[0]).toMatchObject({ visitId: 'v1', kind: 'deal', status: 'prospect', currency: 'USD', values: [{ year: 2026, amount: 100000 }, { year: 2027, amount: 50000 }] });
	});
});
