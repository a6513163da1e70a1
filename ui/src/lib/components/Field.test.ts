import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Field from './Field.svelte';

describe('Field', () => {
	it('labels its input and carries the test id', () => {
		render(Field, { props: { label: 'Given name', name: 'givenName', value: 'Albert', required: true } });
		const input = screen.getByLabelText(/Given name/) as HTMLInputElement;
		expect(input.dataset.testid).toBe('field-givenName');
		expect(input.value).toBe('Albert');
		expect(input.getAttribute('aria-invalid')).toBeNull();
		expect(screen.queryByTestId('error-givenName')).toBeNull();
	});

	it('shows an inline error tied to the input', () => {
		render(Field, {
			props: { label: 'Email', name: 'email', value: 'x', error: '“x” is not an email address' }
		});
		const input = screen.getByTestId('field-email');
		const error = screen.getByTestId('error-email');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.getAttribute('aria-describedby')).toBe(error.id);
		expect(error.textContent).toBe('“x” is not an email address');
	});

	it('renders select options and an empty choice only when optional', () => {
		const options = [
			{ value: 'mou', label: 'MoU' },
			{ value: 'loi', label: 'Letter of intent' }
		];
		render(Field, { props: { label: 'Kind', name: 'kind', type: 'select', value: 'loi', options, required: true } });
		const select = screen.getByTestId('field-kind') as HTMLSelectElement;
		expect([...select.options].map((o) => o.value)).toEqual(['mou', 'loi']);
		expect(select.value).toBe('loi');
	});

	it('accepts typing (the value is owned by the caller through bind:value)', async () => {
		render(Field, { props: { label: 'City', name: 'city', value: null } });
		const input = screen.getByTestId('field-city') as HTMLInputElement;
		await fireEvent.input(input, { target: { value: 'Sialkot' } });
		expect(input.value).toBe('Sialkot');
	});

	it('refuses a fraction in a whole-number field, inline and for submission', async () => {
		render(Field, { props: { label: 'Protocol rank', name: 'protocolRank', type: 'number', integer: true, value: null } });
		const input = screen.getByTestId('field-protocolRank') as HTMLInputElement;
		expect(input.step).toBe('1');
		await fireEvent.input(input, { target: { value: '1.5' } });
		expect(screen.getByTestId('error-protocolRank').textContent).toBe('Enter a whole number');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		expect(input.validity.customError).toBe(true);
		await fireEvent.input(input, { target: { value: '2' } });
		expect(screen.queryByTestId('error-protocolRank')).toBeNull();
		expect(input.validity.customError).toBe(false);
	});

	it('says so when the browser cannot read the number typed', async () => {
		render(Field, { props: { label: 'Value', name: 'valueAmount', type: 'number', step: 'any', value: 3 } });
		const input = screen.getByTestId('field-valueAmount') as HTMLInputElement;
		await fireEvent.input(input, { target: { value: '2.75' } });
		expect(screen.queryByTestId('error-valueAmount')).toBeNull();
		// jsdom never reports badInput; a browser does for text like "12,5.3" or "1e".
		const validity = input.validity;
		Object.defineProperty(input, 'validity', { configurable: true, get: () => ({ customError: validity.customError, badInput: true }) });
		await fireEvent.input(input, { target: { value: '' } });
		expect(screen.getByTestId('error-valueAmount').textContent).toBe('Enter a number');
		expect(validity.customError).toBe(true);
	});
});
