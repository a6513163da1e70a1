import {
	commands,
	type Engagement,
	type EngagementInput,
	type EngagementQuery
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<EngagementQuery, keyof ListParams>> = {
	visitId: null,
	venueId: null,
	startsFrom: null,
	startsBefore: null
};

export const engagements: RecordApi<Engagement, EngagementInput, EngagementQuery> = {
	list: (query = {}) => call(() => commands.engagementsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.engagementsGet(id)),
	create: (input) => call(() => commands.engagementsCreate(input)),
	update: (id, input) => call(() => commands.engagementsUpdate(id, input)),
	remove: (id) => call(() => commands.engagementsDelete(id)),
	restore: (id) => call(() => commands.engagementsRestore(id))
};

/**
 * A new programme item on `day` ("YYYY-MM-DD") lasting an hour from `start` ("HH:MM"; by
 * default 09:00, the programme view passes the end of that day's last item).
 */
export function emptyEngagementInput(
	visitId: string,
	day: string,
	start = '09:00'
): Required<EngagementInput> {
	const [h, m] = start.split(':').map(Number);
	const endMinutes = Math.min(h * 60 + m + 60, 23 * 60 + 59);
	const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
	return {
		visitId,
		title: '',
		kind: 'meeting',
		startsLocal: day ? `${day}T${start}` : '',
		endsLocal: day ? `${day}T${end}` : '',
		venueId: null,
		responsiblePersonId: null,
		vehicleId: null,
		securityNotes: null,
		notes: null,
		attendeeIds: []
	};
}

export function engagementInput(e: Engagement): Required<EngagementInput> {
	return {
		visitId: e.visitId,
		title: e.title,
		kind: e.kind,
		startsLocal: e.startsLocal,
		endsLocal: e.endsLocal,
		venueId: e.venueId,
		responsiblePersonId: e.responsiblePersonId,
		vehicleId: e.vehicleId,
		securityNotes: e.securityNotes,
		notes: e.notes,
		attendeeIds: [...e.attendeeIds]
	};
}
