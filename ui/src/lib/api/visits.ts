import {
	commands,
	type Visit,
	type VisitInput,
	type VisitOverview,
	type VisitQuery
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<VisitQuery, keyof ListParams>> = {
	status: null,
	direction: null,
	organizationId: null,
	endsFrom: null,
	endsBefore: null
};

export const visits: RecordApi<Visit, VisitInput, VisitQuery> & {
	overview(id: string, options?: { includeDeleted?: boolean }): Promise<VisitOverview>;
} = {
	list: (query = {}) => call(() => commands.visitsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.visitsGet(id)),
	create: (input) => call(() => commands.visitsCreate(input)),
	update: (id, input) => call(() => commands.visitsUpdate(id, input)),
	remove: (id) => call(() => commands.visitsDelete(id)),
	restore: (id) => call(() => commands.visitsRestore(id)),
	// One round trip for the whole visit screen; participants arrive in precedence order. With
	// `includeDeleted`, what was deleted (or hidden with the visit) comes too, marked.
	overview: (id, { includeDeleted = false } = {}) =>
		call(() => commands.visitsOverview(id, includeDeleted))
};

/** The user's own IANA zone: the sensible default for a new visit. */
export function userTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function emptyVisitInput(): VisitInput {
	return {
		title: '',
		direction: 'incoming',
		status: 'draft',
		hostOrganizationId: null,
		guestOrganizationId: null,
		city: null,
		country: null,
		timeZone: userTimeZone(),
		startDate: '',
		endDate: '',
		exactDatesUnknown: false,
		moveProgramme: false,
		objectives: null,
		securityLevel: 'standard',
		securityNotes: null,
		outcomeSummary: null
	};
}

export function visitInput(v: Visit): VisitInput {
	return {
		title: v.title,
		direction: v.direction,
		status: v.status,
		hostOrganizationId: v.hostOrganizationId,
		guestOrganizationId: v.guestOrganizationId,
		city: v.city,
		country: v.country,
		timeZone: v.timeZone,
		startDate: v.startDate,
		endDate: v.endDate,
		exactDatesUnknown: v.exactDatesUnknown,
		// An instruction for one save, not stored: the form asks when the start date moves.
		moveProgramme: false,
		objectives: v.objectives,
		securityLevel: v.securityLevel,
		securityNotes: v.securityNotes,
		outcomeSummary: v.outcomeSummary
	};
}
