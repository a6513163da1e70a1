// A person created from the name typed into a picker, so a participant can be added without
// leaving the form; the rest of their record is completed on their page.
import { emptyPersonInput, people } from '$lib/api/people';
import type { Option } from '$lib/components/Field.svelte';

/** "Albert P. Khorev" → given "Albert P.", family "Khorev": split at the last space. */
export function splitName(text: string): { givenName: string; familyName: string | null } {
	const name = text.trim().replace(/\s+/g, ' ');
	const at = name.lastIndexOf(' ');
	if (at < 0) return { givenName: name, familyName: null };
	return { givenName: name.slice(0, at), familyName: name.slice(at + 1) };
}

export async function createPerson(text: string): Promise<Option> {
	const person = await people.create({ ...emptyPersonInput(), ...splitName(text) });
	return { value: person.id, label: person.displayName };
}
