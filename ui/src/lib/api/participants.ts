import {
	commands,
	type Participant,
	type ParticipantInput,
	type ParticipantQuery,
	type Rsvp
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<ParticipantQuery, keyof ListParams>> = {
	visitId: null,
	personId: null,
	side: null,
	rsvp: null
};

export const participants: RecordApi<Participant, ParticipantInput, ParticipantQuery> = {
	list: (query = {}) => call(() => commands.participantsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.participantsGet(id)),
	create: (input) => call(() => commands.participantsCreate(input)),
	update: (id, input) => call(() => commands.participantsUpdate(id, input)),
	remove: (id) => call(() => commands.participantsDelete(id)),
	restore: (id) => call(() => commands.participantsRestore(id))
};

/** Marks a participant as arrived (or undoes it); the core stamps the time. */
export function checkIn(id: string, checkedIn: boolean) {
	return call(() => commands.participantsCheckIn(id, checkedIn));
}

/**
 * Sets the answer of several participants at once: all of them or, when one is refused (a
 * deleted one), none. Resolves to how many were changed.
 */
export function setRsvp(ids: string[], rsvp: Rsvp) {
	return call(() => commands.participantsSetRsvp(ids, rsvp));
}

export function emptyParticipantInput(visitId: string): ParticipantInput {
	return {
		visitId,
		personId: '',
		side: 'guest',
		role: 'member',
		rsvp: 'invited',
		arrivalLocal: null,
		departureLocal: null,
		hotel: null,
		precedenceOverride: null,
		notes: null
	};
}

export function participantInput(p: Participant): ParticipantInput {
	return {
		visitId: p.visitId,
		personId: p.personId,
		side: p.side,
		role: p.role,
		rsvp: p.rsvp,
		arrivalLocal: p.arrivalLocal,
		departureLocal: p.departureLocal,
		hotel: p.hotel,
		precedenceOverride: p.precedenceOverride,
		notes: p.notes
	};
}
