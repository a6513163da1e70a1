import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import MergeDialog from './MergeDialog.svelte';
import { mergeRows, proposedTake } from './rows';

beforeEach(() => installDialogPolyfill());
afterEach(() => {
	clearMocks();
	uninstallDialogPolyfill();
	for (const toast of toasts.items) toasts.dismiss(toast.id);
});

function person(over: Partial<Person>): Person {
	return {
		id: 'p1', honorific: null, givenName: 'Albert', familyName: 'Khorev', nativeName: null, displayName: 'Albert Khorev',
		position: null, organizationId: null, organizationName: null, organizationDeleted: false, country: null, email: null,
		phone: null, languages: null, protocolRank: null, dietaryNeeds: null, accessNeeds: null, bio: null, notes: null,
		createdAt: '', updatedAt: '', deletedAt: null, ...over
	};
}

const mine = person({ email: 'a.khorev@mid.ru', position: 'Ambassador' });
const theirs = person({ id: 'p2', givenName: 'Альберт', displayName: 'Альберт Khorev', email: 'khorev@gmail.com', phone: '<b>+7</b>', position: null });

describe('the merge comparison', () => {
	it('lists the fields where the other record has something different, proposing what this one lacks', () => {
		const rows = mergeRows('person', mine, theirs);
		expect(rows.map((r) => r.field)).toEqual(['givenName', 'email', 'phone']);
		expect(proposedTake(rows)).toEqual(['phone']);
	});
});

describe('Merge… on a person', () => {
	it('compares the chosen record field by field and merges with the values chosen', async () => {
		const calls: { cmd: string; args: Record<string, unknown> }[] = [];
		mockIPC((cmd, args) => {
			calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
			if (cmd === 'people_list') return { items: [mine, theirs], total: 2, totalCapped: false, page: 1, pageSize: 20 };
			if (cmd === 'people_get') return theirs;
			if (cmd === 'people_merge') return mine;
			return null;
		});
		const onmerged = vi.fn();
		render(MergeDialog, { props: { kind: 'person', record: mine, onmerged } });
		await fireEvent.click(screen.getByTestId('merge-button'));
		const field = await screen.findByTestId('field-merge-other');
		await fireEvent.focus(field);
		const options = await screen.findAllByRole('option');
		// This record is not offered as its own other.
		expect(options.map((o) => o.textContent?.trim())).toEqual(['Альберт Khorev']);
		await fireEvent.mouseDown(options[0]);
		const table = await screen.findByTestId('merge-fields');
		expect(table.textContent).toContain('<b>+7</b>');
		expect(table.querySelector('b')).toBeNull();
		expect((screen.getByTestId('merge-take-phone') as HTMLInputElement).checked).toBe(true);
		await fireEvent.click(screen.getByTestId('merge-take-email'));
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(onmerged).toHaveBeenCalled());
		expect(calls.find((c) => c.cmd === 'people_merge')?.args).toEqual({ request: { keep: 'p1', other: 'p2', takeFromOther: ['phone', 'email'] } });
		expect(toasts.items.at(-1)?.message).toBe('Merged: Альберт Khorev is now part of this record');
	});
});
