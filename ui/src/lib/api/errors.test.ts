import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import { formErrors, toApiError } from './errors';

const personFields = (field: string) => ['givenName', 'email', 'country'].includes(field);

afterEach(() => chooseLanguage('system'));

describe('toApiError', () => {
	it('turns the core’s reason into a sentence and keeps its own words as the detail', () => {
		const e = { code: 'validation', message: 'Given name is required', field: 'givenName', reason: { kind: 'required' } };
		expect(toApiError(e)).toEqual({ ...e, message: 'Required.', detail: 'Given name is required' });
	});

	it('says the reason in the chosen language, with its values', () => {
		const tooLong = { code: 'validation', message: 'x', field: 'givenName', reason: { kind: 'tooLong', max: 500 } };
		chooseLanguage('ru');
		expect(toApiError(tooLong).message).toBe('Слишком длинно: не более 500 символов.');
		const deleted = { code: 'validation', message: 'x', field: 'visitId', reason: { kind: 'chosenDeleted', record: 'visit' } };
		chooseLanguage('ur');
		expect(toApiError(deleted).message).toContain('دورہ');
		chooseLanguage('en');
		expect(toApiError(deleted).message).toBe('The chosen visit has been deleted. Restore it or choose another.');
	});

	it('picks the words for an end before its start by the field', () => {
		const at = (field: string) => toApiError({ code: 'validation', message: 'x', field, reason: { kind: 'beforeStart' } }).message;
		expect(at('endsLocal')).toBe('The end is before the start.');
		expect(at('expiresOn')).toBe('The expiry date is before the effective date.');
		expect(at('departureLocal')).toBe('The departure is before the arrival.');
	});

	it('names the visit statuses of a refused step in the chosen language', () => {
		const step = { code: 'validation', message: 'x', field: 'status', reason: { kind: 'statusStep', from: 'planned', to: 'completed' } };
		expect(toApiError(step).message).toBe('A visit that is Planned cannot become Completed directly; move it one step at a time.');
		chooseLanguage('ru');
		const open = { code: 'validation', message: 'x', field: 'status', reason: { kind: 'unacknowledgedConflicts', count: 3 } };
		expect(toApiError(open).message).toContain('осталось 3');
		const fresh = { code: 'validation', message: 'x', field: 'status', reason: { kind: 'statusStep', from: 'new', to: 'confirmed' } };
		expect(toApiError(fresh).message).toContain('Новый визит');
	});

	it('keeps the core’s words for a refusal without a reason', () => {
		expect(toApiError({ code: 'conflict', message: 'Already exists', field: null }).message).toBe('Already exists');
	});

	it('words an error once, however many times it is passed on', () => {
		const e = { code: 'storage', message: 'database error: database disk image is malformed', field: null };
		const once = toApiError(e);
		expect(once.message).toBe('The data file could not be read or written (database error: database disk image is malformed).');
		expect(toApiError(once)).toEqual(once);
	});

	it('wraps strings and exceptions as unexpected errors', () => {
		expect(toApiError('command people_list not found')).toEqual({
			code: 'unexpected',
			message: 'Something went wrong (command people_list not found).',
			field: null,
			detail: 'command people_list not found'
		});
		expect(toApiError(new Error('boom')).detail).toBe('boom');
		expect(toApiError(undefined).message).toBe('Something went wrong.');
	});
});

describe('formErrors', () => {
	it('puts a validation error on the field it names', () => {
		const routed = formErrors(
			{ code: 'validation', message: 'x', field: 'email', reason: { kind: 'notAnEmail', value: 'x' } },
			personFields
		);
		expect(routed).toEqual({ fields: { email: '“x” is not an e-mail address (expected name@example.org).' }, general: null });
	});

	it('maps nested field paths to the top-level field', () => {
		const fields = (field: string) => ['title', 'parties'].includes(field);
		expect(formErrors({ code: 'validation', message: 'm', field: 'parties[1].organizationId' }, fields).fields).toEqual({ parties: 'm' });
		expect(formErrors({ code: 'validation', message: 'm', field: 'parties.0' }, fields).fields).toEqual({ parties: 'm' });
	});

	it('sends errors without a shown field to the banner', () => {
		expect(formErrors({ code: 'conflict', message: 'Already exists', field: null }, personFields)).toEqual({
			fields: {},
			general: 'Already exists'
		});
		expect(formErrors({ code: 'validation', message: 'Bad rank', field: 'protocolRank' }, personFields)).toEqual({
			fields: {},
			general: 'Bad rank'
		});
		expect(formErrors('network down', personFields).general).toBe('Something went wrong (network down).');
	});
});
