// The state every record form shares: busy flag, inline field errors and the general banner.
// Errors come from the core as AppError; `formErrors` routes them to a field or the banner.
import { formErrors } from '$lib/api/errors';

export class Submission {
	busy = $state(false);
	fields = $state<Record<string, string>>({});
	general = $state<string | null>(null);

	constructor(private readonly shownFields: readonly string[]) {}

	reset() {
		this.busy = false;
		this.fields = {};
		this.general = null;
	}

	/** Runs `save`; on failure shows its error and resolves to null instead of throwing. */
	async run<T>(save: () => Promise<T>): Promise<T | null> {
		this.busy = true;
		this.fields = {};
		this.general = null;
		try {
			return await save();
		} catch (error) {
			const routed = formErrors(error, this.shownFields);
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
