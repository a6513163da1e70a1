import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import FormDialog from './FormDialog.svelte';

const children = createRawSnippet(() => ({
	render: () => '<label>Rank <input type="number" data-testid="field-rank" /></label>'
}));

function setup(dirty: boolean) {
	const onsubmit = vi.fn();
	render(FormDialog, { props: { open: true, title: 'Edit person', dirty, onsubmit, children } });
	const sheet = document.querySelector('dialog.sheet')!;
	return { onsubmit, sheet, escape: () => fireEvent(sheet, new Event('cancel', { cancelable: true })) };
}

const isOpen = () => screen.queryByTestId('save-button') !== null;
const asking = () => screen.queryByText('Discard changes?') !== null;

describe('FormDialog', () => {
	it('closes a pristine form at once with Escape', async () => {
		const { escape } = setup(false);
		await escape();
		expect(asking()).toBe(false);
		expect(isOpen()).toBe(false);
	});

	it('asks before Escape discards edits, and can keep editing', async () => {
		const { escape } = setup(true);
		await escape();
		expect(asking()).toBe(true);
		expect(isOpen()).toBe(true);
		await fireEvent.click(screen.getByText('Keep editing'));
		expect(asking()).toBe(false);
		expect(isOpen()).toBe(true);
	});

	it('discards edits from the close button once confirmed', async () => {
		setup(true);
		await fireEvent.click(screen.getByLabelText('Close'));
		expect(isOpen()).toBe(true);
		await fireEvent.click(screen.getByText('Discard changes'));
		expect(isOpen()).toBe(false);
	});

	it('closes at once with Cancel, an explicit choice, even with edits', async () => {
		setup(true);
		await fireEvent.click(screen.getByTestId('cancel-button'));
		expect(asking()).toBe(false);
		expect(isOpen()).toBe(false);
	});

	it('does not submit while a control holds text that cannot be sent', async () => {
		const { onsubmit } = setup(false);
		const rank = screen.getByTestId('field-rank') as HTMLInputElement;
		rank.setCustomValidity('Enter a whole number');
		await fireEvent.click(screen.getByTestId('save-button'));
		expect(onsubmit).not.toHaveBeenCalled();
		expect(document.activeElement).toBe(rank);
		rank.setCustomValidity('');
		await fireEvent.click(screen.getByTestId('save-button'));
		expect(onsubmit).toHaveBeenCalledOnce();
	});
});
