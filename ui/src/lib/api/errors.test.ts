import { describe, expect, it } from 'vitest';
import { formErrors, toApiError } from './errors';

const personFields = (field: string) => ['givenName', 'email', 'country'].includes(field);

describe('toApiError', () => {
	it('keeps an AppError as it is', () => {
		const e = { code: 'validation', message: 'Email is not valid', field: 'email' };
		expect(toApiError(e)).toEqual(e);
	});

	it('wraps strings and exceptions as unexpected errors', () => {
		expect(toApiError('command people_list not found')).toEqual({
			code: 'unexpected',
			message: 'command people_list not found',
			field: null
		});
		expect(toApiError(new Error('boom')).message).toBe('boom');
		expect(toApiError(undefined).code).toBe('unexpected');
	});
});

describe('formErrors', () => {
	it('puts a validation error on the field it names', () => {
		const routed = formErrors(
			{ code: 'validation', message: '“x” is not an email address', field: 'email' },
			personFields
		);
		expect(routed).toEqual({ fields: { email: '“x” is not an email address' }, general: null });
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
		expect(formErrors('network down', personFields).general).toBe('network down');
	});
});
