import { open } from '@tauri-apps/plugin-dialog';
import { commands, type Document, type RecordKind } from '$lib/bindings';
import { call } from './errors';

export const documents = {
	list: (kind: RecordKind, recordId: string): Promise<Document[]> => call(() => commands.documentsList(kind, recordId)),
	attach: (kind: RecordKind, recordId: string, path: string): Promise<Document> =>
		call(() => commands.documentsAttach(kind, recordId, path)),
	remove: (id: string): Promise<null> => call(() => commands.documentsRemove(id)),
	open: (id: string): Promise<null> => call(() => commands.documentsOpen(id)),
	/** The files the user picks in the system's dialog (none when cancelled). */
	async choose(): Promise<string[]> {
		const picked = await open({ multiple: true, directory: false });
		if (!picked) return [];
		return Array.isArray(picked) ? picked : [picked];
	}
};
