// Backups of the data file. The user picks files in the system's dialogs; the shell copies,
// checks and restores (the page never touches the file system). Cancelling resolves to null.
import { open, save } from '@tauri-apps/plugin-dialog';
import { commands, type BackupFile, type BackupOverview, type CheckReport, type Restored } from '$lib/bindings';
import { call } from './errors';

const filters = [{ name: 'Attaché', extensions: ['sqlite3'] }]; // i18n-exempt: the app's name

/** The name a backup taken on `day` (YYYY-MM-DD) is offered under. */
export function backupName(day: string): string {
	return `attache-${day}.sqlite3`; // i18n-exempt: a file name
}

export const backups = {
	overview: (): Promise<BackupOverview> => call(() => commands.backupsOverview()),
	setKeep: (keep: number): Promise<null> => call(() => commands.backupsSetKeep(keep)),
	check: (): Promise<CheckReport> => call(() => commands.backupsCheck()),
	restore: (path: string): Promise<Restored> => call(() => commands.backupsRestore(path)),
	/** Asks where to save, then copies the data file there; the copy, or null if cancelled. */
	async takeTo(day: string): Promise<BackupFile | null> {
		const path = await save({ defaultPath: backupName(day), filters });
		if (!path) return null;
		return call(() => commands.backupsTake(path));
	},
	/** Asks for a backup file to restore; its path, or null if cancelled. */
	async chooseFile(): Promise<string | null> {
		const path = await open({ multiple: false, directory: false, filters });
		return typeof path === 'string' ? path : null;
	}
};

/** After a restore every screen's data is another store's: start the window afresh. */
export function startAfresh() {
	window.location.assign('/');
}
