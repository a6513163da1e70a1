// Conflicts in planning, from the core: per visit, for the next 30 days, and for an item
// while it is being edited. Acknowledging one keeps it listed, marked, with the reason.
import { commands, type Conflict, type EngagementInput } from '$lib/bindings';
import { call } from './errors';

export const conflicts = {
	forVisit: (visitId: string): Promise<Conflict[]> => call(() => commands.conflictsForVisit(visitId)),
	upcoming: (): Promise<Conflict[]> => call(() => commands.conflictsUpcoming()),
	forDraft: (draft: EngagementInput, editing: string | null): Promise<Conflict[]> =>
		call(() => commands.conflictsForDraft(draft, editing)),
	acknowledge: (key: string, reason: string): Promise<void> =>
		call(() => commands.conflictsAcknowledge(key, reason)).then(() => undefined),
	unacknowledge: (key: string): Promise<void> => call(() => commands.conflictsUnacknowledge(key)).then(() => undefined)
};

/** Conflicts nobody has acknowledged yet: what stands between a visit and "confirmed". */
export function openConflicts(list: Conflict[]): Conflict[] {
	return list.filter((c) => !c.acknowledgement);
}
