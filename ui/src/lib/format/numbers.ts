// Numbers, counts and lists in the chosen language's conventions (`formatTag()`, asked on every
// call so a change of language applies at once): "1,234" in English, "1 234" in Russian.
import { formatTag } from '$lib/i18n/locale.svelte';
import { m } from '$lib/paraglide/messages';

/** 1234 → "1,234"; a count the store stopped at (`capped`) → "10,000+". */
export function formatCount(n: number, capped = false): string {
	return new Intl.NumberFormat(formatTag()).format(n) + (capped ? '+' : '');
}

/** The pager's caption: "1–50 of 1,234" (or "of 10,000+" past the store's count cap). */
export function pageRange(page: number, pageSize: number, total: number, capped = false): string {
	if (total <= 0) return m.common_pager_none();
	const first = (page - 1) * pageSize + 1;
	const last = capped ? page * pageSize : Math.min(page * pageSize, total);
	return m.common_pager_range({ first: formatCount(first), last: formatCount(last), total: formatCount(total, capped) });
}

export function pageCount(pageSize: number, total: number): number {
	return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** 2500000, "USD" → "US$2,500,000"; an unknown currency code is printed beside the number. */
export function formatMoney(amount: number | null, currency: string | null): string {
	if (amount === null || amount === undefined) return '—';
	if (!currency) return formatCount(amount);
	try {
		return new Intl.NumberFormat(formatTag(), {
			style: 'currency',
			currency,
			maximumFractionDigits: 0
		}).format(amount);
	} catch {
		return `${formatCount(amount)} ${currency}`;
	}
}

/** Words joined as the language lists them: "a, b and c", "a, b и c", "a، b اور c". */
export function formatList(items: string[]): string {
	try {
		return new Intl.ListFormat(formatTag(), { style: 'long', type: 'conjunction' }).format(items);
	} catch {
		return items.join(', ');
	}
}

/** A file's size: 532 → "532 B", 1_250_000 → "1.2 MB" (kilo- and megabytes of 1,024). */
export function formatBytes(bytes: number): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return new Intl.NumberFormat(formatTag(), {
		style: 'unit',
		unit: units[unit],
		// "77 B" needs the narrow form: the short form of a byte is "byte" in English.
		unitDisplay: unit === 0 ? 'narrow' : 'short',
		maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1
	}).format(value);
}
