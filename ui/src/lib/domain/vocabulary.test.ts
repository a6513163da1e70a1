import { describe, expect, it } from 'vitest';
import { choices } from '$lib/forms/options';
import { label, term } from './vocabulary';

describe('vocabulary', () => {
	it('offers choices in the table order with human labels', () => {
		expect(choices('visitStatus').map((c) => c.value)).toEqual([
			'draft', 'planned', 'confirmed', 'in_progress', 'completed', 'cancelled'
		]);
		expect(label('actionStatus', 'in_progress')).toBe('In progress');
		expect(term('visitDirection', 'hosted')).toEqual({ value: 'hosted', label: 'Hosted event', tone: 'neutral' });
	});

	it('shows an unknown value as itself', () => {
		expect(term('rsvp', 'maybe')).toEqual({ value: 'maybe', label: 'maybe', tone: 'neutral' });
	});
});
