import { describe, expect, it } from 'vitest';
import { sectionOf, sections, shortcutDigit, shortcutFor, sidebar } from './navigation';

const key = (k: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = null) => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	shiftKey: false,
	target,
	...extra
});

describe('shortcuts', () => {
	it('switches sections with Ctrl/Cmd + digit', () => {
		expect(shortcutFor(key('1', { ctrlKey: true }))).toEqual({ kind: 'navigate', href: '/' });
		expect(shortcutFor(key('2', { metaKey: true }))).toEqual({ kind: 'navigate', href: '/visits' });
		expect(shortcutFor(key('A', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'quickAdd' });
		expect(shortcutFor(key('a', { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(key('7', { ctrlKey: true }))).toEqual({ kind: 'navigate', href: '/settings' });
		expect(shortcutFor(key('8', { ctrlKey: true }))).toBeNull();
		expect(shortcutFor(key('2'))).toBeNull();
	});

	it('focuses the filter with / (not while typing) or Ctrl+F', () => {
		expect(shortcutFor(key('/'))).toEqual({ kind: 'focusFilter' });
		expect(shortcutFor(key('/', {}, document.createElement('input')))).toBeNull();
		expect(shortcutFor(key('/', {}, document.createElement('textarea')))).toBeNull();
		expect(shortcutFor(key('f', { ctrlKey: true }, document.createElement('input')))).toEqual({ kind: 'focusFilter' });
	});

	it('zooms with Ctrl/Cmd + "=" or "+", "-" and "0"', () => {
		expect(shortcutFor(key('=', { ctrlKey: true }))).toEqual({ kind: 'zoom', step: 1 });
		expect(shortcutFor(key('+', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'zoom', step: 1 });
		expect(shortcutFor(key('-', { metaKey: true }))).toEqual({ kind: 'zoom', step: -1 });
		expect(shortcutFor(key('0', { ctrlKey: true }))).toEqual({ kind: 'zoom', step: 0 });
		expect(shortcutFor(key('='))).toBeNull();
	});

	it('creates a record with Ctrl/Cmd+N', () => {
		expect(shortcutFor(key('n', { ctrlKey: true }))).toEqual({ kind: 'newRecord' });
		expect(shortcutFor(key('n', { ctrlKey: true, shiftKey: true }))).toBeNull();
	});

	it('undoes with Ctrl/Cmd+Z, except while typing text', () => {
		const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
		expect(shortcutFor(key('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
		expect(shortcutFor(key('z', { metaKey: true }, checkbox))).toEqual({ kind: 'undo' });
		expect(shortcutFor(key('z', { ctrlKey: true }, document.createElement('input')))).toBeNull();
		expect(shortcutFor(key('z', { ctrlKey: true }, document.createElement('textarea')))).toBeNull();
		expect(shortcutFor(key('z', { ctrlKey: true, shiftKey: true }))).toBeNull();
		expect(shortcutFor(key('z'))).toBeNull();
	});

	it('shows the shortcuts with ? (Shift held or not), except while typing text', () => {
		const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
		expect(shortcutFor(key('?', { shiftKey: true }))).toEqual({ kind: 'showShortcuts' });
		expect(shortcutFor(key('?'))).toEqual({ kind: 'showShortcuts' });
		expect(shortcutFor(key('?', { shiftKey: true }, checkbox))).toEqual({ kind: 'showShortcuts' });
		expect(shortcutFor(key('?', { shiftKey: true }, document.createElement('input')))).toBeNull();
		expect(shortcutFor(key('?', { shiftKey: true }, document.createElement('textarea')))).toBeNull();
		expect(shortcutFor(key('?', { shiftKey: true }, document.createElement('select')))).toBeNull();
		expect(shortcutFor(key('?', { ctrlKey: true, shiftKey: true }))).toBeNull();
		expect(shortcutFor(key('?', { altKey: true, shiftKey: true }))).toBeNull();
	});

	it('knows the section of a nested path', () => {
		expect(sectionOf('/visits/0190-abc').key).toBe('visits');
		expect(sectionOf('/venues/0190-abc').key).toBe('venues');
		expect(sectionOf('/vehicles').key).toBe('vehicles');
		expect(sectionOf('/calendar').key).toBe('calendar');
		expect(sectionOf('/').key).toBe('dashboard');
		expect(sectionOf('/nowhere').key).toBe('dashboard');
	});

	it('lists the calendar after visits, venues and vehicles after organizations, results and the gift register after actions, keeping every digit as it was', () => {
		expect(sidebar.map((s) => s.key)).toEqual([
			'dashboard',
			'visits',
			'calendar',
			'people',
			'organizations',
			'venues',
			'vehicles',
			'agreements',
			'actions',
			'results',
			'gifts',
			'settings'
		]);
		expect(sidebar.map(shortcutDigit)).toEqual([1, 2, null, 3, 4, null, null, 5, 6, null, null, 7]);
		// Every section with a digit is in the sidebar, and the digit opens it.
		for (const section of sections) {
			expect(sidebar).toContain(section);
			expect(shortcutFor(key(String(shortcutDigit(section)), { ctrlKey: true }))).toEqual({ kind: 'navigate', href: section.href });
		}
		expect(shortcutFor(key('9', { ctrlKey: true }))).toBeNull();
	});
});
