import { commands, type Person, type PersonInput, type PersonQuery } from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<PersonQuery, keyof ListParams>> = { organizationId: null, country: null };

export const people: RecordApi<Person, PersonInput, PersonQuery> = {
	list: (query = {}) => call(() => commands.peopleList(buildQuery(filters, query))),
	get: (id) => call(() => commands.peopleGet(id)),
	create: (input) => call(() => commands.peopleCreate(input)),
	update: (id, input) => call(() => commands.peopleUpdate(id, input)),
	remove: (id) => call(() => commands.peopleDelete(id)),
	restore: (id) => call(() => commands.peopleRestore(id))
};

export function emptyPersonInput(): PersonInput {
	return {
		honorific: null,
		givenName: '',
		familyName: null,
		nativeName: null,
		position: null,
		organizationId: null,
		country: null,
		email: null,
		phone: null,
		languages: null,
		protocolRank: null,
		dietaryNeeds: null,
		accessNeeds: null,
		bio: null,
		notes: null
	};
}

export function personInput(p: Person): PersonInput {
	return {
		honorific: p.honorific,
		givenName: p.givenName,
		familyName: p.familyName,
		nativeName: p.nativeName,
		position: p.position,
		organizationId: p.organizationId,
		country: p.country,
		email: p.email,
		phone: p.phone,
		languages: p.languages,
		protocolRank: p.protocolRank,
		dietaryNeeds: p.dietaryNeeds,
		accessNeeds: p.accessNeeds,
		bio: p.bio,
		notes: p.notes
	};
}
