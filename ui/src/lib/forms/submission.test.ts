import { afterEach, describe, expect, it } from 'vitest';
import { Submission } from './submission.svelte';

const reject = (field: string | null, message = 'Not valid') => () =>
	Promise.reject({ code: 'validation', message, field });

function renderControl(id: string) {
	const input = document.createElement('input');
	input.id = id;
	document.body.append(input);
	return input;
}

afterEach(() => {
	document.body.innerHTML = '';
});

describe('Submission', () => {
	it('shows an error at the field the form renders', async () => {
		renderControl('f-email');
		const submission = new Submission();
		await expect(submission.run(reject('email', 'Not an email'))).resolves.toBeNull();
		expect(submission.error('email')).toBe('Not an email');
		expect(submission.general).toBeNull();
	});

	it('sends an error for a field without a control to the banner', async () => {
		renderControl('f-title');
		const submission = new Submission();
		await submission.run(reject('attendeeIds', 'An attendee was deleted'));
		expect(submission.fields).toEqual({});
		expect(submission.general).toBe('An attendee was deleted');
	});

	it('puts a nested field on its rendered group', async () => {
		renderControl('f-parties');
		const submission = new Submission();
		await submission.run(reject('parties[1].organizationId', 'Listed twice'));
		expect(submission.error('parties')).toBe('Listed twice');
	});

	it('moves focus to the field in error', async () => {
		const input = renderControl('f-email');
		const submission = new Submission();
		await submission.run(reject('email'));
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(document.activeElement).toBe(input);
	});

	it('knows when the form has unsaved edits', () => {
		const submission = new Submission();
		const value = { title: 'Kazan', parties: [{ organizationId: 'o1' }] };
		submission.reset(value);
		expect(submission.changed({ title: 'Kazan', parties: [{ organizationId: 'o1' }] })).toBe(false);
		expect(submission.changed({ title: 'Kazan', parties: [] })).toBe(true);
	});
});
