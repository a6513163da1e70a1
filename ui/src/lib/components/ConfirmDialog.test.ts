import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import ConfirmDialog from './ConfirmDialog.svelte';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A click, which also focuses the button in a browser. */
async function press(button: HTMLElement) {
	button.focus();
	await fireEvent.click(button);
	await settled();
}

/** Opens the confirmation from a focused button, as a page's Delete button does. */
async function openFromButton(props: { danger?: boolean; ondecline?: () => void } = {}) {
	const opener = document.body.appendChild(document.createElement('button'));
	opener.focus();
	const onconfirm = vi.fn();
	const view = render(ConfirmDialog, {
		props: { open: false, title: 'Delete the visit?', message: 'It moves to the deleted records.', onconfirm, ...props }
	});
	await view.rerender({ open: true });
	await settled();
	return { opener, onconfirm, dialog: document.querySelector('dialog') as HTMLDialogElement };
}

describe('ConfirmDialog', () => {
	beforeEach(installDialogPolyfill);
	afterEach(() => {
		uninstallDialogPolyfill();
		document.body.replaceChildren();
	});

	it('opens modally with focus on the safe choice when the action is destructive', async () => {
		const { dialog } = await openFromButton();
		expect(dialog.open).toBe(true);
		expect(document.activeElement).toBe(screen.getByTestId('decline-button'));
	});

	it('opens with focus on the confirm button when the action is not destructive', async () => {
		await openFromButton({ danger: false });
		expect(document.activeElement).toBe(screen.getByTestId('confirm-button'));
	});

	it('gives focus back to the opener on confirm', async () => {
		const { opener, onconfirm, dialog } = await openFromButton();
		await press(screen.getByTestId('confirm-button'));
		expect(onconfirm).toHaveBeenCalledOnce();
		expect(dialog.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener on Cancel', async () => {
		const { opener, onconfirm, dialog } = await openFromButton();
		await press(screen.getByTestId('decline-button'));
		expect(onconfirm).not.toHaveBeenCalled();
		expect(dialog.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener on a second choice', async () => {
		const ondecline = vi.fn();
		const { opener } = await openFromButton({ ondecline });
		await press(screen.getByTestId('decline-button'));
		expect(ondecline).toHaveBeenCalledOnce();
		expect(document.activeElement).toBe(opener);
	});

	it('gives focus back to the opener on Escape, choosing nothing', async () => {
		const ondecline = vi.fn();
		const { opener, onconfirm, dialog } = await openFromButton({ ondecline });
		await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
		await settled();
		expect(dialog.open).toBe(false);
		expect(onconfirm).not.toHaveBeenCalled();
		expect(ondecline).not.toHaveBeenCalled();
		expect(document.activeElement).toBe(opener);
	});

	it('puts focus on the page when the opener has gone meanwhile (its row was deleted)', async () => {
		const main = document.body.appendChild(Object.assign(document.createElement('main'), { id: 'main', tabIndex: -1 }));
		const { opener } = await openFromButton();
		opener.remove();
		await press(screen.getByTestId('confirm-button'));
		expect(document.activeElement).toBe(main);
	});
});
