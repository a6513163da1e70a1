// The dashboard's "recent changes": each audit-log entry as one line of text, with the record's
// name and, when the record has a page, a link to it. The log also holds entries that are not
// records of their own (a conflict's acknowledgement, kept under `conflict`), so every kind the
// window does not know is still worded, never allowed to break the dashboard.
import type { AuditEntry, RecordKind } from '$lib/bindings';
import { recordName } from '$lib/api/errors';
import { m } from '$lib/paraglide/messages';

export type ChangeLine = { text: string; name: string; href: string | null };

const PAGES: Record<RecordKind, string | null> = {
	visit: '/visits',
	agreement: '/agreements',
	action: '/actions',
	person: '/people',
	organization: '/organizations',
	venue: '/venues',
	vehicle: '/vehicles',
	engagement: null,
	participant: null,
	gift: null,
	outcome: null
};

const isRecordKind = (kind: string): kind is RecordKind => Object.hasOwn(PAGES, kind);

/** The acknowledgement's reason, as the entry's change of `reason` holds it. */
function acknowledgementReason(changes: string): string {
	try {
		const reason = JSON.parse(changes)?.reason;
		const text = reason?.after ?? reason?.before;
		return typeof text === 'string' ? text : '';
	} catch {
		return '';
	}
}

export function changeLine(entry: AuditEntry): ChangeLine {
	const who = entry.actor;
	if (entry.recordKind === 'conflict') {
		const text = entry.operation === 'delete' ? m.shell_dashboard_change_unacknowledge({ who }) : m.shell_dashboard_change_acknowledge({ who });
		return { text, name: acknowledgementReason(entry.changes), href: null };
	}
	if (!isRecordKind(entry.recordKind)) {
		return { text: m.shell_dashboard_change_other({ who }), name: entry.names[entry.recordId] ?? '', href: null };
	}
	const what = { record: recordName(entry.recordKind), who };
	const text =
		entry.operation === 'create'
			? m.shell_dashboard_change_create(what)
			: entry.operation === 'delete'
				? m.shell_dashboard_change_delete(what)
				: entry.operation === 'restore'
					? m.shell_dashboard_change_restore(what)
					: m.shell_dashboard_change_update(what);
	const base = PAGES[entry.recordKind];
	return { text, name: entry.names[entry.recordId] ?? '', href: base ? `${base}/${entry.recordId}` : null };
}
