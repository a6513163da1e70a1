import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard, Visit } from '$lib/bindings';
import DashboardPage from './+page.svelte';

afterEach(() => clearMocks());

const visit = (n: number) =>
	({ id: `v${n}`, title: `Visit ${n}`, status: 'planned', startDate: '2026-09-14', endDate: '2026-09-16', city: null }) as Visit;

describe('Dashboard', () => {
	it('counts every upcoming visit, not just the ones listed', async () => {
		const dashboard: Dashboard = {
			today: '2026-09-01',
			upcomingVisits: Array.from({ length: 8 }, (_, i) => visit(i)),
			upcomingVisitCount: 12,
			recentVisits: [],
			todaysEngagements: [],
			openActions: [],
			openActionCount: 0,
			openActionCountCapped: false,
			overdueActionCount: 0,
			overdueActionCountCapped: false
		};
		mockIPC((cmd) => (cmd === 'dashboard_get' ? dashboard : cmd === 'conflicts_upcoming' ? [] : null));
		render(DashboardPage);
		expect((await screen.findByTestId('stat-upcoming')).textContent).toMatch(/^\s*12\s/);
		expect(screen.getAllByRole('link', { name: /^Visit \d$/ })).toHaveLength(8);
	});
});
