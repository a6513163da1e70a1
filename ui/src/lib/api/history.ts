import { commands, type AuditEntry, type RecordKind } from '$lib/bindings';
import { call } from './errors';

/** Who changed what and when, newest first as the core returns it. */
export function recordHistory(kind: RecordKind, id: string): Promise<AuditEntry[]> {
	return call(() => commands.recordHistory(kind, id));
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
