import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppError, Venue, VenueInput } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import VenueForm from './VenueForm.svelte';

const create = vi.hoisted(() => vi.fn());
const update = vi.hoisted(() => vi.fn());
vi.mock('$lib/api/venues', async (original) => {
	const actual = await original<typeof import('$lib/api/venues')>();
	return { ...actual, venues: { ...actual.venues, create, update } };
});

const venue: Venue = {
	id: 've1',
	name: 'Chamber auditorium',
	address: 'Shahab Pura Road',
	city: 'Sialkot',
	country: 'PK',
	capacity: 300,
	contact: null,
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
});

async function open(record: Venue | null = null) {
	const onsaved = vi.fn();
	render(VenueForm, { props: { open: true, record, onsaved } });
	await tick();
	return onsaved;
}

async function type(field: string, value: string) {
	await fireEvent.input(screen.getByTestId(`field-${field}`), { target: { value } });
}

describe('VenueForm', () => {
	it('creates a venue from every field, empty ones as null', async () => {
		create.mockImplementation(async (input: VenueInput) => ({ ...venue, ...input, id: 'new' }));
		const onsaved = await open();
		await type('name', 'Chamber auditorium');
		await type('city', 'Sialkot');
		await type('capacity', '300');
		await type('contact', 'Protocol desk, +92 52 000 0000');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(create).toHaveBeenCalledWith({
			name: 'Chamber auditorium',
			address: null,
			city: 'Sialkot',
			country: null,
			capacity: 300,
			contact: 'Protocol desk, +92 52 000 0000',
			notes: null
		});
		expect(onsaved.mock.calls[0][0].id).toBe('new');
	});

	it('updates the venue it was opened on, keeping what was not changed', async () => {
		update.mockImplementation(async (id: string, input: VenueInput) => ({ ...venue, ...input, id }));
		const onsaved = await open(venue);
		expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Chamber auditorium');
		await type('contact', 'Mr Ahmed');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
		expect(update).toHaveBeenCalledWith('ve1', {
			name: 'Chamber auditorium',
			address: 'Shahab Pura Road',
			city: 'Sialkot',
			country: 'PK',
			capacity: 300,
			contact: 'Mr Ahmed',
			notes: null
		});
		expect(create).not.toHaveBeenCalled();
	});

	it('shows the core’s refusal at the field it names, and stays open', async () => {
		create.mockRejectedValueOnce(refusal('capacity', { kind: 'tooSmall', min: 0 }));
		const onsaved = await open();
		await type('name', 'Hall');
		await type('capacity', '-5');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(screen.getByTestId('error-capacity').textContent).toBe('Must be 0 or more.'));
		expect(screen.getByTestId('field-capacity').getAttribute('aria-invalid')).toBe('true');
		expect(screen.queryByTestId('form-error')).toBeNull();
		expect(onsaved).not.toHaveBeenCalled();

		create.mockRejectedValueOnce(refusal('name', { kind: 'required' }));
		await type('name', '');
		await fireEvent.click(screen.getByTestId('save-button'));
		await vi.waitFor(() => expect(screen.getByTestId('error-name').textContent).toBe('Required.'));
		expect(screen.queryByTestId('error-capacity')).toBeNull();
	});
});
