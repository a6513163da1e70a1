// Every command rejects with an `AppError` ({ code, message, field }). Anything else that
// reaches the UI (a Tauri transport error is a plain string) is normalised here, so screens
// only ever deal with one error shape and never match on message text.
import type { AppError, ErrorCode, Reason, RecordKind } from '$lib/bindings';
import { label } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';

/**
 * An error as screens show it: `message` is a sentence in the user's language, made from the
 * core's code, reason and field; `detail` keeps the core's own (English) message.
 */
export type ApiError = Omit<AppError, 'code' | 'reason'> & {
	code: ErrorCode | 'unexpected';
	reason?: Reason | null;
	detail?: string;
};

export function isAppError(value: unknown): value is AppError {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as AppError).code === 'string' &&
		typeof (value as AppError).message === 'string'
	);
}

export function toApiError(value: unknown): ApiError {
	// Already worded (`call` rejects with one): wording it again would say it twice.
	if (isAppError(value) && 'detail' in value) return value as ApiError;
	if (isAppError(value)) {
		const error = { code: value.code, field: value.field ?? null, reason: value.reason ?? null, detail: value.message };
		return { ...error, message: sentence(error) };
	}
	const detail = typeof value === 'string' ? value : value instanceof Error ? value.message : '';
	const error = { code: 'unexpected' as const, field: null, detail };
	return { ...error, message: sentence(error) };
}

export function recordName(record: RecordKind): string {
	const names: Record<RecordKind, () => string> = {
		organization: m.errors_record_organization,
		person: m.errors_record_person,
		venue: m.errors_record_venue,
		vehicle: m.errors_record_vehicle,
		visit: m.errors_record_visit,
		engagement: m.errors_record_engagement,
		participant: m.errors_record_participant,
		agreement: m.errors_record_agreement,
		action: m.errors_record_action,
		gift: m.errors_record_gift,
		outcome: m.errors_record_outcome
	};
	return names[record]();
}

function beforeStart(field: string | null): string {
	if (field === 'endsLocal' || field === 'endDate') return m.errors_ends_before_start();
	if (field === 'expiresOn') return m.errors_expires_before_effective();
	if (field === 'departureLocal') return m.errors_departs_before_arrival();
	return m.errors_before_start();
}

// The statuses are the core's words (draft, in_progress…), named as the user's language names them.
function statusStep(from: string, to: string): string {
	const name = (status: string) => label('visitStatus', status);
	if (from === 'new') return m.errors_status_step_new({ to: name(to) });
	return m.errors_status_step({ from: name(from), to: name(to) });
}

