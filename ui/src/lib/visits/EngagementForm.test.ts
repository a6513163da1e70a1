import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engagement } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import EngagementForm from './EngagementForm.svelte';

beforeEach(installDialogPolyfill);
afterEach(uninstallDialogPolyfill);

const record = {
	id: 'e1',
	visitId: 'v1',
	title: 'Factory tour',
	kind: 'site_visit',
	startsLocal: '2026-09-14T10:00',
	endsLocal: '2026-09-14T12:00',
	venueId: null,
	responsiblePersonId: null,
	vehicleId: null,
	securityNotes: null,
	notes: null,
	attendeeIds: [],
	deletedAt: null
} as unknown as Engagement;

const value = (name: string) => (screen.getByTestId(`field-${name}`) as HTMLInputElement).value;

describe('EngagementForm', () => {
	it('starts a new item on the time dragged over on the timeline', async () => {
		render(EngagementForm, { props: { open: true, visitId: 'v1', timeZone: 'Europe/Moscow', day: '2026-09-14', start: '22:30', end: '2026-09-15T00:00', onsaved: () => {} } });
		await tick();
		expect(value('startsLocal')).toBe('2026-09-14T22:30');
		expect(value('endsLocal')).toBe('2026-09-15T00:00');
		// A new item has nothing to duplicate or delete yet.
		expect(screen.queryByTestId('duplicate-engagement')).toBeNull();
	});

	it('lasts an hour when no end is given, and ignores an end before the start', async () => {
		render(EngagementForm, { props: { open: true, visitId: 'v1', timeZone: 'Europe/Moscow', day: '2026-09-14', start: '10:00', end: '2026-09-14T09:00', onsaved: () => {} } });
		await tick();
		expect(value('endsLocal')).toBe('2026-09-14T11:00');
	});

	it('duplicates or deletes the item being edited, closing first; not while it has unsaved edits', async () => {
		const onduplicate = vi.fn();
		const ondelete = vi.fn();
		const { rerender } = render(EngagementForm, {
			props: { open: true, record, visitId: 'v1', timeZone: 'Europe/Moscow', onsaved: () => {}, onduplicate, ondelete }
		});
		await tick();
		await fireEvent.input(screen.getByTestId('field-title'), { target: { value: 'Factory tour, Sialkot' } });
		expect((screen.getByTestId('duplicate-engagement') as HTMLButtonElement).disabled).toBe(true);
		expect(document.body.textContent).toContain('Save or cancel the changes first.');
		await fireEvent.input(screen.getByTestId('field-title'), { target: { value: 'Factory tour' } });
		await fireEvent.click(screen.getByTestId('duplicate-engagement'));
		expect(onduplicate).toHaveBeenCalledWith(record);
		expect(screen.queryByTestId('duplicate-engagement')).toBeNull();

		await rerender({ open: true });
		await tick();
		await fireEvent.click(screen.getByTestId('delete-engagement-in-form'));
		expect(ondelete).toHaveBeenCalledWith(record);
	});
});
