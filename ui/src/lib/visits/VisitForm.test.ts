import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Visit, VisitInput } from '$lib/bindings';
import VisitForm from './VisitForm.svelte';

const visit = {
	id: 'v1',
	title: 'Trade mission to Kazan',
	direction: 'outgoing',
	status: 'planned',
	hostOrganizationId: null,
	hostOrganizationName: null,
	guestOrganizationId: null,
	guestOrganizationName: null,
	city: null,
	country: null,
	timeZone: 'Europe/Moscow',
	startDate: '2026-09-14',
	endDate: '2026-09-16',
	exactDatesUnknown: false,
	objectives: null,
	securityLevel: 'standard',
	securityNotes: null,
	outcomeSummary: null
} as unknown as Visit;

afterEach(() => clearMocks());

function sentInputs() {
	const inputs: VisitInput[] = [];
	mockIPC((cmd, args) => {
		const input = (args as { input?: VisitInput }).input;
		if (input) inputs.push(input);
		return cmd === 'visits_update' || cmd === 'visits_create' ? { ...visit, ...input } : null;
	});
	return inputs;
}

async function open(record: Visit | null, programme = { items: 0, travellers: 0 }) {
	const onsaved = vi.fn();
	render(VisitForm, { props: { open: true, record, programme, onsaved } });
	await tick();
	return onsaved;
}

async function moveStart(to: string) {
	await fireEvent.input(screen.getByTestId('field-startDate'), { target: { value: to } });
	await fireEvent.input(screen.getByTestId('field-endDate'), { target: { value: '2026-09-19' } });
	await fireEvent.click(screen.getByTestId('save-button'));
}

describe('VisitForm', () => {
	it('asks whether a new start date moves the programme, and sends the answer', async () => {
		const inputs = sentInputs();
		const onsaved = await open(visit, { items: 5, travellers: 0 });
		await moveStart('2026-09-17');
		expect(screen.getByText('Move the programme too?')).toBeTruthy();
		expect(screen.getByText('The 5 programme items will move 3 days later, keeping their times.')).toBeTruthy();
		expect(inputs).toEqual([]);
		await fireEvent.click(screen.getByText('Move programme'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(inputs[0]).toMatchObject({ startDate: '2026-09-17', moveProgramme: true });
	});

	it('keeps the programme where it is when asked to', async () => {
		const inputs = sentInputs();
		const onsaved = await open(visit, { items: 0, travellers: 2 });
		await moveStart('2026-09-12');
		await fireEvent.click(screen.getByText('Keep programme where it is'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(inputs[0]).toMatchObject({ startDate: '2026-09-12', moveProgramme: false });
	});

	it('does not ask when nothing is planned, nor for a new visit', async () => {
		const inputs = sentInputs();
		const onsaved = await open(null);
		await fireEvent.input(screen.getByTestId('field-title'), { target: { value: 'Kazan, some time in November' } });
		await fireEvent.click(screen.getByTestId('field-exactDatesUnknown'));
		await moveStart('2026-11-01');
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(screen.queryByText('Move the programme too?')).toBeNull();
		expect(inputs[0]).toMatchObject({ exactDatesUnknown: true, moveProgramme: false });
	});
});
