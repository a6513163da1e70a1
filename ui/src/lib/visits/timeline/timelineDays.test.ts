import { describe, expect, it } from 'vitest';
import { pageOf, timelinePages, timelineSpan } from './timelineDays';

const visit = { startDate: '2026-09-14', endDate: '2026-09-16' };
const at = (startsLocal: string, endsLocal: string) => ({ startsLocal, endsLocal });

describe('timeline days', () => {
	it("are the visit's, widened to items planned outside them", () => {
		expect(timelineSpan(visit, [])).toEqual({ first: '2026-09-14', last: '2026-09-16' });
		expect(timelineSpan(visit, [at('2026-09-13T20:00', '2026-09-13T21:00'), at('2026-09-15T10:00', '2026-09-15T11:00')])).toEqual({
			first: '2026-09-13',
			last: '2026-09-16'
		});
		expect(timelineSpan(visit, [at('2026-09-16T22:00', '2026-09-17T01:00')]).last).toBe('2026-09-17');
		// Ending at midnight ends on the day before.
		expect(timelineSpan(visit, [at('2026-09-16T22:00', '2026-09-17T00:00')]).last).toBe('2026-09-16');
	});

	it('come a week at a time at most', () => {
		expect(timelinePages({ first: '2026-09-14', last: '2026-09-16' })).toEqual([{ start: '2026-09-14', end: '2026-09-16', days: 3 }]);
		const pages = timelinePages({ first: '2026-09-01', last: '2026-09-10' });
		expect(pages).toEqual([
			{ start: '2026-09-01', end: '2026-09-07', days: 7 },
			{ start: '2026-09-08', end: '2026-09-10', days: 3 }
		]);
		expect(pageOf(pages, '2026-09-09')).toBe(1);
		expect(pageOf(pages, '2026-09-01')).toBe(0);
		expect(pageOf(pages, '2026-09-11')).toBe(-1);
	});

	it('show at least one day, even for a visit whose dates are reversed', () => {
		expect(timelinePages({ first: '2026-09-14', last: '2026-09-14' })).toHaveLength(1);
		expect(timelinePages({ first: '2026-09-14', last: '2026-09-10' })).toEqual([{ start: '2026-09-14', end: '2026-09-14', days: 1 }]);
	});
});
