// Encryption at rest: unlocking an encrypted data file at start, and turning the passphrase on,
// changing it or turning it off. The shell re-encrypts a copy and swaps it in only when it is
// complete, so a failure leaves the data as it was.
import { commands, type Rekeyed } from '$lib/bindings';
import { call } from './errors';

/** The shortest passphrase the core accepts (kept in step with `encryption::MIN_PASSPHRASE`). */
export const MIN_PASSPHRASE = 8;

export const encryption = {
	unlock: (passphrase: string): Promise<null> => call(() => commands.storeUnlock(passphrase)),
	/** Encrypts a plain store (`current` null) or changes the passphrase of an encrypted one. */
	set: (current: string | null, passphrase: string): Promise<Rekeyed> => call(() => commands.encryptionSet(current, passphrase)),
	remove: (current: string): Promise<Rekeyed> => call(() => commands.encryptionRemove(current))
};
