// Lists written to a file the user chooses, with the list's filter and sort as they stand and
// the window's column headings in the user's language. Cancelling the dialog resolves to null.
import { save } from '@tauri-apps/plugin-dialog';
import { commands, type ActionQuery, type AgreementQuery, type OrganizationQuery, type PersonQuery, type VisitQuery } from '$lib/bindings';
import { vocabulary, type Vocabulary } from '$lib/domain/vocabulary';
import { m } from '$lib/paraglide/messages';
import { toasts } from '$lib/feedback/toasts.svelte';
import { fileName } from '$lib/format/files';
import { call } from './errors';

// The formats' own names; the first is the one the dialog proposes.
const filters = [
	{ name: 'CSV', extensions: ['csv'] }, // i18n-exempt: a format's name
	{ name: 'Excel', extensions: ['xlsx'] } // i18n-exempt: a format's name
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
	],
	visits: () => [
		m.visits_form_title_label(),
		m.visits_form_direction(),
		m.visits_form_status(),
		m.visits_form_host(),
		m.visits_form_guest(),
		m.visits_form_city(),
		m.visits_form_country(),
		m.visits_form_start_date(),
		m.visits_form_end_date(),
		m.visits_form_time_zone(),
		m.visits_form_security_level(),
		m.visits_form_objectives(),
		m.visits_form_outcome_summary()
	],
	agreements: () => [
		m.agreements_field_title(),
		m.agreements_field_kind(),
		m.agreements_field_status(),
		m.agreements_field_parties(),
		m.agreements_field_signed_on(),
		m.agreements_field_signed_at(),
		m.agreements_field_signed_during(),
		m.agreements_field_effective_from(),
		m.agreements_field_expires_on(),
		m.agreements_field_renewal_notice(),
		m.agreements_field_value(),
		m.agreements_form_currency(),
		m.agreements_field_owner(),
		m.directory_organization_field_sectors(),
		m.agreements_form_summary()
	],
	actions: () => [
		m.actions_field_title(),
		m.actions_field_status(),
		m.actions_field_priority(),
		m.actions_field_due_on(),
		m.actions_field_owner(),
		m.actions_field_visit(),
		m.actions_field_agreement(),
		m.actions_field_organization(),
		m.actions_field_person(),
		m.actions_column_sectors(),
		m.actions_field_completed(),
		m.actions_field_details()
	],
	participants: () => [
		m.visits_participants_export_precedence(),
		m.visits_participants_column_side(),
		m.visits_participants_column_role(),
		m.visits_participants_column_name(),
		m.visits_participants_export_native_name(),
		m.visits_participants_column_position(),
		m.visits_participants_export_organization(),
		m.visits_participants_column_rsvp(),
		m.visits_participants_export_arrival(),
		m.visits_participants_export_departure(),
		m.visits_participant_form_hotel(),
		m.visits_participants_column_checked_in()
	]
};

/** Attaché's stored words (a kind, a side) as the window words them, for the file's cells. */
function wordsOf(...kinds: Vocabulary[]): Record<string, string> {
	const words: Record<string, string> = {};
	for (const kind of kinds) for (const term of vocabulary[kind]) words[term.value] = term.label;
	return words;
}

export type Exported = { path: string; rows: number };

// People can also go out as vCards, which address books read.
const peopleFilters = [...filters, { name: 'vCard', extensions: ['vcf'] }]; // i18n-exempt: a format's name

async function chooseTarget(name: string, choices = filters): Promise<string | null> {
	return save({ title: m.common_export_choose(), defaultPath: fileName(name, 'csv'), filters: choices }); // i18n-exempt: a file name
}

export const exports = {
	async people(query: PersonQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.directory_people_title(), peopleFilters);
		if (!path) return null;
		return { path, rows: await call(() => commands.exportsPeople(query, path, headings.people())) };
	},
	async organizations(query: OrganizationQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.directory_organizations_title());
		if (!path) return null;
		return { path, rows: await call(() => commands.exportsOrganizations(query, path, headings.organizations(), wordsOf('organizationKind'))) };
	},
	async visits(query: VisitQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.visits_list_title());
		if (!path) return null;
		const words = wordsOf('visitDirection', 'visitStatus', 'securityLevel');
		return { path, rows: await call(() => commands.exportsVisits(query, path, headings.visits(), words)) };
	},
	async agreements(query: AgreementQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.agreements_list_title());
		if (!path) return null;
		const words = wordsOf('agreementKind', 'agreementStatus');
		return { path, rows: await call(() => commands.exportsAgreements(query, path, headings.agreements(), words)) };
	},
	async actions(query: ActionQuery): Promise<Exported | null> {
		const path = await chooseTarget(m.actions_list_title());
		if (!path) return null;
		const words = wordsOf('actionStatus', 'actionPriority');
		return { path, rows: await call(() => commands.exportsActions(query, path, headings.actions(), words)) };
	},
	/** A visit's participants in the order of precedence. */
	async participants(visitId: string, title: string): Promise<Exported | null> {
		const path = await chooseTarget(`${title} ${m.visits_participants_export_file()}`);
		if (!path) return null;
		const words = wordsOf('participantSide', 'participantRole', 'rsvp');
		return { path, rows: await call(() => commands.exportsParticipants(visitId, path, headings.participants(), words)) };
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
