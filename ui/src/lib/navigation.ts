// The app's sections and keyboard shortcuts. Kept free of Svelte so the key handling is unit
// tested; the root layout only performs the command returned here.
import type { IconName } from '$lib/components/Icon.svelte';

export type Section = { key: string; label: string; href: string; icon: IconName };

export const sections: Section[] = [
	{ key: 'dashboard', label: 'Dashboard', href: '/', icon: 'dashboard' },
	{ key: 'visits', label: 'Visits', href: '/visits', icon: 'visits' },
	{ key: 'people', label: 'People', href: '/people', icon: 'people' },
	{ key: 'organizations', label: 'Organizations', href: '/organizations', icon: 'organizations' },
	{ key: 'agreements', label: 'Agreements', href: '/agreements', icon: 'agreements' },
	{ key: 'actions', label: 'Actions', href: '/actions', icon: 'actions' },
	{ key: 'settings', label: 'Settings', href: '/settings', icon: 'settings' }
];

/** The section a path belongs to: "/visits/abc" → visits. */
export function sectionOf(pathname: string): Section {
	const first = pathname.split('/').filter(Boolean)[0] ?? '';
	return sections.find((s) => s.href === `/${first}`) ?? sections[0];
}

/** How shortcuts are written on this platform: "⌘1" on a Mac, "Ctrl+1" elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const mod = isMac ? '⌘' : 'Ctrl+';

export type ShortcutCommand =
	| { kind: 'navigate'; href: string }
	| { kind: 'focusFilter' }
	| { kind: 'newRecord' }
	| { kind: 'undo' };

type Key = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & {
	target: EventTarget | null;
};

// Inputs that take no typed text (a checkbox, a button) leave the keys to the app.
const UNTYPED_INPUTS = /^(checkbox|radio|button|submit|reset|range|color|file)$/;

function isTyping(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	if (!el || typeof el.tagName !== 'string') return false;
	if (el.tagName === 'INPUT') return !UNTYPED_INPUTS.test((el as HTMLInputElement).type);
	return /^(TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable === true;
}

export function shortcutFor(event: Key): ShortcutCommand | null {
	const mod = event.ctrlKey || event.metaKey;
	if (mod && !event.altKey && !event.shiftKey) {
		const index = Number(event.key) - 1;
		if (Number.isInteger(index) && index >= 0 && index < sections.length) {
			return { kind: 'navigate', href: sections[index].href };
		}
		if (event.key.toLowerCase() === 'f') return { kind: 'focusFilter' };
		if (event.key.toLowerCase() === 'n') return { kind: 'newRecord' };
		// Ctrl/Cmd+Z in a text box undoes typing; elsewhere it undoes the last delete.
		if (event.key.toLowerCase() === 'z' && !isTyping(event.target)) return { kind: 'undo' };
		return null;
	}
	if (event.key === '/' && !mod && !event.altKey && !isTyping(event.target)) {
		return { kind: 'focusFilter' };
	}
	return null;
}