function reasonSentence(reason: Reason, field: string | null): string {
	switch (reason.kind) {
		case 'required': return m.errors_required();
		case 'tooLong': return m.errors_too_long({ max: reason.max });
		case 'notAnEmail': return m.errors_not_an_email({ value: reason.value });
		case 'notACountry': return m.errors_not_a_country({ value: reason.value });
		case 'notATimeZone': return m.errors_not_a_time_zone({ value: reason.value });
		case 'notACurrency': return m.errors_not_a_currency({ value: reason.value });
		case 'notADate': return field === 'values' ? m.errors_not_a_year() : m.errors_not_a_date();
		case 'notADateTime': return m.errors_not_a_date_time();
		case 'tooSmall': return m.errors_too_small({ min: reason.min });
		case 'notPositive': return m.errors_not_positive();
		case 'beforeStart': return beforeStart(field);
		case 'noSuchLocalTime': return m.errors_no_such_local_time({ local: reason.local.replace('T', ' '), zone: reason.zone });
		case 'chosenDeleted': return m.errors_chosen_deleted({ record: recordName(reason.record) });
		case 'chosenMissing': return m.errors_chosen_missing({ record: recordName(reason.record) });
		case 'unknownSector': return m.errors_unknown_sector();
		case 'listedTwice': return field === 'values' ? m.errors_year_twice() : m.errors_listed_twice();
		case 'alreadyTakesPart': return m.errors_already_takes_part();
		case 'recordDeleted': return m.errors_record_deleted({ record: recordName(reason.record) });
		case 'equivalentExists': return m.errors_equivalent_exists({ record: recordName(reason.record) });
		case 'tooLarge': return m.errors_too_large({ max: reason.max });
		case 'noDuration': return m.errors_no_duration();
		case 'spanTooLong': return m.errors_span_too_long({ days: reason.days });
		case 'statusStep': return statusStep(reason.from, reason.to);
		case 'needsHeadOfDelegation': return m.errors_needs_head_of_delegation();
		case 'needsProgramme': return m.errors_needs_programme();
		case 'unacknowledgedConflicts': return m.errors_unacknowledged_conflicts({ count: reason.count });
		case 'notACalendar': return m.errors_not_a_calendar({ problem: reason.problem });
		case 'fileTooLarge': return m.errors_file_too_large({ megabytes: reason.megabytes });
		case 'fileTypeRefused': return m.errors_file_type_refused({ extension: reason.extension });
		case 'fileTypeMismatch': return m.errors_file_type_mismatch({ extension: reason.extension });
		case 'fileIsProgram': return m.errors_file_is_program();
		case 'fileUnreadable': return m.errors_file_unreadable({ problem: reason.problem });
		case 'agreementStep': return m.errors_agreement_step({ from: label('agreementStatus', reason.from), to: label('agreementStatus', reason.to) });
		case 'needsSigningDate': return m.errors_needs_signing_date();
		case 'needsSignatories': return m.errors_needs_signatories({ found: reason.found });
		case 'needsEffectiveDate': return m.errors_needs_effective_date();
		case 'needsExpiryDate': return m.errors_needs_expiry_date();
		case 'beforeSigning': return m.errors_expires_before_signing();
		case 'signatoryNotOfParty': return m.errors_signatory_not_of_party();
		case 'needsOwner': return m.errors_needs_owner();
		case 'needsOutcome': return m.errors_needs_outcome();
		case 'notAGuest': return m.errors_not_a_guest();
		case 'seatsDoNotFit': return m.errors_seats_do_not_fit();
		case 'typesettingFailed': return m.errors_typesetting_failed({ problem: reason.problem });
		case 'notABackup': return m.errors_not_a_backup({ problem: reason.problem });
		case 'storeInUse': return m.errors_store_in_use();
		case 'sameAsStore': return m.errors_same_as_store();
		case 'unknownKind': return m.errors_unknown_kind({ value: reason.value });
		case 'notANumber': return m.errors_not_a_number({ value: reason.value });
		case 'cancelled': return m.errors_cancelled();
		case 'changedSinceImport': return m.errors_changed_since_import({ name: reason.name });
		case 'nothingToUndo': return m.errors_nothing_to_undo();
		case 'mappingIncomplete': return m.errors_mapping_incomplete();
		case 'passphraseNeeded': return m.errors_passphrase_needed();
		case 'wrongPassphrase': return m.errors_wrong_passphrase();
		case 'passphraseTooShort': return m.errors_passphrase_too_short({ min: reason.min });
		case 'notEncrypted': return m.errors_not_encrypted();
	}
}

/** The error as a sentence in the user's language. Codes without a reason get a general one. */
export function sentence(error: { code: ApiError['code']; field: string | null; reason?: Reason | null; detail?: string }): string {
	if (error.reason) return reasonSentence(error.reason, error.field);
	const detail = error.detail ?? '';
	switch (error.code) {
		case 'not_found': return m.errors_not_found();
		case 'schema_too_new': return m.errors_schema_too_new();
		case 'storage': return m.errors_storage({ detail });
		case 'io': return m.errors_io({ detail });
		// A refusal from an older core, without a reason: its own words are the best there are.
		case 'validation':
		case 'conflict': return detail || m.errors_unexpected();
		default: return detail ? m.errors_unexpected_detail({ detail }) : m.errors_unexpected();
	}
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
