import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Participant, Visit } from '$lib/bindings';
import Participants from './Participants.svelte';

describe('Participants', () => {
	it('shows check-in time in the visit’s zone and arrival and departure as wall time', () => {
		const visit = { id: 'v1', timeZone: 'Asia/Karachi' } as Visit;
		const participant = {
			id: 'p1',
			personId: 'x',
			personName: 'Albert P. Khorev',
			side: 'guest',
			role: 'member',
			rsvp: 'accepted',
			checkedInAt: '2026-01-28T05:30:00Z',
			arrivalLocal: '2026-01-27T22:15',
			departureLocal: '2026-01-30T07:00'
		} as Participant;
		render(Participants, { props: { visit, participants: [participant], onchanged: () => {} } });
		const row = screen.getByTestId('participant-row');
		expect(row.textContent).toContain('10:30');
		expect(row.textContent).toContain('27 Jan, 22:15');
		expect(row.textContent).toContain('30 Jan, 07:00');
	});
});
