import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import { programmeMoveMessage, shouldAskToMove } from './programmeMove';

describe('moving a programme with its visit', () => {
	it('asks only when the start date moved and something is planned', () => {
		expect(shouldAskToMove({ items: 3, travellers: 0 }, 2)).toBe(true);
		expect(shouldAskToMove({ items: 0, travellers: 1 }, -1)).toBe(true);
		expect(shouldAskToMove({ items: 3, travellers: 2 }, 0)).toBe(false);
		expect(shouldAskToMove({ items: 3, travellers: 2 }, null)).toBe(false);
		expect(shouldAskToMove({ items: 0, travellers: 0 }, 5)).toBe(false);
	});

	it('says what moves, by how many days and which way', () => {
		expect(programmeMoveMessage({ items: 5, travellers: 0 }, 3)).toBe(
			'The 5 programme items will move 3 days later, keeping their times.'
		);
		expect(programmeMoveMessage({ items: 1, travellers: 0 }, -1)).toBe(
			'The programme item will move 1 day earlier, keeping its time.'
		);
		expect(programmeMoveMessage({ items: 2, travellers: 4 }, 7)).toBe(
			'The 2 programme items and the arrival and departure of 4 participants will move 7 days later, keeping their times.'
		);
		expect(programmeMoveMessage({ items: 0, travellers: 1 }, 2)).toBe(
			'The arrival and departure of one participant will move 2 days later, keeping their times.'
		);
	});

	it('counts days and items with each language’s plural forms', () => {
		chooseLanguage('ru');
		expect(programmeMoveMessage({ items: 5, travellers: 0 }, 3)).toBe(
			'5 мероприятий программы будут перенесены на 3 дня позже; время проведения не изменится.'
		);
		expect(programmeMoveMessage({ items: 21, travellers: 0 }, -1)).toBe(
			'21 мероприятие программы будет перенесено на 1 день раньше; время проведения не изменится.'
		);
		expect(programmeMoveMessage({ items: 2, travellers: 4 }, 11)).toBe(
			'2 мероприятия программы и даты прибытия и отъезда 4 участников будут перенесены на 11 дней позже; время не изменится.'
		);
		chooseLanguage('ur');
		expect(programmeMoveMessage({ items: 1, travellers: 0 }, 2)).toBe(
			'پروگرام کی مصروفیت 2 دن بعد کی تاریخ پر منتقل ہو جائے گی؛ اس کا وقت وہی رہے گا۔'
		);
	});
});

afterEach(() => chooseLanguage('system'));
