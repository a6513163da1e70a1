import { describe, expect, it } from 'vitest';
import { buildQuery, listParams } from './lists';

describe('list queries', () => {
	it('defaults to the first page of 50, nothing deleted', () => {
		expect(listParams()).toEqual({
			page: 1,
			pageSize: 50,
			sort: null,
			descending: false,
			search: null,
			includeDeleted: false
		});
	});

	it('treats a blank search as no search and trims the rest', () => {
		expect(listParams({ search: '   ' }).search).toBeNull();
		expect(listParams({ search: ' Khorev ' }).search).toBe('Khorev');
	});

	it('fills every filter, empty ones as null', () => {
		const filters: { status: string | null; direction: string | null } = { status: null, direction: null };
		const query = buildQuery(filters, { status: 'planned', direction: '', page: 3 });
		expect(query).toMatchObject({ status: 'planned', direction: null, page: 3, pageSize: 50 });
	});
});
