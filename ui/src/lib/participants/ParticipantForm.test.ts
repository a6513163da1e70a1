import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Participant, Person } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import ParticipantForm from '$lib/visits/ParticipantForm.svelte';

const api = vi.hoisted(() => ({ createPerson: vi.fn(), listPeople: vi.fn(), createParticipant: vi.fn() }));
vi.mock('$lib/api/people', async (original) => {
	const actual = await original<typeof import('$lib/api/people')>();
	return { ...actual, people: { ...actual.people, create: api.createPerson, list: api.listPeople } };
});
vi.mock('$lib/api/participants', async (original) => {
	const actual = await original<typeof import('$lib/api/participants')>();
	return { ...actual, participants: { ...actual.participants, create: api.createParticipant } };
});

beforeEach(() => {
	installDialogPolyfill();
	api.listPeople.mockResolvedValue({ items: [], total: 0, totalCapped: false, page: 1, pageSize: 20 });
});
afterEach(() => {
	uninstallDialogPolyfill();
	vi.resetAllMocks();
});

describe('ParticipantForm', () => {
	it('creates a person from the typed name, split at the last space, and adds them', async () => {
		api.createPerson.mockImplementation(async (input) => ({ id: 'new-person', displayName: 'Albert P. Khorev', ...input }) as Person);
		api.createParticipant.mockImplementation(async (input) => ({ id: 'pa1', ...input }) as Participant);
		const onsaved = vi.fn();
		render(ParticipantForm, { props: { open: true, visitId: 'v1', timeZone: 'Asia/Karachi', onsaved } });
		await tick();
		const picker = screen.getByTestId('field-personId') as HTMLInputElement;
		await fireEvent.focus(picker);
		await fireEvent.input(picker, { target: { value: '  Albert P.  Khorev ' } });
		// Offered at once, and still after the search finds nobody by that name.
		await waitFor(() => expect(api.listPeople).toHaveBeenCalledWith(expect.objectContaining({ search: '  Albert P.  Khorev ' })));
		const create = await screen.findByTestId('create-option');
		expect(create.textContent).toContain('Albert P.  Khorev');
		await fireEvent.mouseDown(create);

		await waitFor(() => expect(picker.dataset.value).toBe('new-person'));
		expect(api.createPerson).toHaveBeenCalledOnce();
		const input = api.createPerson.mock.calls[0][0];
		expect(input).toMatchObject({ givenName: 'Albert P.', familyName: 'Khorev', honorific: null, nativeName: null, organizationId: null, protocolRank: null });
		expect(Object.keys(input).sort()).toEqual(
			['accessNeeds', 'bio', 'country', 'dietaryNeeds', 'email', 'familyName', 'givenName', 'honorific', 'languages', 'nativeName', 'notes', 'organizationId', 'phone', 'position', 'protocolRank'].sort()
		);
		expect(picker.value).toBe('Albert P. Khorev');
		expect(screen.getByTestId('person-created').textContent).toContain('is now in People');

		await fireEvent.submit(picker.closest('form')!);
		await waitFor(() => expect(api.createParticipant).toHaveBeenCalledOnce());
		expect(api.createParticipant.mock.calls[0][0]).toMatchObject({ visitId: 'v1', personId: 'new-person', side: 'guest', rsvp: 'invited' });
		await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
	});

	it('says why a person could not be created, and keeps the form open', async () => {
		api.createPerson.mockRejectedValue({ code: 'unexpected', message: 'Disk full', field: null });
		render(ParticipantForm, { props: { open: true, visitId: 'v1', timeZone: 'Asia/Karachi', onsaved: () => {} } });
		await tick();
		const picker = screen.getByTestId('field-personId') as HTMLInputElement;
		await fireEvent.focus(picker);
		await fireEvent.input(picker, { target: { value: 'Plato' } });
		await fireEvent.mouseDown(await screen.findByTestId('create-option'));
		await waitFor(() => expect(api.createPerson).toHaveBeenCalledWith(expect.objectContaining({ givenName: 'Plato', familyName: null })));
		expect(picker.dataset.value).toBe('');
		expect(screen.queryByTestId('person-created')).toBeNull();
	});
});
