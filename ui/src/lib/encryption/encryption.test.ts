import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import EncryptionSettings from './EncryptionSettings.svelte';

type Call = { cmd: string; args: unknown };

function backend(calls: Call[], answer: (cmd: string, args: unknown) => unknown = () => ({ rekeyed: { encrypted: true, copiesRekeyed: 2, copiesLeft: [] }, keychain: { remembered: false, problem: null } })) {
	mockIPC((cmd, args) => {
		calls.push({ cmd, args });
		return answer(cmd, args);
	});
}

const type = (name: string, value: string) => fireEvent.input(screen.getByTestId(`field-${name}`), { target: { value } });
const submit = () => fireEvent.click(screen.getByTestId('save-button'));

describe('Settings → Encryption', () => {
	beforeEach(installDialogPolyfill);
	afterEach(() => {
		cleanup();
		clearMocks();
		uninstallDialogPolyfill();
	});

	it('encrypts only with a long enough passphrase typed twice alike', async () => {
		const calls: Call[] = [];
		backend(calls);
		const onchanged = vi.fn();
		render(EncryptionSettings, { props: { encrypted: false, remembered: false, onchanged } });
		expect(screen.getByTestId('encryption-state').textContent).toContain('not encrypted');
		await fireEvent.click(screen.getByTestId('encryption-on'));
		expect(screen.queryByTestId('field-current')).toBeNull();

		await type('passphrase', 'short');
		await type('repeat', 'short');
		await submit();
		expect(screen.getByTestId('error-passphrase').textContent).toBe('A passphrase needs at least 8 characters.');
		await type('passphrase', 'correct horse battery');
		await type('repeat', 'correct horse batery');
		await submit();
		expect(screen.getByTestId('error-repeat').textContent).toBe('The two new passphrases differ.');
		expect(calls).toEqual([]);

		await type('repeat', 'correct horse battery');
		await fireEvent.click(screen.getByRole('checkbox', { name: /Remember the passphrase on this computer/ }));
		await submit();
		await vi.waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(calls).toEqual([{ cmd: 'encryption_set', args: { current: null, passphrase: 'correct horse battery', remember: true } }]);
	});

	it('turns encryption off only with the current passphrase, and says a wrong one at its field', async () => {
		const calls: Call[] = [];
		backend(calls, () => {
			throw { code: 'validation', message: 'no', field: 'current', reason: { kind: 'wrongPassphrase' } };
		});
		render(EncryptionSettings, { props: { encrypted: true, remembered: false, onchanged: vi.fn() } });
		await fireEvent.click(screen.getByTestId('encryption-off'));
		await submit();
		expect(screen.getByTestId('error-current').textContent).toBe('This data file is encrypted: enter its passphrase.');
		await type('current', 'not it at all');
		await submit();
		expect((await screen.findByTestId('error-current')).textContent).toBe('This passphrase does not open the data file. Nothing was changed.');
		expect(calls).toEqual([{ cmd: 'encryption_remove', args: { current: 'not it at all' } }]);
	});

	it('keeps the passphrase in the keychain only when asked again for it, and forgets it in one click', async () => {
		const calls: Call[] = [];
		backend(calls, (cmd) => (cmd === 'keychain_forget' ? { remembered: false, problem: null } : { remembered: true, problem: null }));
		const onchanged = vi.fn();
		const { unmount } = render(EncryptionSettings, { props: { encrypted: true, remembered: false, onchanged } });
		expect(screen.getByTestId('keychain-state').textContent).toBe('Attaché asks for the passphrase at every start.');
		await fireEvent.click(screen.getByTestId('keychain-remember'));
		expect(screen.queryByTestId('field-passphrase')).toBeNull();
		await submit();
		expect(screen.getByTestId('error-current').textContent).toBe('This data file is encrypted: enter its passphrase.');
		await type('current', 'correct horse battery');
		await submit();
		await vi.waitFor(() => expect(onchanged).toHaveBeenCalledTimes(1));
		expect(calls).toEqual([{ cmd: 'keychain_remember', args: { current: 'correct horse battery' } }]);
		unmount();

		render(EncryptionSettings, { props: { encrypted: true, remembered: true, onchanged } });
		expect(screen.getByTestId('keychain-state').textContent).toContain("kept in this computer's keychain");
		await fireEvent.click(screen.getByTestId('keychain-forget'));
		await vi.waitFor(() => expect(onchanged).toHaveBeenCalledTimes(2));
		expect(calls.at(-1)).toEqual({ cmd: 'keychain_forget', args: {} });
	});
});
