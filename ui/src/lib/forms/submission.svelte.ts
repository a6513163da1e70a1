// The state every record form shares: busy flag, inline field errors, the general banner, and
// whether the form has been edited since it opened.
// Errors come from the core as AppError; `formErrors` routes them to a field or the banner.
import { untrack } from 'svelte';
import { formErrors } from '$lib/api/errors';

/**
 * Whether the open form renders a control for `field`. Field, RecordSelect and the grouped
 * inputs (sectors, parties) carry the id `f-<field>`; an error for anything else, like a field
 * the form has no control for, goes to the banner instead of vanishing.
 */
export function fieldShown(field: string): boolean {
	return typeof document !== 'undefined' && document.getElementById(`f-${field}`) !== null;
}

export class Submission {
	busy = $state(false);
	fields = $state<Record<string, string>>({});
	general = $state<string | null>(null);
	#pristine = '';

	/** Clears the errors; `value` is what the form starts from, for `changed`. */
	reset(value?: unknown) {
		this.busy = false;
		this.fields = {};
		this.general = null;
		this.#pristine = untrack(() => fingerprint(value));
	}

	/** True when `value` differs from what `reset` was given: there are unsaved edits. */
	changed(value: unknown): boolean {
		return fingerprint(value) !== this.#pristine;
	}

	/** Runs `save`; on failure shows its error and resolves to null instead of throwing. */
	async run<T>(save: () => Promise<T>): Promise<T | null> {
		this.busy = true;
		this.fields = {};
		this.general = null;
		try {
			return await save();
		} catch (error) {
			const routed = formErrors(error, fieldShown);
			this.fields = routed.fields;
			this.general = routed.general;
			this.focusFirstError();
			return null;
		} finally {
			this.busy = false;
		}
	}

	error(field: string): string | null {
		return this.fields[field] ?? null;
	}

	private focusFirstError() {
		const first = Object.keys(this.fields)[0];
		if (!first || typeof document === 'undefined') return;
		// After Svelte has rendered aria-invalid, move focus to the field the user must fix.
		setTimeout(() => document.getElementById(`f-${first}`)?.focus(), 0);
	}
}

function fingerprint(value: unknown): string {
	return JSON.stringify($state.snapshot(value)) ?? '';
}
