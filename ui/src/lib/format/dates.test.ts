import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import {
	daysBetween,
	firstDayOfWeek,
	formatDate,
	formatDayHeading,
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

// The system's languages as the webview reports them. These tests read British conventions
// (day before month) for English, whatever machine they run on.
function systemLanguages(tags: string[] | null) {
	if (tags) Object.defineProperty(navigator, 'languages', { value: tags, configurable: true });
	else delete (navigator as { languages?: unknown }).languages;
}
beforeAll(() => systemLanguages(['en-GB', 'en']));
afterAll(() => systemLanguages(null));

// ICU sets a range's dash between thin spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u2009\u202f]/g, ' ');

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
		expect(plain(formatDateRange('2026-01-28', '2026-01-30'))).toBe('28 – 30 Jan 2026');
		expect(plain(formatDateRange('2026-01-30', '2026-02-02'))).toBe('30 Jan – 2 Feb 2026');
		expect(plain(formatDateRange('2025-12-30', '2026-01-02'))).toBe('30 Dec 2025 – 2 Jan 2026');
		expect(formatDateRange('2026-01-28', '2026-01-28')).toBe('28 Jan 2026');
	});

	it('shows a visit whose exact days are not known as its month or months', () => {
		const unknown = (startDate: string, endDate: string) =>
			plain(formatVisitDates({ startDate, endDate, exactDatesUnknown: true }));
		expect(unknown('2025-11-01', '2025-11-30')).toBe('November 2025');
		expect(unknown('2025-11-01', '2025-12-31')).toBe('November – December 2025');
		expect(unknown('2025-12-01', '2026-01-31')).toBe('December 2025 – January 2026');
		expect(unknown('2026-02-01', '2026-02-28')).toBe('February 2026');
		expect(unknown('2025-11-03', '2025-11-20')).toBe('From 3 Nov 2025 to 20 Nov 2025, exact dates unknown');
		expect(plain(formatVisitDates({ startDate: '2025-11-01', endDate: '2025-11-30', exactDatesUnknown: false }))).toBe(
			'1 – 30 Nov 2025'
		);
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
		expect(formatWallDateTime('2026-01-28T22:15')).toBe('28 Jan, 22:15');
		expect(formatWallDateTime(null)).toBe('');
		expect(formatWallDateTime('soon')).toBe('soon');
	});

	it('shows an instant\'s time of day in the visit\'s zone', () => {
		expect(formatTime('2026-01-28T05:30:00Z', 'Asia/Karachi')).toBe('10:30');
		expect(formatTime('2026-01-28T05:30:00Z', 'Europe/Moscow')).toBe('08:30');
	});
});

describe('in the chosen language', () => {
	afterEach(() => {
		chooseLanguage('system');
		systemLanguages(['en-GB', 'en']);
	});

	it('follows an American system’s date order, but keeps the 24-hour clock', () => {
		systemLanguages(['en-US', 'en']);
		expect(formatDate('2026-01-28')).toBe('Jan 28, 2026');
		expect(formatInstant('2026-01-28T15:30:00Z', 'UTC')).toMatch(/15:30$/);
		expect(formatWallDateTime('2026-01-28T22:15')).toMatch(/22:15$/);
		expect(formatTime('2026-01-28T15:30:00Z', 'UTC')).toBe('15:30');
	});

	it('writes Russian month names and Russian ranges', () => {
		chooseLanguage('ru');
		expect(formatDate('2026-01-28')).toMatch(/^28 янв\.? 2026/);
		expect(formatDayHeading('2026-01-28')).toMatch(/среда/);
		expect(plain(formatDateRange('2026-01-28', '2026-01-30'))).toMatch(/^28\s?–\s?30 янв/);
		expect(formatVisitDates({ startDate: '2025-11-01', endDate: '2025-11-30', exactDatesUnknown: true })).toMatch(/^ноябрь 2025/);
		expect(formatVisitDates({ startDate: '2025-11-03', endDate: '2025-11-20', exactDatesUnknown: true })).toMatch(
			/^С 3 нояб.*по 20 нояб.*, точные даты неизвестны$/
		);
		expect(formatInstant('2026-01-28T05:30:00Z', 'Asia/Karachi')).toMatch(/10:30$/);
	});

	it('writes Urdu month names', () => {
		chooseLanguage('ur');
		expect(formatDate('2026-01-28')).toContain('جنوری');
		expect(formatDate('2026-01-28')).toContain('28');
		expect(formatWallDateTime('2026-02-03T09:05')).toContain('فروری');
		expect(formatWallDateTime('2026-02-03T09:05')).toContain('09:05');
	});

	it('gives Russian due dates their one, few and many forms', () => {
		chooseLanguage('ru');
		const from = '2026-01-01';
		expect(formatDue('2026-01-01', from)).toBe('Срок сегодня');
		expect(formatDue('2026-01-02', from)).toBe('Срок завтра');
		expect(formatDue('2026-01-03', from)).toBe('Срок через 2 дня');
		expect(formatDue('2026-01-06', from)).toBe('Срок через 5 дней');
		expect(formatDue('2026-01-22', from)).toBe('Срок через 21 день');
		expect(formatDue('2025-12-31', from)).toBe('Просрочено на 1 день');
		expect(formatDue('2025-12-29', from)).toBe('Просрочено на 3 дня');
		expect(formatDue('2025-12-21', from)).toBe('Просрочено на 11 дней');
		expect(formatDue(null, from)).toBe('Без срока');
	});

	it('phrases Urdu due dates', () => {
		chooseLanguage('ur');
		const from = '2026-01-01';
		expect(formatDue('2026-01-04', from)).toBe('آخری تاریخ میں 3 دن باقی');
		expect(formatDue('2025-12-31', from)).toBe('1 دن کی تاخیر');
		expect(formatDue('2025-12-27', from)).toBe('5 دن کی تاخیر');
		expect(formatDue(null, from)).toBe('کوئی آخری تاریخ نہیں');
	});
});

describe('the first day of the week', () => {
	it('follows the conventions of the language and region', () => {
		expect(firstDayOfWeek('ru')).toBe(1);
		expect(firstDayOfWeek('en-GB')).toBe(1);
		expect(firstDayOfWeek('en-US')).toBe(7);
		expect(firstDayOfWeek('ur-PK')).toBe(7);
	});

	it('falls back to a table when the engine cannot read the tag', () => {
		// Underscored tags are not BCP 47: Intl.Locale rejects them, the table answers.
		expect(firstDayOfWeek('ru_RU')).toBe(1);
		expect(firstDayOfWeek('en_US')).toBe(7);
		expect(firstDayOfWeek('en_GB')).toBe(1);
		expect(firstDayOfWeek('ur_PK')).toBe(7);
		expect(firstDayOfWeek('xx_YY')).toBe(1);
	});

	it('uses the chosen language by default', () => {
		chooseLanguage('ru');
		expect(firstDayOfWeek()).toBe(1);
		chooseLanguage('system');
	});
});
