import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import SettingsPage from './settings/+page.svelte';

afterEach(() => {
	clearMocks();
	chooseLanguage('system');
});

describe('Settings', () => {
	it('offers the system language and each language by its own name, and switches at once', async () => {
		mockIPC(() => null);
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
		mockIPC(() => null);
		render(SettingsPage);
		const list = screen.getByTestId('shortcut-list');
		const keys = [...list.querySelectorAll('dt')].map((dt) => dt.textContent?.replace(/\s+/g, ' ').trim());
		expect(keys).toContain('?');
		expect(keys).toContain('Esc');
		expect(list.textContent).toContain('Show keyboard shortcuts');
	});
});
