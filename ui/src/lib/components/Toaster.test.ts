import { render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { toasts } from '$lib/feedback/toasts.svelte';
import Toaster from './Toaster.svelte';

afterEach(() => {
	for (const toast of toasts.items) toasts.dismiss(toast.id);
});

describe('Toaster', () => {
	it('is in the page as live regions before any notice, so each one is announced', () => {
		render(Toaster);
		const status = screen.getByRole('status');
		expect(status.getAttribute('aria-live')).toBe('polite');
		expect(screen.getByRole('alert')).toBeTruthy();
		expect(screen.queryAllByTestId('toast')).toHaveLength(0);
	});

	it('says notices politely and failures as an alert', () => {
		render(Toaster);
		flushSync(() => {
			toasts.show('Saved', { tone: 'success' });
			toasts.show('Could not save', { tone: 'error' });
		});
		expect(within(screen.getByRole('status')).getByText('Saved')).toBeTruthy();
		expect(within(screen.getByRole('status')).queryByText('Could not save')).toBeNull();
		expect(within(screen.getByRole('alert')).getByText('Could not save')).toBeTruthy();
		expect(screen.getAllByTestId('toast')).toHaveLength(2);
	});
});
