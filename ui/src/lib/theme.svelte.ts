// Light or dark. The choice ("system", "light" or "dark") is kept in localStorage and applied as
// `data-theme` on <html> before the first paint (tokens.css holds both palettes). On "system"
// the theme follows the operating system, also when it changes while the app is open.
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'attache.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

function stored(): ThemeChoice {
	try {
		const value = globalThis.localStorage?.getItem(STORAGE_KEY);
		return CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : 'system';
	} catch {
		return 'system';
	}
}

let choice = $state<ThemeChoice>(stored());

function systemDark(): boolean {
	return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export function themeChoice(): ThemeChoice {
	return choice;
}

export function resolvedTheme(): 'light' | 'dark' {
	return choice === 'system' ? (systemDark() ? 'dark' : 'light') : choice;
}

export function applyTheme(): void {
	if (typeof document !== 'undefined') document.documentElement.dataset.theme = resolvedTheme();
}

export function chooseTheme(next: ThemeChoice): void {
	choice = next;
	try {
		if (next === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY);
		else globalThis.localStorage?.setItem(STORAGE_KEY, next);
	} catch {
		// Storage can be unavailable; the choice still holds for this session.
	}
	applyTheme();
}

/** Applies the theme now and follows the system's while the choice is "system". */
export function startTheme(): void {
	applyTheme();
	globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener?.('change', () => {
		if (choice === 'system') applyTheme();
	});
}
