// The UI language. The user's choice ("system" or one of the catalogue's languages) is kept in
// localStorage, which the webview reads synchronously at start, so the first paint is already
// in the right language and direction. Paraglide's messages ask `getLocale()` each time they
// render; pointing it at a $state makes every message on screen re-render when the choice
// changes, with no reload.
import { baseLocale, locales, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';

export type LanguageChoice = Locale | 'system';

const STORAGE_KEY = 'attache.language';

/** The languages in the order Settings offers them, each named in its own language. */
export const languages: { locale: Locale; name: string }[] = [
	{ locale: 'en', name: 'English' }, // i18n-exempt: language names are written in their own language
	{ locale: 'ru', name: 'Русский' }, // i18n-exempt: language names are written in their own language
	{ locale: 'ur', name: 'اردو' } // i18n-exempt: language names are written in their own language
];

function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function systemTags(): readonly string[] {
	if (typeof navigator === 'undefined') return [];
	return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The first of the system's languages the catalogue has, else English. */
export function systemLocale(tags: readonly string[] = systemTags()): Locale {
	for (const tag of tags) {
		const language = tag.toLowerCase().split(/[-_]/)[0];
		if (isLocale(language)) return language;
	}
	return baseLocale;
}

function storedChoice(): LanguageChoice {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		return isLocale(stored) ? stored : 'system';
	} catch {
		return 'system';
	}
}

let choice = $state<LanguageChoice>(storedChoice());

overwriteGetLocale(() => (choice === 'system' ? systemLocale() : choice));

export function languageChoice(): LanguageChoice {
	return choice;
}

export function currentLocale(): Locale {
	return choice === 'system' ? systemLocale() : choice;
}

/** Switches every message on screen at once and remembers the choice. */
export function chooseLanguage(next: LanguageChoice): void {
	choice = next;
	try {
		if (next === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY);
		else globalThis.localStorage?.setItem(STORAGE_KEY, next);
	} catch {
		// Storage can be unavailable (private mode); the choice still holds for this session.
	}
	applyToDocument();
}

export function textDirection(locale: Locale = currentLocale()): 'ltr' | 'rtl' {
	return locale === 'ur' ? 'rtl' : 'ltr';
}

/** `lang` and `dir` on <html>: screen readers, fonts (`:lang(ur)`) and the mirrored layout follow them. */
export function applyToDocument(): void {
	if (typeof document === 'undefined') return;
	const locale = currentLocale();
	document.documentElement.lang = locale;
	document.documentElement.dir = textDirection(locale);
}

/**
 * The BCP 47 tag `Intl` formats with: the system's own tag when it is in the chosen language
 * (so an English user in Pakistan gets en-PK's conventions), else the language alone.
 */
export function formatTag(locale: Locale = currentLocale(), tags: readonly string[] = systemTags()): string {
	const own = tags.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === locale);
	if (!own) return locale;
	try {
		return Intl.getCanonicalLocales(own.replace('_', '-'))[0];
	} catch {
		return locale;
	}
}
