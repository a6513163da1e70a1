import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diner, Meal, NeedsOverride, Visit } from '$lib/bindings';
import { toasts } from '$lib/feedback/toasts.svelte';
import Meals from './Meals.svelte';

afterEach(() => {
	clearMocks();
	for (const t of toasts.items) toasts.dismiss(t.id);
});

const visit = { id: 'v1', title: 'Sialkot', updatedAt: 'x', deletedAt: null } as Visit;

function diner(personId: string, name: string, dietary: string | null, extra: Partial<Diner> = {}): Diner {
	return { personId, name, nativeName: null, side: 'guest', dietary, access: null, recordDietary: dietary, recordAccess: null, overridden: false, ...extra };
}

function dinner(diners: Diner[]): Meal {
	return {
		engagementId: 'e1',
		title: 'Dinner <i>at</i> the Chamber',
		startsLocal: '2026-01-28T19:30',
		endsLocal: '2026-01-28T22:00',
		venueName: 'SCCI',
		diners,
		dietary: [{ need: 'Halal', count: 2, names: ['Khorev', 'Mazhar'] }],
		noDietaryNeeds: 0,
		dietaryUnknown: diners.filter((d) => !d.dietary).map((d) => d.name),
		access: []
	};
}

describe('Meals of a visit', () => {
	it('counts each meal’s needs and names the guests nobody has asked', async () => {
		mockIPC((cmd) => (cmd === 'meals_of_visit' ? [dinner([diner('p1', 'Khorev', 'Halal'), diner('p2', 'Mazhar', 'Halal'), diner('p3', 'Nevzorov', null)])] : null));
		render(Meals, { props: { visit } });
		expect(await screen.findByTestId('meal')).toBeTruthy();
		expect(screen.getByText('Dinner <i>at</i> the Chamber')).toBeTruthy();
		expect(screen.getByTestId('meal-total').textContent).toBe('3');
		expect(screen.getByTestId('meal-dietary').textContent).toContain('Halal 2');
		expect(screen.getByTestId('meal-unknown').textContent).toContain('Nevzorov');
		expect(screen.getAllByTestId('diner')[2].textContent).toContain('Not known');
	});

	it('says when the programme has no meal', async () => {
		mockIPC((cmd) => (cmd === 'meals_of_visit' ? [] : null));
		render(Meals, { props: { visit } });
		expect(await screen.findByTestId('meals-none')).toBeTruthy();
	});

	it('keeps what a guest needs at this meal, and goes back to their record', async () => {
		const said: NeedsOverride[] = [];
		let current = dinner([diner('p1', 'Khorev', 'Halal')]);
		mockIPC((cmd, args) => {
			if (cmd === 'meals_of_visit') return [current];
			if (cmd === 'meals_set_needs') {
				const needs = (args as { needs: NeedsOverride }).needs;
				said.push(needs);
				const overridden = needs.dietary !== null || needs.access !== null;
				current = dinner([diner('p1', 'Khorev', overridden ? needs.dietary : 'Halal', { overridden, recordDietary: 'Halal' })]);
				return current;
			}
			return null;
		});
		render(Meals, { props: { visit } });
		await fireEvent.click(await screen.findByTestId('meal-needs-edit'));
		expect(document.body.textContent?.replace(/[\u2066-\u2069]/g, '')).toContain('Their record: Halal');
		await fireEvent.input(screen.getByTestId('meal-dietary-input'), { target: { value: '  Fasting  ' } });
		await fireEvent.click(screen.getByTestId('meal-needs-save'));
		await waitFor(() => expect(said).toEqual([{ dietary: 'Fasting', access: null }]));
		expect(await screen.findByText('(for this meal)')).toBeTruthy();
		await fireEvent.click(screen.getByTestId('meal-needs-edit'));
		await fireEvent.click(screen.getByTestId('meal-needs-record'));
		await waitFor(() => expect(said.at(-1)).toEqual({ dietary: null, access: null }));
		await waitFor(() => expect(screen.queryByText('(for this meal)')).toBeNull());
	});
});
