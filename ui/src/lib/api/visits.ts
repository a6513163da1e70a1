import {
	commands,
	type DuplicateVisit,
	type StatusStep,
	type Visit,
	type VisitStatus,
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
	endsBefore: null,
	startsBefore: null
};

export const visits: RecordApi<Visit, VisitInput, VisitQuery> & {
	overview(id: string, options?: { includeDeleted?: boolean }): Promise<VisitOverview>;
	statusSteps(id: string): Promise<StatusStep[]>;
	setStatus(id: string, status: VisitStatus): Promise<Visit>;
	duplicate(id: string, input: DuplicateVisit): Promise<Visit>;
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
		call(() => commands.visitsOverview(id, includeDeleted)),
	// The workflow: where the visit can go next and what each step still needs.
	statusSteps: (id) => call(() => commands.visitsStatusSteps(id)),
	setStatus: (id, status) => call(() => commands.visitsSetStatus(id, status)),
	duplicate: (id, input) => call(() => commands.visitsDuplicate(id, input))
};

/** The statuses a new visit may start in; later steps have requirements (see the workflow). */
export const NEW_VISIT_STATUSES: VisitStatus[] = ['draft', 'planned'];

/** Minutes between items at two venues, unless the office says otherwise. */
export const DEFAULT_TRAVEL_BUFFER = 30;

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
		travelBufferMinutes: DEFAULT_TRAVEL_BUFFER,
		moveProgramme: false,
		objectives: null,
		securityLevel: 'standard',
		securityNotes: null,
		outcomeSummary: null,
		outcomeWaived: false
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
		travelBufferMinutes: v.travelBufferMinutes,
		// An instruction for one save, not stored: the form asks when the start date moves.
		moveProgramme: false,
		objectives: v.objectives,
		securityLevel: v.securityLevel,
		securityNotes: v.securityNotes,
		outcomeSummary: v.outcomeSummary,
		outcomeWaived: v.outcomeWaived
	};
}
