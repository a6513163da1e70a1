import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError, Vehicle, VehicleInput } from '$lib/bindings';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import VehicleForm from './VehicleForm.svelte';

const create = vi.hoisted(() => vi.fn());
const update = vi.hoisted(() => vi.fn());
vi.mock('$lib/api/vehicles', async (original) => {
	const actual = await original<typeof import('$lib/api/vehicles')>();
	return { ...actual, vehicles: { ...actual.vehicles, create, update } };
});

const vehicle: Vehicle = {
	id: 'c1',
	label: 'Car 1 (lead)',
	kind: 'car',
	registration: 'SKT-101',
	seats: 4,
	driver: 'Imran',
	phone: '+92 300 0000000',
	notes: null,
	createdAt: '2026-01-01T00:00:00.000Z',
	updatedAt: '2026-01-01T00:00:00.000Z',
	deletedAt: null
};

const refusal = (field: string, reason: AppError['reason']): AppError => ({ code: 'validation', message: 'refused', field, reason });

beforeEach(installDialogPolyfill);
afterEach(() => {
	uninstallDialogPolyfill();
	create.mockReset();
	update.mockReset();
	chooseLanguage('system');
});

async function open(record: Vehicle | null = null) {
	const onsaved = vi.fn();
	render(VehicleForm, { props: { open: true, record, onsaved } });
	await tick();
	return onsaved;
}

async function type(field: string, value: string) {
	await fireEvent.input(screen.getByTestId(`field-${field}`), { target: { value } });
}

describe('VehicleForm', () => {
	it('creates a vehicle with its kind, seats, driver and phone', async () => {
		create.mockImplementation(async (input: VehicleInput) => ({ ...vehicle, ...input, id: 'new' }));
		const onsaved = await open();
		await type('label', 'Delegation coach');
		await fireEvent.change(screen.getByTestId('field-kind'), { target: { value: 'coach' } });
		await type('seats', '45');
		await type('driver', 'Tariq');
		await type('phone', '+92 321 1234567');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(create).toHaveBeenCalledWith({
			label: 'Delegation coach',
			kind: 'coach',
			registration: null,
			seats: 45,
			driver: 'Tariq',
			phone: '+92 321 1234567',
			notes: null
		});
	});

	it('edits the vehicle it was opened on', async () => {
		update.mockImplementation(async (id: string, input: VehicleInput) => ({ ...vehicle, ...input, id }));
		const onsaved = await open(vehicle);
		expect((screen.getByTestId('field-kind') as HTMLSelectElement).value).toBe('car');
		await type('seats', '');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(update).toHaveBeenCalledWith('c1', {
			label: 'Car 1 (lead)',
			kind: 'car',
			registration: 'SKT-101',
			seats: null,
			driver: 'Imran',
			phone: '+92 300 0000000',
			notes: null
		});
	});

	it('shows the core’s refusals at the fields they name', async () => {
		create.mockRejectedValueOnce(refusal('label', { kind: 'required' }));
		const onsaved = await open();
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(screen.getByTestId('error-label').textContent).toBe('Required.'));
		expect(create).toHaveBeenCalledWith(expect.objectContaining({ label: '', kind: 'car' }));

		create.mockRejectedValueOnce(refusal('seats', { kind: 'tooSmall', min: 0 }));
		await type('label', 'Van');
		await type('seats', '-1');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(screen.getByTestId('error-seats').textContent).toBe('Must be 0 or more.'));
		expect(screen.queryByTestId('error-label')).toBeNull();
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('names the kinds in the chosen language', async () => {
		await open();
		const kinds = () => [...(screen.getByTestId('field-kind') as HTMLSelectElement).options].map((o) => o.textContent);
		expect(kinds()).toEqual(['Car', 'Van', 'Minibus', 'Coach', 'Other']);
		chooseLanguage('ru');
		flushSync();
		expect(kinds()).toContain('Микроавтобус');
		chooseLanguage('ur');
		flushSync();
		expect(kinds()).toContain('کوچ');
	});
});
