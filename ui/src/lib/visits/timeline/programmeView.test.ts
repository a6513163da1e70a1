import { afterEach, describe, expect, it } from 'vitest';
import { initialProgrammeView, rememberProgrammeView, storedProgrammeView } from './programmeView';

afterEach(() => localStorage.clear());

describe('programme view', () => {
	it('opens as the timeline unless the list was chosen', () => {
		expect(initialProgrammeView({ exactDatesUnknown: false }, null)).toBe('timeline');
		expect(initialProgrammeView({ exactDatesUnknown: false }, 'list')).toBe('list');
	});

	it('opens as the list for a visit without exact dates', () => {
		expect(initialProgrammeView({ exactDatesUnknown: true }, null)).toBe('list');
		expect(initialProgrammeView({ exactDatesUnknown: true }, 'timeline')).toBe('list');
	});

	it('remembers the choice on this machine, ignoring anything else stored', () => {
		expect(storedProgrammeView()).toBeNull();
		rememberProgrammeView('list');
		expect(localStorage.getItem('attache.programmeView')).toBe('list');
		expect(storedProgrammeView()).toBe('list');
		localStorage.setItem('attache.programmeView', 'calendar');
		expect(storedProgrammeView()).toBeNull();
	});
});
