import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person, PersonQuery } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import PeoplePage from './+page.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn() }));
const dialog = vi.hoisted(() => ({ save: vi.fn() }));
vi.mock('@tauri-apps/plugin-dialog', () => ({ save: dialog.save, open: vi.fn() }));

afterEach(() => clearMocks());

const khorev = {
	id: 'p1',
	honorific: null,
	givenName: 'Albert',
	familyName: 'Khorev',
	nativeName: 'Альберт Хорев',
	displayName: 'Albert Khorev',
	position: 'Ambassador',
	organizationId: null,
	organizationName: null,
	organizationDeleted: false,
	country: 'RU',
	protocolRank: 1,
	deletedAt: null
} as unknown as Person;

describe('People list', () => {
	it('exports the list as it is filtered and sorted, with headings in the user’s language', async () => {
		const exported: { query: PersonQuery; path: string; headings: string[] }[] = [];
		const listed: PersonQuery[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'people_list') {
				listed.push((args as { query: PersonQuery }).query);
				return { items: [khorev], total: 1, totalCapped: false, page: 1, pageSize: 50 };
			}
			if (cmd === 'exports_people') {
				exported.push(args as (typeof exported)[number]);
				return 1;
			}
			return null;
		});
		dialog.save.mockResolvedValueOnce('/home/olga/people.csv');
		render(PeoplePage);
		await screen.findAllByTestId('list-row');
		const search = screen.getByRole('searchbox') as HTMLInputElement;
		await fireEvent.input(search, { target: { value: 'khorev' } });
		// The list has followed the search (typing is debounced) before the export is asked for.
		await waitFor(() => expect(listed.at(-1)?.search).toBe('khorev'));
		await fireEvent.click(screen.getByTestId('export-button'));

		await waitFor(() => expect(exported).toHaveLength(1));
		expect(dialog.save.mock.calls[0][0].defaultPath).toBe('People.csv');
		// CSV, Excel, and vCards for an address book.
		expect(dialog.save.mock.calls[0][0].filters.map((f: { extensions: string[] }) => f.extensions[0])).toEqual(['csv', 'xlsx', 'vcf']);
		expect(exported[0].path).toBe('/home/olga/people.csv');
		expect(exported[0].query).toMatchObject({ search: 'khorev', sort: 'familyName', descending: false, includeDeleted: false });
		expect(exported[0].headings.slice(0, 3)).toEqual(['Honorific', 'Given name', 'Family name']);
		expect(exported[0].headings).toHaveLength(15);
		await waitFor(() => expect(toasts.items.at(-1)?.message).toBe('Exported to /home/olga/people.csv (rows: 1)'));
	});

	it('writes nothing when the save dialog is cancelled', async () => {
		const calls: string[] = [];
		mockIPC((cmd) => {
			calls.push(cmd);
			return cmd === 'people_list' ? { items: [khorev], total: 1, totalCapped: false, page: 1, pageSize: 50 } : null;
		});
		dialog.save.mockResolvedValueOnce(null);
		render(PeoplePage);
		await screen.findAllByTestId('list-row');
		await fireEvent.click(screen.getByTestId('export-button'));
		await waitFor(() => expect(dialog.save).toHaveBeenCalled());
		expect(calls).not.toContain('exports_people');
	});
});
