import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agreement, Dashboard, Visit } from '$lib/bindings';
import DashboardPage from './+page.svelte';

afterEach(() => clearMocks());

const visit = (n: number) =>
	({ id: `v${n}`, title: `Visit ${n}`, status: 'planned', startDate: '2026-09-14', endDate: '2026-09-16', city: null }) as Visit;

/** A dashboard with nothing in it but what a test gives. */
function dashboardWith(parts: Partial<Dashboard>): Dashboard {
	return {
		today: '2026-09-01',
		upcomingVisits: [],
		upcomingVisitCount: 0,
		recentVisits: [],
		todaysEngagements: [],
		openActions: [],
		openActionCount: 0,
		openActionCountCapped: false,
		overdueActionCount: 0,
		overdueActionCountCapped: false,
		renewalsDue: [],
		renewalsDueCount: 0,
		expiringAgreements: [],
		expiringAgreementCount: 0,
		expiringAgreementCountCapped: false,
		pipeline: { byStatus: [], bySector: [] },
		ownerLoads: [],
		recentChanges: [],
		...parts
	};
}

describe('Dashboard', () => {
	it('counts every upcoming visit, not just the ones listed', async () => {
		const dashboard = dashboardWith({ upcomingVisits: Array.from({ length: 8 }, (_, i) => visit(i)), upcomingVisitCount: 12 });
		mockIPC((cmd) => (cmd === 'dashboard_get' ? dashboard : cmd === 'conflicts_upcoming' ? [] : null));
		render(DashboardPage);
		expect((await screen.findByTestId('stat-upcoming')).textContent).toMatch(/^\s*12\s/);
		expect(screen.getAllByRole('link', { name: /^Visit \d$/ })).toHaveLength(8);
	});

	it('lists the agreements in their renewal window and those expiring soon, with the days left', async () => {
		const mou = {
			id: 'a1',
			title: 'MoU on surgical instruments',
			status: 'in_force',
			expiresOn: '2026-09-15',
			ownerName: 'Olga Petrova',
			ownerNativeName: null,
			ownerDeleted: false,
			parties: [{ organizationName: 'Sialkot Chamber' }, { organizationName: 'Embassy of Russia' }]
		} as Agreement;
		const dashboard = dashboardWith({
			renewalsDue: [mou],
			renewalsDueCount: 1,
			expiringAgreements: [mou],
			expiringAgreementCount: 14,
			pipeline: { byStatus: [{ status: 'in_force', count: 3 }], bySector: [] },
			ownerLoads: [{ ownerPersonId: null, ownerName: null, overdue: 2, thisWeek: 1 }],
			recentChanges: [
				{ at: '2026-09-01T08:00:00.000Z', actor: 'olga', recordKind: 'agreement', recordId: 'a1', operation: 'update', changes: '{}', names: { a1: 'MoU on surgical instruments' } }
			]
		});
		mockIPC((cmd) => (cmd === 'dashboard_get' ? dashboard : cmd === 'conflicts_upcoming' ? [] : null));
		render(DashboardPage);
		const renewals = await screen.findByTestId('renewal-list');
		expect(renewals.textContent).toContain('MoU on surgical instruments');
		expect(renewals.textContent).toContain('Olga Petrova');
		expect(renewals.textContent).toContain('Sialkot Chamber · Embassy of Russia');
		expect(renewals.textContent).toContain('Sep 15, 2026');
		expect(screen.getByTestId('expiring-agreements').textContent).toContain('All 14 expiring agreements');
		// The charts' figures are there as a table for screen readers.
		expect(screen.getByTestId('chart-owners').querySelector('tbody')?.textContent).toBe('No owner21');
		expect(screen.getByTestId('chart-status').querySelector('tbody')?.textContent).toBe('In force3');
		expect(screen.getByText('No agreement is signed or in force yet.')).toBeTruthy();
		const changes = screen.getByTestId('recent-changes');
		expect(changes.textContent).toContain('olga edited the agreement MoU on surgical instruments');
		expect(changes.querySelector('a')?.getAttribute('href')).toBe('/agreements/a1');
	});
});
