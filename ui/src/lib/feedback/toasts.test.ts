import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteWithUndo, toasts } from './toasts.svelte';

afterEach(() => {
	toasts.items = [];
});

describe('delete with undo', () => {
	it('deletes, then offers an Undo that restores', async () => {
		const remove = vi.fn().mockResolvedValue(null);
		const restore = vi.fn().mockResolvedValue({});
		const onRestored = vi.fn();
		await deleteWithUndo({ what: 'Sialkot visit', remove, restore, onRestored });
		expect(remove).toHaveBeenCalledOnce();
		const toast = toasts.items.at(-1)!;
		expect(toast.message).toBe('Deleted “Sialkot visit”.');
		expect(toast.undo).toBeTypeOf('function');
		await toasts.undo(toast);
		expect(restore).toHaveBeenCalledOnce();
		expect(onRestored).toHaveBeenCalledOnce();
		expect(toasts.items.map((t) => t.message)).toEqual(['Restored.']);
	});

	it('does not offer Undo when the delete failed', async () => {
		const failure = { code: 'not_found', message: 'gone', field: null };
		await expect(
			deleteWithUndo({ what: 'x', remove: () => Promise.reject(failure), restore: vi.fn() })
		).rejects.toEqual(failure);
		expect(toasts.items).toEqual([]);
	});

	it('reports a failed restore as an error toast', async () => {
		await deleteWithUndo({
			what: 'x',
			remove: async () => null,
			restore: () => Promise.reject({ code: 'conflict', message: 'an equivalent one exists now', field: null })
		});
		await toasts.undo(toasts.items[0]);
		expect(toasts.items).toMatchObject([{ tone: 'error', message: 'an equivalent one exists now' }]);
	});
});
