import { commands, type AuditEntry, type RecordKind } from '$lib/bindings';
import { call } from './errors';

/** Who changed what and when, newest first (the core keeps them oldest first). */
export async function recordHistory(kind: RecordKind, id: string): Promise<AuditEntry[]> {
	return (await call(() => commands.recordHistory(kind, id))).reverse();
}

const OPERATIONS: Record<string, string> = {
	create: 'Created',
	update: 'Edited',
	delete: 'Deleted',
	restore: 'Restored'
};

export function operationLabel(operation: string): string {
	return OPERATIONS[operation] ?? operation;
}

/** A stored field's name as words: "hostOrganizationId" → "host organization", "sectorIds" → "sectors". */
export function fieldLabel(field: string): string {
	const words = field
		.replace(/Ids$/, 's')
		.replace(/Id$/, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase();
	return words;
}

/** The names of the fields an audit entry changed (its `changes` is a JSON object by field). */
export function changedFields(entry: AuditEntry): string[] {
	try {
		const changes = JSON.parse(entry.changes) as unknown;
		return changes && typeof changes === 'object' ? Object.keys(changes) : [];
	} catch {
		return [];
	}
}
