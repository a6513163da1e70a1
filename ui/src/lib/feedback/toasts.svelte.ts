// Transient messages in the corner. A toast may carry an Undo: deletes are soft, so undoing
// one is a restore call, offered for a few seconds instead of an "are you sure?" on every click.
import { toApiError } from '$lib/api/errors';

export type Toast = {
	id: number;
	message: string;
	tone: 'info' | 'success' | 'error';
	undo?: () => Promise<unknown>;
};

const SECONDS = { plain: 5, withUndo: 10 };

class Toasts {
	items = $state<Toast[]>([]);
	#next = 1;

	show(message: string, options: { tone?: Toast['tone']; undo?: Toast['undo'] } = {}): number {
		const toast: Toast = { id: this.#next++, message, tone: options.tone ?? 'info', undo: options.undo };
		this.items = [...this.items.slice(-3), toast];
		const seconds = toast.undo ? SECONDS.withUndo : SECONDS.plain;
		setTimeout(() => this.dismiss(toast.id), seconds * 1000);
		return toast.id;
	}

	error(error: unknown) {
		return this.show(toApiError(error).message, { tone: 'error' });
	}

	dismiss(id: number) {
		this.items = this.items.filter((t) => t.id !== id);
	}

	async undo(toast: Toast) {
		this.dismiss(toast.id);
		try {
			await toast.undo?.();
			this.show('Restored.', { tone: 'success' });
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
	toasts.show(`Deleted “${options.what}”.`, {
		undo: async () => {
			await options.restore();
			options.onRestored?.();
		}
	});
}
