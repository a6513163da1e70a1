// Contact imports. The user picks the file in the system's dialog; the shell reads it and the
// core checks, compares and imports (the page never touches the file system). Cancelling a
// dialog resolves to null.
import { Channel } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import {
	commands,
	type Field,
	type ImportChoices,
	type ImportProgress,
	type ImportRecord,
	type ImportReview,
	type ImportSummary,
	type Target,
	type TextEncoding
} from '$lib/bindings';
import { call } from './errors';

// i18n-exempt: the formats' own names
const sources = [{ name: 'CSV, Excel, OpenDocument, vCard', extensions: ['csv', 'txt', 'tsv', 'xlsx', 'xlsm', 'xls', 'xlsb', 'ods', 'vcf', 'vcard'] }];
const refusedFilters = [{ name: 'CSV', extensions: ['csv'] }]; // i18n-exempt: the format's name

/** For each column of the file, the field it fills (or none). */
export type Mapping = (Field | null)[];

/** A file as the import reads it: where it is, and the encoding the user chose for it. */
export type ImportFile = { path: string; encoding: TextEncoding | null };

export const imports = {
	/** Asks for a contacts file; its path, or null if cancelled. */
	async chooseFile(title: string): Promise<string | null> {
		const path = await open({ title, multiple: false, directory: false, filters: sources });
		return typeof path === 'string' ? path : null;
	},
	/** What importing the file would do, telling `onProgress` as rows are compared (`0 of 0`
	 * while the file is read); `cancel` stops it. */
	review(file: ImportFile, target: Target, mapping: Mapping | null, onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportReview> {
		const progress = new Channel<ImportProgress>();
		progress.onmessage = onProgress;
		return call(() => commands.importsReview(file.path, file.encoding, target, mapping, progress));
	},
	/** Imports in one transaction, telling `onProgress` as rows go in. */
	apply(file: ImportFile, choices: ImportChoices, onProgress: (p: ImportProgress) => void): Promise<ImportSummary> {
		const progress = new Channel<ImportProgress>();
		progress.onmessage = onProgress;
		return call(() => commands.importsApply(file.path, file.encoding, choices, progress));
	},
	cancel: (): Promise<null> => call(() => commands.importsCancel()),
	last: (): Promise<ImportRecord | null> => call(() => commands.importsLast()),
	undo: (): Promise<ImportRecord> => call(() => commands.importsUndo()),
	/** Asks where to save, then writes the refused rows with their reasons; how many, or null. */
	async saveRefused(file: ImportFile, target: Target, mapping: Mapping, name: string): Promise<{ path: string; count: number } | null> {
		const to = await save({ defaultPath: name, filters: refusedFilters });
		if (!to) return null;
		return { path: to, count: await call(() => commands.importsSaveRefused(file.path, file.encoding, target, mapping, to)) };
	}
};
