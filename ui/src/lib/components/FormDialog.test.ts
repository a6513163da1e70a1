import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
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

describe('FormDialog focus', () => {
	beforeEach(installDialogPolyfill);
	afterEach(() => {
		uninstallDialogPolyfill();
		document.body.replaceChildren();
	});

	/** Opens the sheet from a focused button, as a page's New or Edit button does. */
	async function openFromButton(props: { dirty?: boolean; onsubmit?: () => void } = {}) {
		const opener = document.body.appendChild(document.createElement('button'));
		opener.dataset.testid = 'opener';
		opener.focus();
		const view = render(FormDialog, {
			props: { open: false, title: 'Edit person', dirty: props.dirty ?? false, onsubmit: props.onsubmit ?? (() => {}), children }
		});
		await view.rerender({ open: true });
		await settled();
		return { opener, view, sheet: document.querySelector('dialog.sheet') as HTMLDialogElement };
	}

	const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

	/** A click, which also focuses the button in a browser. */
	async function press(button: HTMLElement) {
		button.focus();
		await fireEvent.click(button);
		await settled();
	}

	it('opens modally with focus on the first field', async () => {
		const { sheet } = await openFromButton();
		expect(sheet.open).toBe(true);
		expect(document.activeElement).toBe(screen.getByTestId('field-rank'));
	});

	it('leaves focus on a field that focused itself as the form mounted', async () => {
		const opener = document.body.appendChild(document.createElement('button'));
		opener.focus();
		const twoFields = createRawSnippet(() => ({
			render: () => '<div><input data-testid="first" /><input data-testid="second" /></div>',
			setup: (node) => queueMicrotask(() => node.querySelector<HTMLInputElement>('[data-testid="second"]')!.focus())
		}));
		const view = render(FormDialog, { props: { open: false, title: 'Edit person', onsubmit: () => {}, children: twoFields } });
		await view.rerender({ open: true });
		await settled();
		expect(document.activeElement).toBe(screen.getByTestId('second'));
	});

	it('gives focus back to the opener on Save', async () => {
		let close = () => {};
		const { opener, view } = await openFromButton({ onsubmit: () => close() });
		close = () => void view.rerender({ open: false });
		await press(screen.getByTestId('save-button'));
		expect(isOpen()).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener on Cancel', async () => {
		const { opener, sheet } = await openFromButton();
		await press(screen.getByTestId('cancel-button'));
		expect(sheet.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener on Escape', async () => {
		const { opener, sheet } = await openFromButton();
		const field = screen.getByTestId('field-rank');
		field.focus();
		await fireEvent.keyDown(field, { key: 'Escape' });
		await settled();
		expect(sheet.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener from the close button', async () => {
		const { opener, sheet } = await openFromButton();
		await press(screen.getByLabelText('Close'));
		expect(sheet.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('asks before discarding edits, keeps focus in the sheet, then returns it to the opener', async () => {
		const { opener, sheet } = await openFromButton({ dirty: true });
		const close = screen.getByLabelText('Close');
		await press(close);
		expect(document.activeElement).toBe(screen.getByTestId('decline-button'));
		await press(screen.getByText('Keep editing'));
		expect(document.activeElement).toBe(close);

		await press(close);
		await press(screen.getByText('Discard changes'));
		expect(sheet.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('puts focus on the page when the opener has gone meanwhile', async () => {
		const main = document.body.appendChild(Object.assign(document.createElement('main'), { id: 'main', tabIndex: -1 }));
		const { opener } = await openFromButton();
		opener.remove();
		await press(screen.getByTestId('cancel-button'));
		expect(document.activeElement).toBe(main);
	});

	it('announces a general error as an alert', async () => {
		const { view } = await openFromButton();
		await view.rerender({ error: 'The record was changed elsewhere' });
		expect(screen.getByTestId('form-error').getAttribute('role')).toBe('alert');
	});
});
