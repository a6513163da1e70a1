// A travel time in minutes, worded by Intl in the chosen language ("45 minutes", "45 минут").
import { formatTag } from '$lib/i18n/locale.svelte';

export function formatMinutes(minutes: number): string {
	return new Intl.NumberFormat(formatTag(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
