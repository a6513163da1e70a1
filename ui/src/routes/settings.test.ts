import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrecedenceRule } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import SettingsPage from './settings/+page.svelte';

afterEach(() => {
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
	chooseLanguage('system');
});

/** The backups section's answer (no backups yet); null for anything else. */
const noBackups = (cmd: string) => (cmd === 'backups_overview' ? { folder: '/data/backups', keep: 7, backups: [] } : null);

describe('Settings', () => {
	it('offers the system language and each language by its own name, and switches at once', async () => {
		mockIPC(noBackups);
		render(SettingsPage);
		const select = screen.getByLabelText('Language of the app') as HTMLSelectElement;
		expect(select.dataset.testid).toBe('language-select');
		expect([...select.options].map((o) => o.textContent)).toEqual([
			'System language (English)',
			'English',
			'Русский',
			'اردو'
		]);
		expect(select.value).toBe('system');

		await fireEvent.change(select, { target: { value: 'ru' } });
		expect((await screen.findByTestId('page-title')).textContent).toBe('Настройки');
		expect(document.documentElement.lang).toBe('ru');
		expect(screen.getByLabelText('Язык приложения')).toBe(select);
		expect(select.options[0].textContent).toBe('Язык системы (English)');

		await fireEvent.change(select, { target: { value: 'ur' } });
		expect(document.documentElement.dir).toBe('rtl');
		expect(screen.getByTestId('page-title').textContent).toBe('ترتیبات');
	});

	it('lists the keyboard shortcuts from the list the ? overlay shows, ? itself included', () => {
		mockIPC(noBackups);
		render(SettingsPage);
		const list = screen.getByTestId('shortcut-list');
		const keys = [...list.querySelectorAll('dt')].map((dt) => dt.textContent?.replace(/\s+/g, ' ').trim());
		expect(keys).toContain('?');
		expect(keys).toContain('Esc');
		expect(list.textContent).toContain('Show keyboard shortcuts');
	});

	it('loads the order of precedence, saves each change at once, and explains the whole rule', async () => {
		let stored: PrecedenceRule = { sides: 'mixed', headsFirst: false };
		const saves: PrecedenceRule[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'precedence_get') return stored;
			if (cmd === 'precedence_set') {
				stored = (args as { rule: PrecedenceRule }).rule;
				saves.push(stored);
				return stored;
			}
			return noBackups(cmd);
		});
		render(SettingsPage);
		const sides = (await screen.findByLabelText('Sides')) as HTMLSelectElement;
		expect(sides.dataset.testid).toBe('precedence-sides');
		expect(sides.value).toBe('mixed');
		expect([...sides.options].map((o) => o.value)).toEqual(['mixed', 'guestsFirst', 'hostsFirst']);
		const heads = screen.getByLabelText('Heads of delegation first, whatever their rank') as HTMLInputElement;
		expect(heads.checked).toBe(false);

		await fireEvent.change(sides, { target: { value: 'guestsFirst' } });
		await waitFor(() => expect(saves).toEqual([{ sides: 'guestsFirst', headsFirst: false }]));
		await waitFor(() => expect(toasts.items.at(-1)?.message).toBe('Order of precedence saved; participant lists follow it now.'));
		await fireEvent.click(heads);
		await waitFor(() => expect(saves.at(-1)).toEqual({ sides: 'guestsFirst', headsFirst: true }));
		expect(sides.value).toBe('guestsFirst');
		expect(heads.checked).toBe(true);

		const rule = within(screen.getByTestId('precedence-section')).getByTestId('precedence-rule');
		const steps = [...rule.querySelectorAll('ol > li')].map((li) => li.textContent);
		expect(steps).toHaveLength(5);
		expect(steps[0]).toContain('third parties come after both');
		expect(steps[2]).toContain('precedence override for this visit');
		expect(steps[4]).toBe('Family name, then given name.');
		expect(rule.textContent).toContain('set on the participant');
	});

	it('goes back to the saved rule when a change is refused', async () => {
		mockIPC((cmd) => {
			if (cmd === 'precedence_get') return { sides: 'hostsFirst', headsFirst: true };
			if (cmd === 'precedence_set') throw { code: 'unexpected', message: 'Store is read-only', field: null };
			return noBackups(cmd);
		});
		render(SettingsPage);
		const sides = (await screen.findByTestId('precedence-sides')) as HTMLSelectElement;
		expect(sides.value).toBe('hostsFirst');
		await fireEvent.change(sides, { target: { value: 'mixed' } });
		await waitFor(() => expect(toasts.items.at(-1)?.tone).toBe('error'));
		await waitFor(() => expect(sides.value).toBe('hostsFirst'));
	});
});
