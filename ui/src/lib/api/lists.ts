// The paging/sorting/search part every list command accepts, with the app's defaults.
import type { ListQuery, Page } from '$lib/bindings';

export const PAGE_SIZE = 50;

/** A list query with every field given (the generated type leaves them optional). */
export type ListParams = Required<ListQuery>;

export function listParams(overrides: Partial<ListParams> = {}): ListParams {
	const params = {
		page: 1,
		pageSize: PAGE_SIZE,
		sort: null,
		descending: false,
		search: null,
		includeDeleted: false,
		...overrides
	};
	// An empty or blank search box means "no search", not "match the empty string".
	params.search = params.search?.trim() ? params.search.trim() : null;
	return params;
}

/** Builds a full query: list params plus the area's filters (missing filters are null). */
export function buildQuery<F extends Record<string, unknown>>(
	filterDefaults: F,
	overrides: Partial<ListParams & F> = {}
): ListParams & F {
	const filters = { ...filterDefaults } as Record<string, unknown>;
	for (const key of Object.keys(filterDefaults)) {
		if (key in overrides) filters[key] = emptyToNull(overrides[key as keyof typeof overrides]);
	}
	return { ...listParams(overrides), ...(filters as F) };
}

function emptyToNull(value: unknown): unknown {
	return value === '' || value === undefined ? null : value;
}

/** What the generic list and detail screens need from an area's API module. */
export type RecordApi<T, I, Q> = {
	list(query?: Partial<Q>): Promise<Page<T>>;
	get(id: string): Promise<T>;
	create(input: I): Promise<T>;
	update(id: string, input: I): Promise<T>;
	remove(id: string): Promise<null>;
	restore(id: string): Promise<T>;
};
