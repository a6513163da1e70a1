const LOCALE = 'en-GB';

/** 1234 → "1,234"; a count the store stopped at (`capped`) → "10,000+". */
export function formatCount(n: number, capped = false): string {
	return new Intl.NumberFormat(LOCALE).format(n) + (capped ? '+' : '');
}

/** The pager's caption: "1–50 of 1,234" (or "of 10,000+" past the store's count cap). */
export function pageRange(page: number, pageSize: number, total: number, capped = false): string {
	if (total <= 0) return 'No records';
	const first = (page - 1) * pageSize + 1;
	const last = capped ? page * pageSize : Math.min(page * pageSize, total);
	return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total, capped)}`;
}

export function pageCount(pageSize: number, total: number): number {
	return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

/** 2500000, "USD" → "US$2,500,000"; an unknown currency code is printed beside the number. */
export function formatMoney(amount: number | null, currency: string | null): string {
	if (amount === null || amount === undefined) return '—';
	if (!currency) return formatCount(amount);
	try {
		return new Intl.NumberFormat(LOCALE, {
			style: 'currency',
			currency,
			maximumFractionDigits: 0
		}).format(amount);
	} catch {
		return `${formatCount(amount)} ${currency}`;
	}
}
