// Conflicts and skipped calendar events, said in the user's language from what the core found
// (the core's own `message` stays English, for the command line).
import type { Conflict, ConflictKind, SkipReason } from '$lib/bindings';
import { sentence } from '$lib/api/errors';
import { namePairText } from '$lib/format/names';
import { m } from '$lib/paraglide/messages';

type Values = { who: string; available: number; needed: number };

const KINDS: Record<ConflictKind, (v: Values) => string> = {
	personDoubleBooked: m.planning_conflict_person_double_booked,
	venueDoubleBooked: m.planning_conflict_venue_double_booked,
	vehicleDoubleBooked: m.planning_conflict_vehicle_double_booked,
	tooLittleTravelTime: m.planning_conflict_too_little_travel_time,
	outsideVisitDates: () => m.planning_conflict_outside_visit_dates(),
	attendeeDeclined: m.planning_conflict_attendee_declined,
	attendeeNotYetArrived: m.planning_conflict_attendee_not_yet_arrived,
	attendeeAlreadyLeft: m.planning_conflict_attendee_already_left
};

/** What the conflict is, with who or what it is about. */
export function conflictSentence(c: Conflict): string {
	const who = c.subject ? namePairText(c.subject.name, c.subject.nativeName) : '';
	return KINDS[c.kind]({ who, available: c.minutesAvailable ?? 0, needed: c.minutesNeeded ?? 0 });
}

/** Why an event of a calendar file was not taken. */
export function skipSentence(skip: SkipReason): string {
	switch (skip.kind) {
		case 'recurring': return m.planning_skip_recurring();
		case 'allDay': return m.planning_skip_all_day();
		case 'noStart': return m.planning_skip_no_start();
		case 'noEnd': return m.planning_skip_no_end();
		case 'cancelled': return m.planning_skip_cancelled();
		case 'unknownTimeZone': return m.planning_skip_unknown_time_zone({ zone: skip.zone });
		case 'outsideVisit': return m.planning_skip_outside_visit();
		case 'unchanged': return m.planning_skip_unchanged();
		case 'repeatedInFile': return m.planning_skip_repeated_in_file();
		case 'refused':
			return m.planning_skip_refused({ reason: sentence({ code: 'validation', field: skip.field, reason: skip.reason }) });
	}
}
