import { describe, expect, it } from 'vitest';
import {
	daysBetween,
	formatDate,
	formatDateRange,
	formatDue,
	formatInstant,
	formatTime,
	formatVisitDates,
	formatWallDateTime,
	today,
	wallDay,
	wallTime,
	zonesDiffer
} from './dates';

describe('calendar dates', () => {
	it('formats a date without shifting the day', () => {
		expect(formatDate('2026-01-28')).toBe('28 Jan 2026');
		expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
	});

	it('shows a dash for no date and unparsable text as given', () => {
		expect(formatDate(null)).toBe('—');
		expect(formatDate('next week')).toBe('next week');
	});

	it('shortens ranges within a month and a year', () => {
		expect(formatDateRange('2026-01-28', '2026-01-30')).toBe('28–30 Jan 2026');
		expect(formatDateRange('2026-01-30', '2026-02-02')).toBe('30 Jan – 2 Feb 2026');
		expect(formatDateRange('2025-12-30', '2026-01-02')).toBe('30 Dec 2025 – 2 Jan 2026');
		expect(formatDateRange('2026-01-28', '2026-01-28')).toBe('28 Jan 2026');
	});

	it('shows a visit whose exact days are not known as its month or months', () => {
		const unknown = (startDate: string, endDate: string) =>
			formatVisitDates({ startDate, endDate, exactDatesUnknown: true });
		expect(unknown('2025-11-01', '2025-11-30')).toBe('November 2025');
		expect(unknown('2025-11-01', '2025-12-31')).toBe('November – December 2025');
		expect(unknown('2025-12-01', '2026-01-31')).toBe('December 2025 – January 2026');
		expect(unknown('2026-02-01', '2026-02-28')).toBe('February 2026');
		expect(unknown('2025-11-03', '2025-11-20')).toBe('From 3 Nov 2025 to 20 Nov 2025, exact dates unknown');
		expect(formatVisitDates({ startDate: '2025-11-01', endDate: '2025-11-30', exactDatesUnknown: false })).toBe('1–30 Nov 2025');
	});

	it('counts days and phrases due dates', () => {
		expect(daysBetween('2026-01-28', '2026-02-01')).toBe(4);
		expect(formatDue('2026-01-28', '2026-01-28')).toBe('Due today');
		expect(formatDue('2026-01-29', '2026-01-28')).toBe('Due tomorrow');
		expect(formatDue('2026-02-01', '2026-01-28')).toBe('Due in 4 days');
		expect(formatDue('2026-01-27', '2026-01-28')).toBe('1 day overdue');
		expect(formatDue('2026-01-18', '2026-01-28')).toBe('10 days overdue');
		expect(formatDue(null, '2026-01-28')).toBe('No due date');
	});

	it("gives today's date in a zone", () => {
		const instant = new Date('2026-01-28T21:30:00Z');
		expect(today('Asia/Karachi', instant)).toBe('2026-01-29');
		expect(today('America/New_York', instant)).toBe('2026-01-28');
	});
});

describe('wall times and instants', () => {
	it('splits wall time', () => {
		expect(wallTime('2026-01-28T10:30')).toBe('10:30');
		expect(wallDay('2026-01-28T10:30')).toBe('2026-01-28');
		expect(wallTime(null)).toBe('');
	});

	it('shows an instant in a given zone', () => {
		expect(formatInstant('2026-01-28T05:30:00Z', 'Asia/Karachi')).toBe('28 Jan 2026, 10:30');
		expect(formatInstant('2026-01-28T05:30:00Z', 'Europe/Moscow')).toBe('28 Jan 2026, 08:30');
	});

	it('knows when two zones show different times', () => {
		expect(zonesDiffer('Asia/Karachi', 'Europe/Berlin')).toBe(true);
		expect(zonesDiffer('Asia/Karachi', 'Asia/Karachi')).toBe(false);
		expect(zonesDiffer('Asia/Karachi', 'Asia/Tashkent', '2026-01-28T00:00:00Z')).toBe(false);
	});
});

describe('times within a visit', () => {
	it('shows wall time as given, without zone arithmetic', () => {
		expect(formatWallDateTime('2026-01-28T10:00')).toBe('28 Jan, 10:00');
		expect(formatWallDateTime(null)).toBe('');
		expect(formatWallDateTime('soon')).toBe('soon');
	});

	it('shows an instant\'s time of day in the visit\'s zone', () => {
		expect(formatTime('2026-01-28T05:30:00Z', 'Asia/Karachi')).toBe('10:30');
		expect(formatTime('2026-01-28T05:30:00Z', 'Europe/Moscow')).toBe('08:30');
	});
});
