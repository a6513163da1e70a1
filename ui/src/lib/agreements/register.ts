// The agreement register's date filters, offered as periods a protocol officer thinks in
// ("signed this year", "expiring within 90 days") and turned into the core's date ranges.
import type { AgreementQuery } from '$lib/bindings';
import { addDays } from '$lib/calendar/range';
import type { Option } from '$lib/components/Field.svelte';
import { m } from '$lib/paraglide/messages';

export const SIGNED = ['this_year', 'last_year', 'earlier'] as const;
export const EXPIRING = ['30', '90', '365', 'past'] as const;

export function signedOptions(): Option[] {
	return [
		{ value: 'this_year', label: m.agreements_filter_signed_this_year() },
		{ value: 'last_year', label: m.agreements_filter_signed_last_year() },
		{ value: 'earlier', label: m.agreements_filter_signed_earlier() }
	];
}

export function expiringOptions(): Option[] {
	return [
		{ value: '30', label: m.agreements_filter_expiring_within({ count: 30 }) },
		{ value: '90', label: m.agreements_filter_expiring_within({ count: 90 }) },
		{ value: '365', label: m.agreements_filter_expiring_within({ count: 365 }) },
		{ value: 'past', label: m.agreements_filter_expired() }
	];
}

type Periods = { signed?: unknown; expiring?: unknown };

/** The list query with the chosen periods as dates, counted from `today` (YYYY-MM-DD). */
export function registerQuery<Q extends Record<string, unknown>>(query: Q, today: string): Omit<Q, keyof Periods> & Partial<AgreementQuery> {
	const { signed, expiring, ...rest } = query as Q & Periods;
	const dates: Partial<AgreementQuery> = {};
	const year = Number(today.slice(0, 4));
	if (signed === 'this_year') Object.assign(dates, { signedFrom: `${year}-01-01`, signedTo: `${year}-12-31` });
	if (signed === 'last_year') Object.assign(dates, { signedFrom: `${year - 1}-01-01`, signedTo: `${year - 1}-12-31` });
	if (signed === 'earlier') Object.assign(dates, { signedTo: `${year - 2}-12-31` });
	if (expiring === 'past') Object.assign(dates, { expiresTo: addDays(today, -1) });
	else if (expiring) Object.assign(dates, { expiresFrom: today, expiresTo: addDays(today, Number(expiring)) });
	return { ...rest, ...dates };
}
