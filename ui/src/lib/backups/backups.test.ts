import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo } from '$lib/bindings';
import { appInfo } from '$lib/testing/appInfo';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import BackupSettings from './BackupSettings.svelte';
import Recovery from './Recovery.svelte';

const afresh = vi.hoisted(() => vi.fn());
vi.mock('$lib/api/backups', async (original) => ({
	...(await original<typeof import('$lib/api/backups')>()),
	startAfresh: afresh
}));

beforeEach(() => {
	installDialogPolyfill();
	afresh.mockReset();
});
afterEach(() => {
	clearMocks();
	uninstallDialogPolyfill();
});

const daily = { path: '/data/backups/attache-2026-11-28.sqlite3', name: 'attache-2026-11-28.sqlite3', kind: 'daily' as const, bytes: 2_097_152, takenAt: '2026-11-28T09:00:00Z' };
const hostileName = 'before-restore-<b>x</b>.sqlite3';

function backend(calls: { cmd: string; args: unknown }[], answers: Record<string, unknown> = {}) {
	mockIPC((cmd, args) => {
		calls.push({ cmd, args });
		if (cmd in answers) {
			const answer = answers[cmd];
			if (answer instanceof Error) throw JSON.parse(answer.message);
			return answer;
		}
		if (cmd === 'backups_overview') return { folder: '/data/backups', keep: 7, backups: [daily, { ...daily, path: `/data/backups/${hostileName}`, name: hostileName, kind: 'beforeRestore' }] };
		if (cmd === 'backups_restore') return { restoredFrom: daily.path, schemaVersion: 9, previousSavedAs: '/data/backups/before-restore-x.sqlite3' };
		return null;
	});
}

describe('Settings → Backups', () => {
	it('asks again for the passphrase of an encrypted store before exporting it unencrypted', async () => {
		const calls: { cmd: string; args: unknown }[] = [];
		let refuse = true;
		mockIPC((cmd, args) => {
			calls.push({ cmd, args });
			if (cmd === 'backups_overview') return { folder: '/data/backups', keep: 7, backups: [] };
			if (cmd === 'plugin:dialog|save') return '/home/olga/everything.json';
			if (cmd === 'backups_export_whole' && refuse) {
				refuse = false;
				throw { code: 'validation', message: 'no', field: 'current', reason: { kind: 'wrongPassphrase' } };
			}
			if (cmd === 'backups_export_whole') return 105;
			return null;
		});
		render(BackupSettings, { props: { encrypted: true } });
		await fireEvent.click(await screen.findByTestId('export-whole'));
		expect(document.querySelector('dialog[open]')?.textContent).toContain('the exported document is not');
		await fireEvent.click(screen.getByTestId('save-button'));
		expect(screen.getByTestId('error-current').textContent).toBe('This data file is encrypted: enter its passphrase.');
		expect(calls.some((c) => c.cmd === 'backups_export_whole')).toBe(false);

		await fireEvent.input(screen.getByTestId('field-current'), { target: { value: 'not it' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(screen.getByTestId('error-current').textContent).toBe('This passphrase does not open the data file. Nothing was changed.'));
		await fireEvent.input(screen.getByTestId('field-current'), { target: { value: 'correct horse battery' } });
		await fireEvent.click(screen.getByTestId('save-button'));
		await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
		const exports = calls.filter((c) => c.cmd === 'backups_export_whole').map((c) => c.args);
		expect(exports).toEqual([
			{ path: '/home/olga/everything.json', current: 'not it' },
			{ path: '/home/olga/everything.json', current: 'correct horse battery' }
		]);
	});

	it('lists the daily backups as plain text, and restores one only when confirmed', async () => {
		const calls: { cmd: string; args: unknown }[] = [];
		backend(calls);
		render(BackupSettings);
		const rows = await screen.findAllByTestId('backup-row');
		expect(rows).toHaveLength(2);
		expect(rows[0].textContent).toContain('2 MB');
		expect(rows[0].textContent).toContain('daily copy');
		expect(rows[1].textContent).toContain(hostileName);
		expect(rows[1].textContent).toContain('the data as it was before a restore');
		expect(rows[1].querySelector('b')).toBeNull();
		expect((screen.getByTestId('field-keep') as HTMLInputElement).value).toBe('7');

		await fireEvent.click(rows[0].querySelector('button')!);
		expect(calls.some((c) => c.cmd === 'backups_restore')).toBe(false);
		const confirm = await screen.findByTestId('confirm-button');
		expect(document.querySelector('dialog[open]')?.textContent).toContain('kept as a backup first');
		await fireEvent.click(confirm);
		await waitFor(() => expect(calls.find((c) => c.cmd === 'backups_restore')?.args).toEqual({ path: daily.path }));
		await waitFor(() => expect(afresh).toHaveBeenCalled());
	});

	it('shows the core’s refusal of the number to keep by the field', async () => {
		const calls: { cmd: string; args: unknown }[] = [];
		const refusal = { code: 'validation', message: 'Keep at least one daily backup.', field: 'keep', reason: { kind: 'tooSmall', min: 1 } };
		backend(calls, { backups_set_keep: new Error(JSON.stringify(refusal)) });
		render(BackupSettings);
		const keep = (await screen.findByTestId('field-keep')) as HTMLInputElement;
		await fireEvent.input(keep, { target: { value: '0' } });
		await fireEvent.change(keep);
		const error = await screen.findByTestId('error-keep');
		expect(error.textContent).toMatch(/1/);
		expect(keep.getAttribute('aria-invalid')).toBe('true');
		expect(calls.find((c) => c.cmd === 'backups_set_keep')?.args).toEqual({ keep: 0 });
	});

	it('says what a check of the data file found', async () => {
		const calls: { cmd: string; args: unknown }[] = [];
		backend(calls, { backups_check: { ok: false, schemaVersion: 9, supportedVersion: 9, problems: ['*** in database main ***', 'Page 12: btreeInitPage() returns error code 11'] } });
		render(BackupSettings);
		await fireEvent.click(await screen.findByTestId('check-store'));
		const result = await screen.findByTestId('check-result');
		expect(result.textContent).toContain('The data file has problems.');
		expect(result.textContent).toContain('Page 12: btreeInitPage() returns error code 11');
	});
});

const damaged: AppInfo = appInfo({ damage: ['Page 12: btreeInitPage() returns error code 11'], recovery: daily });

describe('the recovery notice', () => {
	it('names the damage and restores the newest sound backup once confirmed', async () => {
		const calls: { cmd: string; args: unknown }[] = [];
		backend(calls);
		render(Recovery, { props: { info: damaged } });
		const notice = screen.getByTestId('recovery');
		expect(notice.textContent).toContain('The data file is damaged.');
		expect(notice.textContent).toContain('btreeInitPage');
		await fireEvent.click(screen.getByTestId('restore-latest'));
		await fireEvent.click(await screen.findByTestId('confirm-button'));
		await waitFor(() => expect(calls.find((c) => c.cmd === 'backups_restore')?.args).toEqual({ path: daily.path }));
		await waitFor(() => expect(afresh).toHaveBeenCalled());
	});

	it('says so when no sound backup is there to go back to', () => {
		backend([]);
		render(Recovery, { props: { info: { ...damaged, recovery: null } } });
		expect(screen.getByTestId('recovery').textContent).toContain('There is no sound backup in the data folder.');
		expect(screen.queryByTestId('restore-latest')).toBeNull();
	});
});
