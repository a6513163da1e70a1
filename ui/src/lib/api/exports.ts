// Lists written to a file the user chooses, with the list's filter and sort as they stand and
// the window's column headings in the user's language. Cancelling the dialog resolves to null.
import { save } from '@tauri-apps/plugin-dialog';
import { commands, type OrganizationQuery, type PersonQuery } from '$lib/bindings';
import { m } from '$lib/paraglide/messages';
import { toasts } from '$lib/feedback/toasts.svelte';
import { call } from './errors';

// i18n-exempt: the formats' names. The first is the one the dialog proposes.
const filters = [
	{ name: 'CSV', extensions: ['csv'] },
	{ name: 'Excel', extensions: ['xlsx'] }
];

/** The headings, in the order of the core's columns (exchange::tables). */
const headings = {
	people: () => [
		m.directory_person_field_honorific(),
		m.directory_person_field_given_name(),
		m.directory_person_field_family_name(),
		m.directory_person_field_native_name(),
		m.directory_field_position(),
		m.directory_field_organization(),
		m.directory_field_country(),
		m.directory_person_field_email(),
		m.directory_person_field_phone(),
		m.directory_person_field_languages(),
		m.directory_person_field_protocol_rank(),
		m.directory_person_field_dietary_needs(),
		m.directory_person_field_access_needs(),
		m.directory_person_field_bio(),
		m.directory_field_notes()
	],
	organizations: () => [
		m.directory_organization_field_name(),
		m.directory_organization_field_short_name(),
		m.directory_organization_native_name_label(),
		m.directory_organization_field_kind(),
		m.directory_field_country(),
		m.directory_organization_field_city(),
		m.directory_organization_field_website(),
		m.directory_organization_field_sectors(),
		m.directory_field_notes()
	]
};

export type Exported = { path: string; rows: number };

async function chooseTarget(name: string): Promise<string | null> {
	return save({ defaultPath: `${name}.csv`, filters }); // i18n-exempt: a file name
}

export const exports = {
	async people(query: PersonQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.directory_people_title());
		if (!path) return null;
		return { path, rows: await call(() => commands.exportsPeople(query, path, headings.people())) };
	},
	async organizations(query: OrganizationQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.directory_organizations_title());
		if (!path) return null;
		return { path, rows: await call(() => commands.exportsOrganizations(query, path, headings.organizations())) };
	}
};

/** Runs an export and tells the user where it went, or why it failed. */
export async function exportAndTell(run: () => Promise<Exported | null>): Promise<void> {
	try {
		const done = await run();
		if (done) toasts.show(m.common_exported({ path: done.path, count: done.rows }));
	} catch (error) {
		toasts.error(error);
	}
}
