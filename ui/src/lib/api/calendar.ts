// Calendar files (.ics). The user picks the file in the system's dialog; the shell reads or
// writes it (the page never touches the file system). Cancelling the dialog resolves to null.
import { open, save } from '@tauri-apps/plugin-dialog';
import { commands, type ImportReport } from '$lib/bindings';
import { fileName } from '$lib/format/files';
import { call } from './errors';

const filters = [{ name: 'iCalendar', extensions: ['ics'] }]; // i18n-exempt: the format's name

async function chooseTarget(title: string): Promise<string | null> {
	return save({ defaultPath: fileName(title, 'ics', 'programme'), filters }); // i18n-exempt: a file name
}

export const calendarFiles = {
	/** Asks where to save, then writes the visit's programme there; the path, or null if cancelled. */
	async exportVisit(visitId: string, title: string): Promise<string | null> {
		const path = await chooseTarget(title);
		if (!path) return null;
		await call(() => commands.calendarExportVisit(visitId, path));
		return path;
	},
	async exportPerson(personId: string, name: string): Promise<string | null> {
		const path = await chooseTarget(name);
		if (!path) return null;
		await call(() => commands.calendarExportPerson(personId, path));
		return path;
	},
	/** Asks for a file to import; its path, or null if cancelled. */
	async chooseSource(): Promise<string | null> {
		const path = await open({ multiple: false, directory: false, filters });
		return typeof path === 'string' ? path : null;
	},
	preview: (visitId: string, path: string): Promise<ImportReport> =>
		call(() => commands.calendarImportPreview(visitId, path)),
	import: (visitId: string, path: string): Promise<ImportReport> => call(() => commands.calendarImport(visitId, path))
};
