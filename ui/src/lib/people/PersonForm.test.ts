import { render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import PersonForm from './PersonForm.svelte';

function suggestions(): string[] {
	const input = screen.getByTestId('field-honorific') as HTMLInputElement;
	const list = document.getElementById(input.getAttribute('list') ?? '');
	return [...(list?.querySelectorAll('option') ?? [])].map((o) => o.value);
}

describe('PersonForm', () => {
	afterEach(() => chooseLanguage('system'));

	it('suggests the honorifics of the UI language', async () => {
		render(PersonForm, { props: { open: true, onsaved: () => {} } });
		await tick();
		expect(suggestions()).toEqual(['H.E.', 'Dr.', 'Prof.', 'Mr.', 'Ms.', 'Mrs.']);

		chooseLanguage('ru');
		flushSync();
		expect(suggestions()).toContain('Его Превосходительство');

		chooseLanguage('ur');
		flushSync();
		expect(suggestions()).toEqual(['عزت مآب', 'جناب', 'محترمہ', 'ڈاکٹر', 'پروفیسر']);
	});
});
