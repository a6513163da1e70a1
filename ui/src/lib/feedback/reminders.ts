// Reminders: at start and then every hour, the window asks the core for what has come due and
// not been announced (the core records each as announced, so nothing repeats on a day), words
// each in the user's language and shows it twice: as a desktop notification, and as a notice
// in the window whose button opens the record (a desktop notification cannot open a page of
// the app when clicked on Windows or Linux).
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification';
import { commands, type Reminder } from '$lib/bindings';
import { call } from '$lib/api/errors';
import { formatDate } from '$lib/format/dates';
import { m } from '$lib/paraglide/messages';
import { toasts } from './toasts.svelte';

/** Each shown on its own up to this many; the rest are one summary. */
const ONE_BY_ONE = 3;
const HOUR = 60 * 60 * 1000;

export type Notice = { title: string; body: string; href: string };

/** What the user is told of each reminder, and where its record is. */
export function notices(due: Reminder[]): Notice[] {
	const shown = due.slice(0, ONE_BY_ONE).map((r) =>
		r.kind === 'renewal'
			? { title: m.common_reminder_renewal_title(), body: m.common_reminder_renewal_body({ title: r.title, date: formatDate(r.date) }), href: `/agreements/${r.recordId}` }
			: {
					title: r.overdue ? m.common_reminder_overdue_title() : m.common_reminder_due_title(),
					body: r.overdue ? m.common_reminder_overdue_body({ title: r.title, date: formatDate(r.date) }) : r.title,
					href: `/actions/${r.recordId}`
				}
	);
	const rest = due.length - shown.length;
	if (rest > 0) shown.push({ title: m.common_reminder_more_title(), body: m.common_reminder_more_body({ count: rest }), href: '/actions' });
	return shown;
}

async function mayNotify(): Promise<boolean> {
	try {
		if (await isPermissionGranted()) return true;
		return (await requestPermission()) === 'granted';
	} catch {
		return false;
	}
}

/** Asks for the reminders due and announces them; returns how many there were. */
export async function announceDue(): Promise<number> {
	const due = await call(() => commands.remindersTakeDue());
	if (!due.length) return 0;
	const told = notices(due);
	const desktop = await mayNotify();
	for (const notice of told) {
		if (desktop) sendNotification({ title: notice.title, body: notice.body });
		toasts.show(`${notice.title}: ${notice.body}`, { link: { label: m.common_reminder_open(), href: notice.href } });
	}
	return due.length;
}

/** Announces what is due now, then looks again every hour while the app runs. */
export function keepReminding(): () => void {
	const look = () => void announceDue().catch(() => {});
	look();
	const timer = setInterval(look, HOUR);
	return () => clearInterval(timer);
}

export const reminderSetting = {
	enabled: (): Promise<boolean> => call(() => commands.remindersEnabled()),
	set: (on: boolean): Promise<null> => call(() => commands.remindersSetEnabled(on))
};
