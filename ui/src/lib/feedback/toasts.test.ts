import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteWithUndo, IMPORT_TOAST, toasts } from './toasts.svelte';

afterEach(() => {
	for (const t of toasts.items) toasts.dismiss(t.id);
	vi.useRealTimers();
});

describe('delete with undo', () => {
	it('deletes, then offers an Undo that restores', async () => {
		const remove = vi.fn().mockResolvedValue(null);
		const restore = vi.fn().mockResolvedValue({});
		const onRestored = vi.fn();
		await deleteWithUndo({ what: 'Sialkot visit', remove, restore, onRestored });
		expect(remove).toHaveBeenCalledOnce();
		const toast = toasts.items.at(-1)!;
		expect(toast.message).toBe('Deleted “\u2068Sialkot visit\u2069”.');
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

describe('toast countdown', () => {
	it('pauses while hovered or focused and resumes with the time that was left', () => {
		vi.useFakeTimers();
		const id = toasts.show('Saved.');
		vi.advanceTimersByTime(3000);
		toasts.hold(id, 'hover', true);
		toasts.hold(id, 'focus', true);
		vi.advanceTimersByTime(60_000);
		toasts.hold(id, 'hover', false);
		vi.advanceTimersByTime(60_000);
		expect(toasts.items.map((t) => t.id)).toEqual([id]);
		toasts.hold(id, 'focus', false);
		vi.advanceTimersByTime(1900);
		expect(toasts.items).toHaveLength(1);
		vi.advanceTimersByTime(200);
		expect(toasts.items).toEqual([]);
	});
});

describe('undo from the keyboard', () => {
	it('undoes the newest toast that offers Undo', async () => {
		const first = vi.fn().mockResolvedValue({});
		const second = vi.fn().mockResolvedValue({});
		toasts.show('Deleted “a”.', { undo: first });
		toasts.show('Deleted “b”.', { undo: second });
		toasts.show('Something else.');
		expect(toasts.undoLatest()).toBe(true);
		await vi.waitFor(() => expect(second).toHaveBeenCalledOnce());
		expect(first).not.toHaveBeenCalled();
		expect(toasts.items.map((t) => t.message)).toContain('Deleted “a”.');
		expect(toasts.items.map((t) => t.message)).not.toContain('Deleted “b”.');
	});

	it('does nothing when no toast offers Undo', () => {
		toasts.show('Saved.');
		expect(toasts.undoLatest()).toBe(false);
	});
});

describe('an offer to undo withdrawn', () => {
	it('dismisses the notices about what was undone elsewhere, and only those', () => {
		toasts.show('Imported contacts.csv', { undo: vi.fn(), key: IMPORT_TOAST });
		toasts.show('Saved');
		toasts.dismissKey(IMPORT_TOAST);
		expect(toasts.items.map((t) => t.message)).toEqual(['Saved']);
	});
});
