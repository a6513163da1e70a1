// Loading one record for a detail page: value, error and a reload, without each page
// re-implementing the same three states.
import { toApiError, type ApiError } from '$lib/api/errors';

export class Loaded<T> {
	value = $state<T | null>(null);
	error = $state<ApiError | null>(null);
	loading = $state(false);
	#request = 0;

	async load(fetch: () => Promise<T>): Promise<void> {
		const mine = ++this.#request;
		this.loading = true;
		try {
			const value = await fetch();
			if (mine !== this.#request) return;
			this.value = value;
			this.error = null;
		} catch (error) {
			if (mine !== this.#request) return;
			this.error = toApiError(error);
		} finally {
			if (mine === this.#request) this.loading = false;
		}
	}
}
