import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import EncryptionSettings from './EncryptionSettings.svelte';

type Call = { cmd: string; args: unknown };

function backend(calls: Call[], answer: (cmd: string, args: unknown) => unknown = () => ({ encrypted: true, copiesRekeyed: 2, copiesLeft: [] })) {
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
		render(EncryptionSettings, { props: { encrypted: false, onchanged } });
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
		await submit();
		await vi.waitFor(() => expect(onchanged).toHaveBeenCalled());
		expect(calls).toEqual([{ cmd: 'encryption_set', args: { current: null, passphrase: 'correct horse battery' } }]);
	});

	it('turns encryption off only with the current passphrase, and says a wrong one at its field', async () => {
		const calls: Call[] = [];
		backend(calls, () => {
			throw { code: 'validation', message: 'no', field: 'current', reason: { kind: 'wrongPassphrase' } };
		});
		render(EncryptionSettings, { props: { encrypted: true, onchanged: vi.fn() } });
		await fireEvent.click(screen.getByTestId('encryption-off'));
		await submit();
		expect(screen.getByTestId('error-current').textContent).toBe('This data file is encrypted: enter its passphrase.');
		await type('current', 'not it at all');
		await submit();
		expect((await screen.findByTestId('error-current')).textContent).toBe('This passphrase does not open the data file. Nothing was changed.');
		expect(calls).toEqual([{ cmd: 'encryption_remove', args: { current: 'not it at all' } }]);
	});
});
