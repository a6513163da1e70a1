// The API modules against a mocked Tauri IPC: the right command names and argument shapes go
// out, and errors come back as ApiError whatever the backend threw.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import { actions, emptyActionInput } from './actions';
import { loadDashboard, loadSampleData } from './dashboard';
import { changedFields, fieldChanges, fieldLabel, operationLabel, recordHistory } from './history';
import { checkIn } from './participants';
import { people } from './people';
import { emptyVisitInput, visits } from './visits';

type Call = { cmd: string; args: unknown };

function record(reply: (cmd: string, args: unknown) => unknown = () => null): Call[] {
	const calls: Call[] = [];
	mockIPC((cmd, args) => {
		calls.push({ cmd, args });
		return reply(cmd, args);
	});
	return calls;
}

afterEach(() => clearMocks());

describe('API wrappers', () => {
	it('lists people with a complete query', async () => {
		const page = { items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 };
		const calls = record(() => page);
		await expect(people.list({ search: ' Khorev ', organizationId: 'org-1' })).resolves.toEqual(page);
		expect(calls).toEqual([
			{
				cmd: 'people_list',
				args: {
					query: {
						page: 1,
						pageSize: 50,
						sort: null,
						descending: false,
						search: 'Khorev',
						includeDeleted: false,
						organizationId: 'org-1',
						country: null
					}
				}
			}
		]);
	});

	it('passes every filter of the area, e.g. recent visits', async () => {
		const calls = record(() => ({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 50 }));
		await visits.list({ endsBefore: '2026-01-28', descending: true });
		expect(calls[0].args).toMatchObject({ query: { endsBefore: '2026-01-28', endsFrom: null, descending: true } });
	});

	it('sends id and input for updates, id alone for delete and restore', async () => {
		const calls = record();
		const input = { ...emptyVisitInput(), title: 'Sialkot', startDate: '2026-01-28', endDate: '2026-01-28' };
		await visits.update('v1', input);
		await visits.remove('v1');
		await visits.restore('v1');
		await visits.overview('v1');
		await visits.overview('v1', { includeDeleted: true });
		expect(calls.map((c) => c.cmd)).toEqual(['visits_update', 'visits_delete', 'visits_restore', 'visits_overview', 'visits_overview']);
		expect(calls[0].args).toEqual({ id: 'v1', input });
		expect(calls[1].args).toEqual({ id: 'v1' });
		expect(calls[3].args).toEqual({ id: 'v1', includeDeleted: false });
		expect(calls[4].args).toEqual({ id: 'v1', includeDeleted: true });
	});

	it('calls the app-wide and participant commands by their names', async () => {
		const calls = record(() => ({}));
		await loadDashboard();
		await loadSampleData();
		await checkIn('p1', true);
		expect(calls).toEqual([
			{ cmd: 'dashboard_get', args: {} },
			{ cmd: 'sample_load', args: {} },
			{ cmd: 'participants_check_in', args: { id: 'p1', checkedIn: true } }
		]);
	});

	it('rejects with the AppError the backend sent, said in the user’s language', async () => {
		record(() => {
			throw { code: 'validation', message: 'Title is required', field: 'title', reason: { kind: 'required' } };
		});
		await expect(visits.create(emptyVisitInput())).rejects.toEqual({
			code: 'validation',
			message: 'Required.',
			field: 'title',
			reason: { kind: 'required' },
			detail: 'Title is required'
		});
	});

	it('normalises a transport error into an ApiError', async () => {
		record(() => {
			throw 'command actions_create not found';
		});
		await expect(actions.create(emptyActionInput())).rejects.toEqual({
			code: 'unexpected',
			message: 'Something went wrong (command actions_create not found).',
			field: null,
			detail: 'command actions_create not found'
		});
	});

	it('reads a record\'s history and the fields each entry changed', async () => {
		const entry = {
			at: '2026-01-28T05:30:00Z',
			actor: 'officer',
			recordKind: 'visit',
			recordId: 'v1',
			operation: 'update',
			changes: '{"title":{"before":"a","after":"b"},"endDate":{"before":null,"after":"2026-01-29"}}',
			names: {}
		};
		const created = { ...entry, operation: 'create', changes: '{}' };
		const calls = record(() => [created, entry]);
		const entries = await recordHistory('visit', 'v1');
		expect(entries.map((e) => e.operation)).toEqual(['update', 'create']);
		expect(calls).toEqual([{ cmd: 'record_history', args: { kind: 'visit', id: 'v1' } }]);
		expect(changedFields(entries[0])).toEqual(['title', 'endDate']);
		expect(changedFields({ ...entry, changes: 'not json' })).toEqual([]);
		expect(fieldLabel('hostOrganizationId')).toBe('host organization');
		expect(fieldLabel('sectorIds')).toBe('sectors');
		expect(fieldLabel('startsAt')).toBe('starts at');
		expect(operationLabel('update')).toBe('Edited');
	});

	it('says what an edit changed, before and after, naming records and terms', () => {
		const entry = {
			at: '2026-01-28T05:30:00Z',
			actor: 'officer',
			recordKind: 'agreement',
			recordId: 'a1',
			operation: 'update',
			changes: JSON.stringify({
				status: { before: 'negotiating', after: 'signed' },
				signedOn: { before: null, after: '2026-01-28' },
				parties: { before: ['o1 -'], after: ['o1 p1', 'o2 p9'] },
				signedVisitId: { before: 'v1', after: null },
				summary: { before: 'x'.repeat(200), after: '<script>alert(1)</script>' }
			}),
			names: { o1: 'Sialkot Chamber', p1: 'Syed Ahtesham Mazhar', o2: 'Embassy of Russia', v1: 'Sialkot visit' }
		};
		const byField = Object.fromEntries(fieldChanges(entry).map((c) => [c.field, c]));
		expect([byField.status.before, byField.status.after]).toEqual(['Negotiating', 'Signed']);
		expect(byField.signedOn.before).toBe('—');
		expect(byField.signedOn.after).toMatch(/28/);
		expect(byField.parties.before).toBe('Sialkot Chamber');
		expect(byField.parties.after).toBe('Sialkot Chamber (Syed Ahtesham Mazhar) and Embassy of Russia (a record no longer on file)');
		expect([byField.signedVisitId.before, byField.signedVisitId.after]).toEqual(['Sialkot visit', '—']);
		expect(byField.summary.before).toHaveLength(121);
		expect(byField.summary.after).toBe('<script>alert(1)</script>');
		expect(fieldChanges({ ...entry, changes: 'not json' })).toEqual([]);
	});
});
