import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appInfo } from '$lib/testing/appInfo';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import Layout from './+layout.svelte';

vi.mock('$app/navigation', () => ({ goto: vi.fn(), afterNavigate: vi.fn() }));
vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/visits') } }));

const children = createRawSnippet(() => ({
	render: () => '<div><button data-testid="on-page">Edit</button><input data-testid="text-field" /></div>'
}));

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const dialog = () => screen.getByTestId('shortcuts-dialog') as HTMLDialogElement;

describe('Root layout: the keyboard shortcuts overlay', () => {
	beforeEach(() => {
		installDialogPolyfill();
		mockIPC(() => null, { shouldMockEvents: true });
	});
	afterEach(() => {
		// Unmounted while the event mocks are there: the layout stops listening as it goes.
		cleanup();
		uninstallDialogPolyfill();
		clearMocks();
	});

	it('opens with ? outside a text field, closes with Escape, and gives focus back', async () => {
		render(Layout, { props: { children } });
		const button = screen.getByTestId('on-page');
		button.focus();
		await fireEvent.keyDown(button, { key: '?', shiftKey: true });
		await settled();
		expect(dialog().open).toBe(true);
		expect(dialog().contains(document.activeElement)).toBe(true);
		expect(dialog().textContent).toContain('Show keyboard shortcuts');

		await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
		await settled();
		expect(dialog().open).toBe(false);
		expect(document.activeElement).toBe(button);
	});

	it('leaves ? to a text field', async () => {
		render(Layout, { props: { children } });
		const field = screen.getByTestId('text-field');
		field.focus();
		await fireEvent.keyDown(field, { key: '?', shiftKey: true });
		await settled();
		expect(dialog().open).toBe(false);
		expect(document.activeElement).toBe(field);
	});
});

describe('Root layout: the sidebar', () => {
	beforeEach(() => mockIPC(() => null, { shouldMockEvents: true }));
	afterEach(() => {
		cleanup();
		clearMocks();
	});

	it('links to the calendar after visits, venues and vehicles after organizations, results and the gift register after actions, without a digit shortcut of their own', () => {
		render(Layout, { props: { children } });
		const links = screen.getAllByRole('link').filter((a) => a.dataset.testid?.startsWith('nav-'));
		expect(links.map((a) => a.getAttribute('href'))).toEqual([
			'/',
			'/visits',
			'/calendar',
			'/people',
			'/organizations',
			'/venues',
			'/vehicles',
			'/agreements',
			'/actions',
			'/results',
			'/gifts',
			'/settings'
		]);
		expect(screen.getByTestId('nav-gifts').querySelector('kbd')).toBeNull();
		const calendar = screen.getByTestId('nav-calendar');
		expect(calendar.textContent?.trim()).toBe('Calendar');
		expect(calendar.title).toBe('Calendar');
		expect(calendar.querySelector('kbd')).toBeNull();
		expect(screen.getByTestId('nav-people').title).toBe('People (Ctrl+3)');
		const venues = screen.getByTestId('nav-venues');
		expect(venues.textContent?.trim()).toBe('Venues');
		expect(venues.title).toBe('Venues');
		expect(venues.querySelector('kbd')).toBeNull();
		expect(screen.getByTestId('nav-vehicles').textContent?.trim()).toBe('Vehicles');
		expect(screen.getByTestId('nav-agreements').title).toBe('Agreements (Ctrl+5)');
		expect(screen.getByTestId('nav-settings').querySelector('kbd')?.textContent).toBe('Ctrl+7');
		expect(screen.getByTestId('nav-visits').getAttribute('aria-current')).toBe('page');
	});
});

describe('Root layout: a screen that fails', () => {
	beforeEach(() => mockIPC(() => null, { shouldMockEvents: true }));
	afterEach(() => {
		cleanup();
		clearMocks();
	});

	it('says so with the reason and a way to try again, and keeps the sidebar', async () => {
		let failing = true;
		const screenThatFails = createRawSnippet(() => ({
			render: () => {
				if (failing) throw new Error('the record could not be read');
				return '<p data-testid="on-page">Back</p>';
			}
		}));
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			render(Layout, { props: { children: screenThatFails } });
			const alert = await screen.findByTestId('screen-error');
			expect(alert.textContent).toContain('This screen could not be shown.');
			expect(alert.textContent).toContain('the record could not be read');
			expect(screen.getByTestId('nav-dashboard')).toBeTruthy();
			failing = false;
			await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
			expect(await screen.findByTestId('on-page')).toBeTruthy();
			expect(screen.queryByTestId('screen-error')).toBeNull();
		} finally {
			logged.mockRestore();
		}
	});
});

describe('Root layout: damage found after start', () => {
	afterEach(() => {
		cleanup();
		clearMocks();
	});

	it('shows the recovery notice when the shell says the check found damage', async () => {
		let damage: string[] = [];
		const info = () => appInfo({ damage });
		mockIPC((cmd) => (cmd === 'app_info' ? info() : null), { shouldMockEvents: true });
		render(Layout, { props: { children } });
		await settled();
		expect(screen.queryByTestId('recovery')).toBeNull();
		damage = ['Page 12: btreeInitPage() returns error code 11'];
		await emit('store-damaged');
		expect((await screen.findByTestId('recovery')).textContent).toContain('btreeInitPage');
	});
});

describe('Root layout: an encrypted store', () => {
	afterEach(() => {
		cleanup();
		clearMocks();
	});

	it('asks for the passphrase before any screen, says a wrong one, and opens with the right one', async () => {
		let locked = true;
		const tried: unknown[] = [];
		mockIPC(
			(cmd, args) => {
				if (cmd === 'app_info') return appInfo({ locked, encrypted: true });
				if (cmd === 'store_unlock') {
					tried.push(args);
					const passphrase = (args as { passphrase: string }).passphrase;
					if (passphrase !== 'correct horse battery') throw { code: 'validation', message: 'no', field: 'passphrase', reason: { kind: 'wrongPassphrase' } };
					locked = false;
					return { remembered: false, problem: 'The name org.freedesktop.secrets was not provided' };
				}
				return null;
			},
			{ shouldMockEvents: true }
		);
		render(Layout, { props: { children } });
		const field = (await screen.findByTestId('unlock-passphrase')) as HTMLInputElement;
		expect(screen.queryByTestId('on-page')).toBeNull();
		expect(document.activeElement).toBe(field);

		await fireEvent.input(field, { target: { value: 'wrong horse' } });
		await fireEvent.click(screen.getByTestId('unlock-submit'));
		expect((await screen.findByTestId('unlock-error')).textContent).toBe('This passphrase does not open the data file. Nothing was changed.');
		expect(field.value).toBe('');

		await fireEvent.input(field, { target: { value: 'correct horse battery' } });
		await fireEvent.click(screen.getByTestId('unlock-remember'));
		await fireEvent.click(screen.getByTestId('unlock-submit'));
		expect(await screen.findByTestId('on-page')).toBeTruthy();
		expect(screen.queryByTestId('unlock')).toBeNull();
		expect(tried).toEqual([
			{ passphrase: 'wrong horse', remember: false },
			{ passphrase: 'correct horse battery', remember: true }
		]);
		// Opened all the same; the keychain's own words say why nothing was remembered.
		expect(await screen.findByText('The passphrase could not be kept in the keychain: The name org.freedesktop.secrets was not provided')).toBeTruthy();
	});
});
