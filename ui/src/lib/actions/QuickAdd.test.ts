import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import QuickAdd from './QuickAdd.svelte';

afterEach(() => clearMocks());

describe('quick add', () => {
	it('shows what the line was read as and creates that action', async () => {
		const created: unknown[] = [];
		const input = { title: 'Call Olga', details: null, ownerPersonId: null, dueOn: '2026-12-11', priority: 'high', status: 'open', visitId: null, agreementId: null, organizationId: null, personId: 'p1', sectorIds: [] };
		mockIPC((cmd, args) => {
			if (cmd === 'actions_quick_parse') return { input, ownerName: null, personName: 'Olga Petrova', unmatchedOwner: 'nobody' };
			if (cmd === 'actions_create') {
				created.push((args as { input: unknown }).input);
				return { id: 'a9', title: 'Call Olga' };
			}
			return null;
		});
		let opened: string | null = null;
		render(QuickAdd, { props: { open: true, oncreated: (a) => (opened = a.id) } });
		const line = screen.getByTestId('field-quick') as HTMLInputElement;
		await fireEvent.input(line, { target: { value: 'Call Olga friday !high @nobody' } });
		const understood = await screen.findByTestId('quick-understood');
		expect(understood.textContent).toContain('Call Olga');
		expect(understood.textContent).toContain('Olga Petrova');
		expect(understood.textContent).toContain('No one person is called “nobody”');
		await fireEvent.submit(line.form!);
		await waitFor(() => expect(created).toEqual([input]));
		await waitFor(() => expect(opened).toBe('a9'));
	});
});
