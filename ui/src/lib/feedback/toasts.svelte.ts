// Transient messages in the corner. A toast may carry an Undo: deletes are soft, so undoing
// one is a restore call, offered for a few seconds instead of an "are you sure?" on every click.
import { toApiError } from '$lib/api/errors';
import { isolate } from '$lib/format/bidi';
import { m } from '$lib/paraglide/messages';

export type Toast = {
	id: number;
	message: string;
	tone: 'info' | 'success' | 'error';
	undo?: () => Promise<unknown>;
	/** A record the notice is about, opened from the toast (a reminder's action or agreement). */
	link?: { label: string; href: string };
	/** What is said once the undo is done ("Restored" unless given). */
	undone?: string;
	/** Names what the toast offers to undo, so that undoing it elsewhere withdraws the offer. */
	key?: string;
};

const SECONDS = { plain: 5, withUndo: 10 };

/** The key of the notice that offers to undo the last import (see `Toast.key`). */
export const IMPORT_TOAST = 'import';

/** A toast's countdown: it stops while anything holds it (the pointer, keyboard focus). */
type Countdown = { remaining: number; startedAt: number; timer?: ReturnType<typeof setTimeout>; holds: Set<string> };

class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;
	#countdowns = new Map<number, Countdown>();

	show(message: string, options: Partial<Pick<Toast, 'tone' | 'undo' | 'link' | 'undone' | 'key'>> = {}): number {
		const toast: Toast = { id: this.#next++, message, ...options, tone: options.tone ?? 'info' };
		for (const old of this.items.slice(0, -3)) this.dismiss(old.id);
		this.items = [...this.items, toast];
		const seconds = toast.undo || toast.link ? SECONDS.withUndo : SECONDS.plain;
		const countdown: Countdown = { remaining: seconds * 1000, startedAt: 0, holds: new Set() };
		this.#countdowns.set(toast.id, countdown);
		this.#start(toast.id, countdown);
		return toast.id;
	}

	/** Withdraws the toasts about `key` (an undo done elsewhere: the offer is spent). */
	dismissKey(key: string) {
		for (const toast of this.items.filter((t) => t.key === key)) this.dismiss(toast.id);
	}

	/** Stops (`held`) or resumes a toast's countdown; `reason` tells hover and focus apart. */
	hold(id: number, reason: string, held: boolean) {
		const countdown = this.#countdowns.get(id);
		if (!countdown) return;
		const wasHeld = countdown.holds.size > 0;
		if (held) countdown.holds.add(reason);
		else countdown.holds.delete(reason);
		if (!wasHeld && held) {
			clearTimeout(countdown.timer);
			countdown.remaining -= Date.now() - countdown.startedAt;
		} else if (wasHeld && countdown.holds.size === 0) {
			this.#start(id, countdown);
		}
	}

	#start(id: number, countdown: Countdown) {
		countdown.startedAt = Date.now();
		countdown.timer = setTimeout(() => this.dismiss(id), Math.max(countdown.remaining, 0));
	}

	error(error: unknown) {
		return this.show(toApiError(error).message, { tone: 'error' });
	}

	dismiss(id: number) {
		clearTimeout(this.#countdowns.get(id)?.timer);
		this.#countdowns.delete(id);
		this.items = this.items.filter((t) => t.id !== id);
	}

	/** Undoes the newest toast that offers Undo (Ctrl/Cmd+Z); false when none is shown. */
	undoLatest(): boolean {
		const toast = this.items.findLast((t) => t.undo);
		if (toast) void this.undo(toast);
		return !!toast;
	}

	async undo(toast: Toast) {
		this.dismiss(toast.id);
		try {
			await toast.undo?.();
			this.show(toast.undone ?? m.common_toast_restored(), { tone: 'success' });
		} catch (error) {
			this.error(error);
		}
	}
}

export const toasts = new Toasts();

/**
 * Soft-deletes a record and offers Undo (restore). Rejects when the delete itself fails,
 * so the caller can stay on the page.
 */
export async function deleteWithUndo(options: {
	what: string;
	remove: () => Promise<unknown>;
	restore: () => Promise<unknown>;
	onRestored?: () => void;
}): Promise<void> {
	await options.remove();
	toasts.show(m.common_toast_deleted({ name: isolate(options.what) }), {
		undo: async () => {
			await options.restore();
			options.onRestored?.();
		}
	});
}

/** Restores a deleted record (from the trash, not an Undo) and says so; a failure is shown too. */
export async function restoreWithNotice(restore: () => Promise<unknown>, onRestored: () => void) {
	try {
		await restore();
		toasts.show(m.common_toast_restored(), { tone: 'success' });
		onRestored();
	} catch (error) {
		toasts.error(error);
	}
}
