// Meals and special needs: each meal of a visit with its attendees' needs counted, and what
// one attendee needs at one meal (both empty: what their person record says).
import { commands, type Meal, type NeedsOverride } from '$lib/bindings';
import { call } from './errors';

export const meals = {
	ofVisit: (visitId: string): Promise<Meal[]> => call(() => commands.mealsOfVisit(visitId)),
	setNeeds: (engagementId: string, personId: string, needs: NeedsOverride): Promise<Meal> =>
		call(() => commands.mealsSetNeeds(engagementId, personId, needs))
};
