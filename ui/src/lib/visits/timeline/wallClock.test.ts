import { describe, expect, it } from 'vitest';
import { addDays, addMinutes, minuteOfDay, minutesBetween, offsetOption, userClockTime, wallToInstant, zoneOffsetMinutes } from './wallClock';

describe('wall-clock arithmetic', () => {
	it('adds minutes across midnight, month and year ends', () => {
		expect(addMinutes('2026-09-14T23:30', 45)).toBe('2026-09-15T00:15');
		expect(addMinutes('2026-09-30T23:45', 15)).toBe('2026-10-01T00:00');
		expect(addMinutes('2027-01-01T00:10', -15)).toBe('2026-12-31T23:55');
		expect(addMinutes('2026-09-14T10:00', 1440)).toBe('2026-09-15T10:00');
	});

	it('is not moved by a daylight-saving change anywhere', () => {
		// 29 March 2026: clocks go forward in Europe; wall arithmetic does not care.
		expect(addMinutes('2026-03-29T01:45', 60)).toBe('2026-03-29T02:45');
		expect(minutesBetween('2026-03-29T00:00', '2026-03-30T00:00')).toBe(1440);
	});

	it('counts minutes and days, and leaves what it cannot read', () => {
		expect(minutesBetween('2026-09-14T10:00', '2026-09-14T11:30')).toBe(90);
		expect(minutesBetween('2026-09-14T11:30', '2026-09-14T10:00')).toBe(-90);
		expect(minutesBetween('', '2026-09-14T10:00')).toBe(0);
		expect(addMinutes('soon', 15)).toBe('soon');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(minuteOfDay('2026-09-14T10:30')).toBe(630);
	});
});

describe('zones', () => {
	it('reads a zone offset, including half hours and daylight saving', () => {
		expect(zoneOffsetMinutes('Asia/Karachi', new Date('2026-01-28T12:00:00Z'))).toBe(300);
		expect(zoneOffsetMinutes('Asia/Kolkata', new Date('2026-01-28T12:00:00Z'))).toBe(330);
		expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-01-28T12:00:00Z'))).toBe(60);
		expect(zoneOffsetMinutes('Europe/Berlin', new Date('2026-07-28T12:00:00Z'))).toBe(120);
		expect(zoneOffsetMinutes('Not/AZone', new Date())).toBeNull();
	});

	it('finds the moment a wall time in a zone is', () => {
		expect(wallToInstant('2026-01-28T10:00', 'Asia/Karachi')?.toISOString()).toBe('2026-01-28T05:00:00.000Z');
		expect(wallToInstant('2026-03-29T03:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(wallToInstant('2026-03-28T23:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-28T22:30:00.000Z');
		expect(wallToInstant('2026-01-28T10:00', 'Not/AZone')).toBeNull();
	});

	it("gives the user's own clock time beside the visit's", () => {
		expect(userClockTime('2026-01-28T10:00', 'Asia/Karachi', 'Europe/Moscow')).toBe('08:00');
		expect(userClockTime('2026-01-28T01:00', 'Asia/Karachi', 'America/New_York')).toBe('15:00');
	});

	it('writes an offset as event-calendar takes it', () => {
		expect(offsetOption(330)).toBe('+05:30');
		expect(offsetOption(-240)).toBe('-04:00');
		expect(offsetOption(0)).toBe('+00:00');
	});
});
