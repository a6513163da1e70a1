// Timeline or list: the programme tab remembers which one the user last chose, on this machine.
const STORAGE_KEY = 'attache.programmeView';

export type ProgrammeView = 'timeline' | 'list';

function isView(value: unknown): value is ProgrammeView {
	return value === 'timeline' || value === 'list';
}

export function storedProgrammeView(): ProgrammeView | null {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		return isView(stored) ? stored : null;
	} catch {
		return null;
	}
}

export function rememberProgrammeView(view: ProgrammeView): void {
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, view);
	} catch {
		// Storage can be unavailable (private mode); the choice still holds on this page.
	}
}

/**
 * The view a visit opens in: the one last chosen, else the timeline. A visit whose exact days
 * are not known has no hours to lay out, so it opens as the list (the toggle still offers the
 * timeline).
 */
export function initialProgrammeView(
	visit: { exactDatesUnknown: boolean },
	stored: ProgrammeView | null = storedProgrammeView()
): ProgrammeView {
	if (visit.exactDatesUnknown) return 'list';
	return stored ?? 'timeline';
}
