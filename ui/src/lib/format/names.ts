// A name in two scripts: the Latin transliteration every record has, and the name in its own
// script (Cyrillic, Urdu…) when one is recorded. The reader's language decides which comes
// first: a Russian reader sees "Альберт Хорев" before "H.E. Albert Khorev", an English reader
// the other way round. Each part carries the language of its script, so screen readers
// pronounce it right and the Urdu font applies.
import type { Locale } from '$lib/paraglide/runtime';
import { currentLocale } from '$lib/i18n/locale.svelte';

export type NamePart = { text: string; lang: string | undefined };
export type NamePair = { first: NamePart; second: NamePart | null };

/** The UI language a name's script belongs to, or undefined for Latin and anything else. */
export function scriptLanguage(text: string): 'ru' | 'ur' | undefined {
	if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
	if (/\p{Script=Arabic}/u.test(text)) return 'ur';
	return undefined;
}

export function namePair(
	latin: string | null | undefined,
	native: string | null | undefined,
	locale: Locale = currentLocale()
): NamePair {
	const own = native?.trim() ? { text: native, lang: scriptLanguage(native) } : null;
	const transliterated = latin?.trim() ? { text: latin, lang: scriptLanguage(latin) } : null;
	if (!own) return { first: transliterated ?? { text: '', lang: undefined }, second: null };
	if (!transliterated || own.text === transliterated.text) return { first: own, second: null };
	const readerFirst = own.lang !== undefined && own.lang === locale;
	return readerFirst ? { first: own, second: transliterated } : { first: transliterated, second: own };
}

/** Both names on one line of plain text (a tooltip, a toast): "Albert Khorev · Альберт Хорев". */
export function namePairText(latin: string | null | undefined, native: string | null | undefined): string {
	const { first, second } = namePair(latin, native);
	return second ? `\u2068${first.text}\u2069 · \u2068${second.text}\u2069` : first.text;
}
