// Every command rejects with an `AppError` ({ code, message, field }). Anything else that
// reaches the UI (a Tauri transport error is a plain string) is normalised here, so screens
// only ever deal with one error shape and never match on message text.
import type { AppError, ErrorCode } from '$lib/bindings';

export type ApiError = Omit<AppError, 'code'> & { code: ErrorCode | 'unexpected' };

export function isAppError(value: unknown): value is AppError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as AppError).code === 'string' &&
		typeof (value as AppError).message === 'string'
	);
}

export function toApiError(value: unknown): ApiError {
	if (isAppError(value)) {
		return { code: value.code, message: value.message, field: value.field ?? null };
	}
	const message =
		typeof value === 'string'
			? value
			: value instanceof Error
				? value.message
				: 'Something went wrong.';
	return { code: 'unexpected', message, field: null };
}

/** Runs a command and rejects with an `ApiError` whatever the command threw. */
export async function call<T>(command: () => Promise<T>): Promise<T> {
	try {
		return await command();
	} catch (error) {
		throw toApiError(error);
	}
}

export type FormErrors = { fields: Record<string, string>; general: string | null };

/**
 * Splits an error between the form's fields and its general banner. `field` may name a nested
 * input (`parties[0].organizationId`, `parties.0`), which belongs to the top-level field.
 * A field the form does not show goes to the banner, so no error is ever silently lost.
 */
export function formErrors(error: unknown, isShown: (field: string) => boolean): FormErrors {
	const apiError = toApiError(error);
	const field = apiError.field ? topLevelField(apiError.field) : null;
	if (field && isShown(field)) {
		return { fields: { [field]: apiError.message }, general: null };
	}
	return { fields: {}, general: apiError.message };
}

function topLevelField(field: string): string {
	return field.split(/[.[]/, 1)[0];
}
