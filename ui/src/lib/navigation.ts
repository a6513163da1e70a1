// The app's sections and keyboard shortcuts. Kept free of Svelte so the key handling is unit
// tested; the root layout only performs the command returned here.
import type { IconName } from '$lib/components/Icon.svelte';
import { m } from '$lib/paraglide/messages';

export type Section = { key: string; readonly label: string; href: string; icon: IconName };

/** A section whose label is asked of the catalogue each time it is shown. */
function section(key: string, href: string, icon: IconName, label: () => string): Section {
	return {
		key,
		href,
		icon,
		get label() {
			return label();
		}
	};
}

const dashboard = section('dashboard', '/', 'dashboard', m.shell_nav_dashboard);
const visits = section('visits', '/visits', 'visits', m.shell_nav_visits);
const calendar = section('calendar', '/calendar', 'calendar', m.calendar_nav);
const people = section('people', '/people', 'people', m.shell_nav_people);
const organizations = section('organizations', '/organizations', 'organizations', m.shell_nav_organizations);
const venues = section('venues', '/venues', 'venues', m.shell_nav_venues);
const vehicles = section('vehicles', '/vehicles', 'vehicles', m.shell_nav_vehicles);
const agreements = section('agreements', '/agreements', 'agreements', m.shell_nav_agreements);
const actions = section('actions', '/actions', 'actions', m.shell_nav_actions);
const gifts = section('gifts', '/gifts', 'gifts', m.registers_nav_gifts);
const results = section('results', '/results', 'results', m.outcomes_nav);
const settings = section('settings', '/settings', 'settings', m.shell_nav_settings);

/**
 * The sections reached with Ctrl/Cmd + digit, in digit order: Ctrl+1 is the first. The digits
 * people have learnt stay as they are, so sections added later are not put in among them.
 */
export const sections: Section[] = [dashboard, visits, people, organizations, agreements, actions, settings];

/**
 * Every section in the sidebar's order. The calendar follows the visits it shows; venues and
 * vehicles sit with the other records a visit draws on (people, organizations). None of these
 * three has a digit of its own.
 */
export const sidebar: Section[] = [
	dashboard,
	visits,
	calendar,
	people,
	organizations,
	venues,
	vehicles,
	agreements,
	actions,
	results,
	gifts,
	settings
];

/** The digit that opens a section with Ctrl/Cmd, or null when it has none. */
export function shortcutDigit(target: Section): number | null {
	const index = sections.indexOf(target);
	return index < 0 ? null : index + 1;
}

/** The section a path belongs to: "/visits/abc" → visits. */
export function sectionOf(pathname: string): Section {
	const first = pathname.split('/').filter(Boolean)[0] ?? '';
	return sidebar.find((s) => s.href === `/${first}`) ?? dashboard;
}

/** How shortcuts are written on this platform: "⌘1" on a Mac, "Ctrl+1" elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const mod = isMac ? '⌘' : 'Ctrl+'; // i18n-exempt: the key's name as printed on keyboards
/** The keys of quick add, as shown. */
export const quickAddKeys = `${mod}Shift+A`; // i18n-exempt: key names

export type ShortcutCommand =
	| { kind: 'navigate'; href: string }
	| { kind: 'focusFilter' }
	| { kind: 'newRecord' }
	| { kind: 'undo' }
	| { kind: 'showShortcuts' }
	| { kind: 'quickAdd' }
	| { kind: 'zoom'; step: 1 | -1 | 0 };

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
	// Zoom, as in browsers: "+" needs Shift on many keyboards, so Shift does not matter here.
	if (mod && !event.altKey) {
		if (event.key === '=' || event.key === '+') return { kind: 'zoom', step: 1 };
		if (event.key === '-') return { kind: 'zoom', step: -1 };
		if (event.key === '0') return { kind: 'zoom', step: 0 };
	}
	// Quick add of an action, from any screen (Ctrl+N makes the screen's own kind of record).
	if (mod && !event.altKey && event.shiftKey && event.key.toLowerCase() === 'a') return { kind: 'quickAdd' };
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
	// "?" is Shift+/ on a US keyboard, Shift+7 on a Russian one: the character decides, not the key.
	if (event.key === '?' && !mod && !event.altKey && !isTyping(event.target)) {
		return { kind: 'showShortcuts' };
	}
	return null;
}
