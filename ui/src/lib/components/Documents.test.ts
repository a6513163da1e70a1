import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import Documents from './Documents.svelte';

beforeEach(installDialogPolyfill);
afterEach(() => {
	clearMocks();
	uninstallDialogPolyfill();
});

const hostile = '<img src=x onerror=alert(1)> Протокол.pdf';

describe('a record’s documents', () => {
	it('lists them as plain text with type, size and date, and removes one only when confirmed', async () => {
		const removed: string[] = [];
		let list = [
			{ id: 'd1', recordKind: 'agreement', recordId: 'a1', fileName: hostile, mediaType: 'application/pdf', sizeBytes: 1_572_864, sha256: 'ab', createdAt: '2026-11-28T10:00:00.000Z' }
		];
		mockIPC((cmd, args) => {
			if (cmd === 'documents_list') return list;
			if (cmd === 'documents_remove') {
				removed.push((args as { id: string }).id);
				list = [];
				return null;
			}
			return null;
		});
		render(Documents, { props: { kind: 'agreement', recordId: 'a1' } });
		const row = await screen.findByTestId('document-row');
		expect(row.textContent).toContain(hostile);
		expect(row.querySelector('img')).toBeNull();
		expect(row.textContent).toMatch(/PDF · 1\.5 MB · /);

		await fireEvent.click(screen.getByRole('button', { name: `Remove ${hostile}` }));
		expect(removed).toEqual([]);
		await fireEvent.click(await screen.findByTestId('confirm-button'));
		await waitFor(() => expect(removed).toEqual(['d1']));
		await waitFor(() => expect(screen.getByText('No documents attached.')).toBeTruthy());
	});

	it('offers no attaching or removing on a deleted record', async () => {
		mockIPC((cmd) => (cmd === 'documents_list' ? [] : null));
		render(Documents, { props: { kind: 'visit', recordId: 'v1', readonly: true } });
		await screen.findByText('No documents attached.');
		expect(screen.queryByTestId('attach-document')).toBeNull();
	});
});
