// The organization page lists the visits it hosts or sends a delegation to, latest first.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Organization, Visit } from '$lib/bindings';
import OrganizationPage from '../../routes/organizations/[id]/+page.svelte';

vi.mock('$app/state', () => ({ page: { params: { id: 'org1' } } }));
afterEach(() => clearMocks());

const organization = { id: 'org1', name: 'Sialkot Chamber of Commerce', kind: 'chamber', sectors: [], deletedAt: null } as unknown as Organization;
const visit = (id: string, title: string, host: string | null, guest: string | null) =>
	({ id, title, status: 'completed', hostOrganizationId: host, guestOrganizationId: guest, startDate: '2026-01-28', endDate: '2026-01-29', exactDatesUnknown: false, deletedAt: null }) as Visit;

describe('Organization page', () => {
	it('lists the visits the organization hosts or sends, asking for them latest first', async () => {
		const queries: unknown[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'organizations_get') return organization;
			if (cmd === 'visits_list') {
				queries.push((args as { query: unknown }).query);
				return { items: [visit('v1', 'Russian delegation in Sialkot', 'org1', 'org2'), visit('v2', 'Trade mission to Kazan', 'org3', 'org1')], total: 60, totalCapped: false, page: 1, pageSize: 50 };
			}
			if (cmd.endsWith('_list')) return { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 };
			return [];
		});
		render(OrganizationPage);
		const rows = await screen.findAllByTestId('organization-visit');
		expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			expect.stringContaining('Russian delegation in Sialkot Hosts'),
			expect.stringContaining('Trade mission to Kazan Sends the delegation')
		]);
		expect(screen.getByRole('link', { name: 'Russian delegation in Sialkot' }).getAttribute('href')).toBe('/visits/v1');
		expect(queries[0]).toMatchObject({ organizationId: 'org1', sort: 'startDate', descending: true });
		await waitFor(() => expect(screen.getByTestId('organization-visits').textContent).toContain('The latest 2 of 60 are shown.'));
	});
});
