import { describe, expect, it } from 'vitest';
import type { Engagement } from '$lib/bindings';
import { programmeDays } from './programmeDays';

const item = (id: string, startsLocal: string, startsAt: string) =>
	({ id, startsLocal, startsAt }) as Engagement;

describe('programmeDays', () => {
	it('lists only days that have items, counting the empty days between them', () => {
		const days = programmeDays([
			item('c', '2025-11-20T09:00', '2025-11-20T06:00:00.000Z'),
			item('b', '2025-11-03T14:00', '2025-11-03T11:00:00.000Z'),
			item('a', '2025-11-03T09:00', '2025-11-03T06:00:00.000Z')
		]);
		expect(days.map((d) => [d.day, d.items.map((e) => e.id), d.emptyDaysBefore])).toEqual([
			['2025-11-03', ['a', 'b'], 0],
			['2025-11-20', ['c'], 16]
		]);
	});

	it('has no days for an empty programme', () => {
		expect(programmeDays([])).toEqual([]);
	});
});
