import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReview } from '$lib/bindings';
import { IMPORT_TOAST, toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import { choicesOf, rowsToWrite } from './fields';
import ImportContacts from './ImportContacts.svelte';
import LastImport from './LastImport.svelte';

beforeEach(() => installDialogPolyfill());
afterEach(() => {
	clearMocks();
	uninstallDialogPolyfill();
	for (const toast of toasts.items) toasts.dismiss(toast.id);
});

const hostile = '<img src=x onerror=alert(1)>';

function review(over: Partial<ImportReview> = {}): ImportReview {
	return {
		source: 'contacts.csv',
		kind: 'delimited',
		encoding: 'windows1251',
		target: 'people',
		fields: ['givenName', 'familyName', 'fullName', 'email', 'organization'],
		headers: ['Фамилия', 'Имя', 'E-mail'],
		mapping: ['familyName', 'givenName', 'email'],
		sample: [
			['Хорев', 'Альберт', 'a.khorev@tpprf.ru'],
			[hostile, 'Olga', 'not-mail']
		],
		rows: 4,
		new: 1,
		refused: [{ index: 1, row: 3, name: hostile, problem: { field: 'email', reason: { kind: 'notAnEmail', value: 'not-mail' }, message: 'x' } }],
		refusedCount: 1,
		duplicates: [
			{ index: 0, row: 2, name: 'Альберт Хорев', email: null, of: { kind: 'record', id: 'p1', name: 'Albert Khorev' }, likeness: 'sameName' },
			{ index: 3, row: 5, name: 'Olga S', email: 'o@x.ru', of: { kind: 'row', row: 4, name: 'Olga Smirnova' }, likeness: 'sameEmail' }
		],
		duplicateCount: 2,
		newOrganizations: ['ТПП РФ'],
		newOrganizationCount: 1,
		mappingProblem: null,
		...over
	};
}

type Call = { cmd: string; args: Record<string, unknown> };

function backend(calls: Call[], answers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
	mockIPC((cmd, args) => {
		const a = (args ?? {}) as Record<string, unknown>;
		calls.push({ cmd, args: a });
		if (cmd in answers) return answers[cmd](a);
		if (cmd === 'plugin:dialog|open') return '/home/olga/contacts.csv';
		if (cmd === 'imports_review') return review(a.mapping ? { mapping: a.mapping as ImportReview['mapping'] } : {});
		if (cmd === 'imports_apply') {
			(a.progress as { onmessage: (p: unknown) => void }).onmessage({ done: 2, total: 4 });
			return { importId: 'i1', created: 2, merged: 0, skipped: 1, refused: 1, organizationsCreated: 1 };
		}
		return null;
	});
}

describe('the import choices', () => {
	it('counts the rows an import writes and sends only the rows decided otherwise', () => {
		const r = review();
		expect(rowsToWrite(r, 'merge', {})).toBe(3);
		expect(rowsToWrite(r, 'skip', { 3: 'create' })).toBe(2);
		expect(rowsToWrite(review({ mappingProblem: { field: 'mapping', reason: { kind: 'mappingIncomplete', needs: 'x' }, message: 'x' } }), 'merge', {})).toBe(0);
		expect(choicesOf(r, 'skip', { 0: 'skip', 3: 'create' })).toEqual({
			target: 'people',
			mapping: ['familyName', 'givenName', 'email'],
			duplicates: 'skip',
			decisions: [{ index: 3, decision: 'create' }]
		});
	});
});

describe('Import… on a list', () => {
	it('shows the mapping with the first values, the duplicates and refused rows as plain text', async () => {
		const calls: Call[] = [];
		backend(calls);
		render(ImportContacts, { props: { target: 'people', onimported: () => {} } });
		await fireEvent.click(screen.getByTestId('import-button'));
		const mapping = await screen.findByTestId('import-mapping');
		expect(calls.find((c) => c.cmd === 'imports_review')?.args).toMatchObject({ path: '/home/olga/contacts.csv', encoding: null, target: 'people', mapping: null });
		expect(mapping.textContent).toContain('Фамилия');
		expect(mapping.textContent).toContain('Хорев');
		expect((screen.getByTestId('import-map-2') as HTMLSelectElement).value).toBe('email');
		expect(screen.getByTestId('import-counts').textContent).toContain('1 new');
		const duplicates = screen.getByTestId('import-duplicates').textContent ?? '';
		expect(duplicates).toContain('is Albert Khorev (same name)');
		expect(duplicates).toContain('repeats row 4 (Olga Smirnova) (same e-mail)');
		const refused = screen.getByTestId('import-refused');
		expect(refused.textContent).toContain(hostile);
		expect(refused.textContent).toContain('not-mail');
		expect(document.querySelector('img')).toBeNull();
		expect(screen.getByTestId('import-new-organizations').textContent).toContain('ТПП РФ');
	});

	it('shows how far a big file is read and compared, and Cancel stops it without an error', async () => {
		const calls: Call[] = [];
		let stop = () => {};
		backend(calls, {
			imports_review: (a) => {
				const progress = a.progress as { onmessage: (p: unknown) => void };
				progress.onmessage({ done: 0, total: 0 });
				progress.onmessage({ done: 40_000, total: 100_000 });
				const cancelled = { code: 'conflict', message: 'The import was cancelled: nothing was imported', field: null, reason: { kind: 'cancelled' } };
				return new Promise((_, reject) => (stop = () => reject(cancelled)));
			},
			imports_cancel: () => {
				stop();
				return null;
			}
		});
		render(ImportContacts, { props: { target: 'people', onimported: () => {} } });
		await fireEvent.click(screen.getByTestId('import-button'));
		const bar = await screen.findByTestId('import-reading');
		await waitFor(() => expect(bar.textContent).toContain('40,000 of 100,000 rows'));
		expect(bar.textContent).toContain('contacts.csv');
		const submit = screen.getByTestId('save-button') as HTMLButtonElement;
		expect(submit.disabled).toBe(true);
		expect(submit.textContent).not.toContain('Saving');
		await fireEvent.click(screen.getByTestId('cancel-button'));
		await waitFor(() => expect(calls.some((c) => c.cmd === 'imports_cancel')).toBe(true));
		await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
		expect(toasts.items.filter((t) => t.tone === 'error')).toEqual([]);
	});

	it('asks the core again when a column is mapped otherwise or the encoding changes', async () => {
		const calls: Call[] = [];
		backend(calls);
		render(ImportContacts, { props: { target: 'people', onimported: () => {} } });
		await fireEvent.click(screen.getByTestId('import-button'));
		await fireEvent.change(await screen.findByTestId('import-map-2'), { target: { value: '' } });
		await waitFor(() => expect(calls.filter((c) => c.cmd === 'imports_review')).toHaveLength(2));
		expect(calls.at(-1)?.args.mapping).toEqual(['familyName', 'givenName', null]);
		await fireEvent.change(screen.getByTestId('import-encoding'), { target: { value: 'windows1252' } });
		await waitFor(() => expect(calls.filter((c) => c.cmd === 'imports_review')).toHaveLength(3));
		expect(calls.at(-1)?.args.encoding).toBe('windows1252');
	});

	it('imports with the choices made, tells what it did and offers to undo it', async () => {
		const calls: Call[] = [];
		backend(calls);
		const onimported = vi.fn();
		render(ImportContacts, { props: { target: 'people', onimported } });
		await fireEvent.click(screen.getByTestId('import-button'));
		await fireEvent.change(await screen.findByTestId('import-for-all'), { target: { value: 'skip' } });
		await fireEvent.change(screen.getByTestId('import-decision-3'), { target: { value: 'create' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(onimported).toHaveBeenCalledTimes(1));
		const apply = calls.find((c) => c.cmd === 'imports_apply');
		expect(apply?.args.choices).toEqual({ target: 'people', mapping: ['familyName', 'givenName', 'email'], duplicates: 'skip', decisions: [{ index: 3, decision: 'create' }] });
		const toast = toasts.items.at(-1);
		expect(toast?.message).toBe('Imported contacts.csv: 2 created, 0 merged, 1 skipped, 1 refused');
		await toasts.undo(toast!);
		expect(calls.some((c) => c.cmd === 'imports_undo')).toBe(true);
		expect(toasts.items.at(-1)?.message).toBe('The import of contacts.csv was undone');
		expect(onimported).toHaveBeenCalledTimes(2);
	});

	it('says what the mapping lacks and imports nothing until it is fixed', async () => {
		const calls: Call[] = [];
		backend(calls, {
			imports_review: () => review({ mapping: [null, null, 'email'], mappingProblem: { field: 'mapping', reason: { kind: 'mappingIncomplete', needs: 'a name column' }, message: 'x' } })
		});
		render(ImportContacts, { props: { target: 'people', onimported: () => {} } });
		await fireEvent.click(screen.getByTestId('import-button'));
		expect((await screen.findByTestId('import-mapping-problem')).textContent).toBe('Choose which column holds the name');
		await fireEvent.click(screen.getByTestId('save-button'));
		expect(calls.some((c) => c.cmd === 'imports_apply')).toBe(false);
	});

	it('cancels an import under way: the core is told, and says nothing was kept', async () => {
		const calls: Call[] = [];
		let finish: (value: unknown) => void = () => {};
		backend(calls, {
			imports_apply: () => new Promise((_, reject) => (finish = reject)),
			imports_cancel: () => {
				finish({ code: 'conflict', message: 'The import was cancelled: nothing was imported', field: null, reason: { kind: 'cancelled' } });
				return null;
			}
		});
		render(ImportContacts, { props: { target: 'people', onimported: () => {} } });
		await fireEvent.click(screen.getByTestId('import-button'));
		await fireEvent.click(await screen.findByTestId('save-button'));
		expect(await screen.findByTestId('import-progress')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('cancel-button'));
		await waitFor(() => expect(toasts.items.at(-1)?.message).toBe('Cancelled: nothing was changed'));
		expect(calls.some((c) => c.cmd === 'imports_cancel')).toBe(true);
	});
});

describe('Settings → Imports', () => {
	it('undoes the last import after asking, and withdraws the Undo its notice still offers', async () => {
		const calls: Call[] = [];
		const record = { id: 'i1', source: 'contacts.csv', target: 'people', importedAt: '2026-11-29T09:00:00Z', created: 2, merged: 1, skipped: 0, refused: 0, undoneAt: null };
		backend(calls, {
			imports_last: () => (calls.some((c) => c.cmd === 'imports_undo') ? { ...record, undoneAt: '2026-11-29T09:01:00Z' } : record),
			imports_undo: () => ({ ...record, undoneAt: '2026-11-29T09:01:00Z' })
		});
		toasts.show('Imported contacts.csv: 2 created, 1 merged, 0 skipped, 0 refused', { undo: vi.fn(), key: IMPORT_TOAST });
		render(LastImport);
		await fireEvent.click(await screen.findByTestId('undo-import'));
		expect(calls.some((c) => c.cmd === 'imports_undo')).toBe(false);
		await fireEvent.click(await screen.findByTestId('confirm-button'));
		await waitFor(() => expect(screen.getByTestId('last-import').textContent).toContain('undone'));
		expect(toasts.items.map((t) => t.message)).toEqual(['The import of contacts.csv was undone']);
	});
});
