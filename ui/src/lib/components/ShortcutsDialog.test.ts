import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import ShortcutsDialog from './ShortcutsDialog.svelte';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

async function openFromButton() {
	const opener = document.body.appendChild(document.createElement('button'));
	opener.focus();
	const view = render(ShortcutsDialog, { props: { open: false } });
	await view.rerender({ open: true });
	await settled();
	return { opener, dialog: screen.getByTestId('shortcuts-dialog') as HTMLDialogElement };
}

describe('ShortcutsDialog', () => {
	beforeEach(installDialogPolyfill);
	afterEach(() => {
		uninstallDialogPolyfill();
		document.body.replaceChildren();
	});

	it('is a modal dialog named by its title, listing every shortcut including ?', async () => {
		const { dialog } = await openFromButton();
		expect(dialog.open).toBe(true);
		expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBe(dialog);
		const keys = [...dialog.querySelectorAll('dt')].map((dt) => dt.textContent?.replace(/\s+/g, ' ').trim());
		expect(keys).toContain('?');
		expect(keys).toContain('Esc');
		expect(keys.filter((k) => /^(Ctrl\+|⌘)\d$/.test(k ?? ''))).toHaveLength(7);
		expect(screen.getByText('Show keyboard shortcuts').tagName).toBe('DD');
		expect(document.activeElement).toBe(screen.getByTestId('shortcuts-close'));
	});

	it('closes with Escape and gives focus back', async () => {
		const { opener, dialog } = await openFromButton();
		await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
		await settled();
		expect(dialog.open).toBe(false);
		expect(dialog.querySelector('dl')).toBeNull();
		expect(document.activeElement).toBe(opener);
	});

	it('closes with its close button and gives focus back', async () => {
		const { opener, dialog } = await openFromButton();
		await fireEvent.click(screen.getByTestId('shortcuts-close'));
		await settled();
		expect(dialog.open).toBe(false);
		expect(document.activeElement).toBe(opener);
	});
});
