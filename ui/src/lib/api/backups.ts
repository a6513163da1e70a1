// Backups of the data file. The user picks files in the system's dialogs; the shell copies,
// checks and restores (the page never touches the file system). Cancelling resolves to null.
import { open, save } from '@tauri-apps/plugin-dialog';
import { commands, type BackupFile, type BackupOverview, type CheckReport, type Restored } from '$lib/bindings';
import { call } from './errors';
import { m } from '$lib/paraglide/messages';

const filters = [{ name: 'Attaché', extensions: ['sqlite3'] }]; // i18n-exempt: the app's name
// A backup to restore may also be a whole-store document (Export everything).
const restorable = [{ name: 'Attaché', extensions: ['sqlite3', 'json'] }]; // i18n-exempt: the app's name
const documents = [{ name: 'JSON', extensions: ['json'] }]; // i18n-exempt: a format's name

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
	/** Asks where to save, then writes the whole store there as JSON; what was written, or null.
	 * `current` is the passphrase of an encrypted store, asked again: the document is not encrypted. */
	async exportWholeTo(day: string, current: string | null = null): Promise<{ path: string; rows: number } | null> {
		const title = m.shell_backups_export_whole_dialog();
		const path = await save({ title, defaultPath: `attache-${day}.json`, filters: documents }); // i18n-exempt: a file name
		if (!path) return null;
		const rows = await call(() => commands.backupsExportWhole(path, current));
		return { path, rows };
	},
	/** Asks for a backup file (or whole-store document) to restore; its path, or null if cancelled. */
	async chooseFile(): Promise<string | null> {
		const path = await open({ multiple: false, directory: false, filters: restorable });
		return typeof path === 'string' ? path : null;
	}
};

/** After a restore every screen's data is another store's: start the window afresh. */
export function startAfresh() {
	window.location.assign('/');
}
