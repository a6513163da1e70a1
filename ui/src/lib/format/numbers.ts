const LOCALE = 'en-GB';

/** 1234 → "1,234". */
export function formatCount(n: number): string {
	return new Intl.NumberFormat(LOCALE).format(n);
}

/** The pager's caption: "1–50 of 1,234", or "0 of 0" for an empty list. */
export function pageRange(page: number, pageSize: number, total: number): string {
	if (total <= 0) return 'No records';
	const first = (page - 1) * pageSize + 1;
	const last = Math.min(page * pageSize, total);
	return `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
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
