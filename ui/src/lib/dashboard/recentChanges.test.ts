import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '$lib/bindings';
import { changeLine } from './recentChanges';

const entry = (recordKind: string, operation: string, changes = '{}', names: Record<string, string> = {}): AuditEntry => ({
	at: '2026-11-29T09:00:00Z',
	actor: 'Olga',
	recordKind,
	recordId: 'r1',
	operation,
	changes,
	names
});

describe('a recent change on the dashboard', () => {
	it('names the record and links to its page', () => {
		expect(changeLine(entry('agreement', 'update', '{}', { r1: 'MoU on textiles' }))).toEqual({
			text: 'Olga edited the agreement',
			name: 'MoU on textiles',
			href: '/agreements/r1'
		});
		expect(changeLine(entry('person', 'create', '{}', { r1: 'Olga Khoreva' })).text).toBe('Olga added the person');
	});

	it('does not link a record that has no page of its own', () => {
		expect(changeLine(entry('engagement', 'delete', '{}', { r1: 'Dinner' }))).toEqual({
			text: 'Olga deleted the programme item',
			name: 'Dinner',
			href: null
		});
	});

	it('words a conflict’s acknowledgement and its withdrawal with the reason given', () => {
		const given = entry('conflict', 'create', JSON.stringify({ reason: { before: null, after: 'The minister leaves early' } }));
		expect(changeLine(given)).toEqual({ text: 'Olga acknowledged a conflict', name: 'The minister leaves early', href: null });
		const withdrawn = entry('conflict', 'delete', JSON.stringify({ reason: { before: 'The minister leaves early', after: null } }));
		expect(changeLine(withdrawn).text).toBe('Olga withdrew a conflict’s acknowledgement');
		expect(changeLine(withdrawn).name).toBe('The minister leaves early');
	});

	it('still words an entry of a kind the window does not know, or with changes it cannot read', () => {
		expect(changeLine(entry('hub_user', 'create'))).toEqual({ text: 'Olga made a change', name: '', href: null });
		expect(changeLine(entry('conflict', 'create', 'not json')).name).toBe('');
	});
});
