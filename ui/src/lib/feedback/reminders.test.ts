import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reminder } from '$lib/bindings';
import { announceDue, notices } from './reminders';
import { toasts } from './toasts.svelte';

afterEach(() => {
	clearMocks();
	for (const toast of toasts.items) toasts.dismiss(toast.id);
});

const action = (id: string, overdue: boolean): Reminder => ({ kind: 'action', recordId: id, title: `Action ${id}`, date: '2027-02-01', overdue });

describe('reminders', () => {
	it('words each reminder with a link to its record, and the rest in one summary', () => {
		const renewal: Reminder = { kind: 'renewal', recordId: 'm1', title: 'MoU on leather', date: '2027-03-31', overdue: false };
		const told = notices([renewal, action('a1', true), action('a2', false), action('a3', false), action('a4', false)]);
		expect(told.map((n) => n.href)).toEqual(['/agreements/m1', '/actions/a1', '/actions/a2', '/actions']);
		expect(told[0]).toMatchObject({ title: 'Agreement to renew' });
		expect(told[0].body).toContain('MoU on leather expires on');
		expect(told[1]).toMatchObject({ title: 'Overdue' });
		expect(told[2]).toEqual({ title: 'Due today', body: 'Action a2', href: '/actions/a2' });
		expect(told[3].body).toBe('2 more actions and agreements need attention.');
	});

	it('announces what the core hands out, in the window when the desktop refuses', async () => {
		const notified: unknown[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'reminders_take_due') return [action('a1', true)];
			if (cmd === 'plugin:notification|is_permission_granted') return false;
			if (cmd === 'plugin:notification|request_permission') return 'denied';
			if (cmd.startsWith('plugin:notification|notify')) notified.push(args);
			return null;
		});
		expect(await announceDue()).toBe(1);
		expect(notified).toEqual([]);
		const shown = toasts.items.at(-1);
		expect(shown?.message).toContain('Overdue: Action a1');
		expect(shown?.link).toEqual({ label: 'Open', href: '/actions/a1' });
	});
});
