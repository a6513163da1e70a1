// Encryption at rest: unlocking an encrypted data file at start, and turning the passphrase on,
// changing it or turning it off. The shell re-encrypts a copy and swaps it in only when it is
// complete, so a failure leaves the data as it was. The passphrase can be kept in the OS
// keychain, so the file opens at start without asking.
import { commands, type Keychain, type PassphraseChanged } from '$lib/bindings';
import { call } from './errors';

/** The shortest passphrase the core accepts (kept in step with `encryption::MIN_PASSPHRASE`). */
export const MIN_PASSPHRASE = 8;

export const encryption = {
	unlock: (passphrase: string, remember: boolean): Promise<Keychain> => call(() => commands.storeUnlock(passphrase, remember)),
	/** Encrypts a plain store (`current` null) or changes the passphrase of an encrypted one. */
	set: (current: string | null, passphrase: string, remember: boolean): Promise<PassphraseChanged> =>
		call(() => commands.encryptionSet(current, passphrase, remember)),
	remove: (current: string): Promise<PassphraseChanged> => call(() => commands.encryptionRemove(current)),
	/** Keeps the passphrase in use (asked again) in the keychain. */
	remember: (current: string): Promise<Keychain> => call(() => commands.keychainRemember(current)),
	forget: (): Promise<Keychain> => call(() => commands.keychainForget())
};
