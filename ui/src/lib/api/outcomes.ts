// Outcomes of a visit (deals, joint ventures, letters of intent…) and the mission KPIs, shown
// and written as a table. Cancelling the save dialog resolves to null.
import { save } from '@tauri-apps/plugin-dialog';
import { commands, type KpiFilter, type Kpis, type Outcome, type OutcomeInput, type OutcomeQuery, type Visit } from '$lib/bindings';
import { fileName } from '$lib/format/files';
import { m } from '$lib/paraglide/messages';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<OutcomeQuery, keyof ListParams>> = { visitId: null, kind: null, status: null, organizationId: null, year: null };

export const outcomes: RecordApi<Outcome, OutcomeInput, OutcomeQuery> & { draftFromAction: (actionId: string) => Promise<OutcomeInput> } = {
	list: (query = {}) => call(() => commands.outcomesList(buildQuery(filters, query))),
	get: (id) => call(() => commands.outcomesGet(id)),
	create: (input) => call(() => commands.outcomesCreate(input)),
	update: (id, input) => call(() => commands.outcomesUpdate(id, input)),
	remove: (id) => call(() => commands.outcomesDelete(id)),
	restore: (id) => call(() => commands.outcomesRestore(id)),
	/** An outcome prefilled from a follow-up action of a visit, reported today. */
	draftFromAction: (actionId) => call(() => commands.outcomesDraftFromAction(actionId))
};

/** A new outcome of the visit: a deal in prospect, reported today. */
export function emptyOutcomeInput(visit: Pick<Visit, 'id'>, today: string): OutcomeInput {
	return {
		visitId: visit.id,
		actionId: null,
		kind: 'deal',
		title: '',
		status: 'prospect',
		organizationId: null,
		partnerOrganizationId: null,
		personId: null,
		sectorId: null,
		currency: null,
		values: [],
		helpPercent: null,
		reportedOn: today,
		notes: null
	};
}

export function outcomeInput(o: Outcome): OutcomeInput {
	return {
		visitId: o.visitId,
		actionId: o.actionId,
		kind: o.kind,
		title: o.title,
		status: o.status,
		organizationId: o.organizationId,
		partnerOrganizationId: o.partnerOrganizationId,
		personId: o.personId,
		sectorId: o.sectorId,
		currency: o.currency,
		values: o.values.map((v) => ({ ...v })),
		helpPercent: o.helpPercent,
		reportedOn: o.reportedOn,
		notes: o.notes
	};
}

/** The KPI figures' names as the window says them, by their English names (exchange::tables::KPI_FIGURES). */
function figureNames(): Record<string, string> {
	const names: [string, () => string][] = [
		['Visits', m.outcomes_figure_visits], // i18n-exempt: the core's English name of the figure
		['Meetings held', m.outcomes_figure_meetings], // i18n-exempt: the core's English name of the figure
		['Companies taking part', m.outcomes_figure_companies], // i18n-exempt: the core's English name of the figure
		['Meetings per company', m.outcomes_figure_meetings_per_company], // i18n-exempt: the core's English name of the figure
		['MoUs signed', m.outcomes_figure_mous], // i18n-exempt: the core's English name of the figure
		['Letters of intent', m.outcomes_figure_lois], // i18n-exempt: the core's English name of the figure
		['Agreements signed', m.outcomes_figure_agreements], // i18n-exempt: the core's English name of the figure
		['Outcomes reported', m.outcomes_figure_outcomes], // i18n-exempt: the core's English name of the figure
		['Outcomes confirmed by the company', m.outcomes_figure_confirmed], // i18n-exempt: the core's English name of the figure
		['Deals', m.outcomes_figure_deals], // i18n-exempt: the core's English name of the figure
		['Joint ventures', m.outcomes_figure_joint_ventures], // i18n-exempt: the core's English name of the figure
		['Follow-up actions', m.outcomes_figure_actions], // i18n-exempt: the core's English name of the figure
		['Closed within 30 days', m.outcomes_figure_closed_30], // i18n-exempt: the core's English name of the figure
		['Closed within 90 days', m.outcomes_figure_closed_90], // i18n-exempt: the core's English name of the figure
		['Share closed within 30 days (%)', m.outcomes_figure_share_30], // i18n-exempt: the core's English name of the figure
		['Share closed within 90 days (%)', m.outcomes_figure_share_90], // i18n-exempt: the core's English name of the figure
		['Value reported', m.outcomes_figure_value_reported], // i18n-exempt: the core's English name of the figure
		['Value confirmed', m.outcomes_figure_value_confirmed] // i18n-exempt: the core's English name of the figure
	];
	return Object.fromEntries(names.map(([english, message]) => [english, message()]));
}

export const kpis = {
	compute: (filter: KpiFilter): Promise<Kpis> => call(() => commands.kpisCompute(filter)),
	async exportTable(filter: KpiFilter, name: string): Promise<{ path: string; rows: number } | null> {
		const formats = [
			{ name: 'Excel', extensions: ['xlsx'] }, // i18n-exempt: a format's name
			{ name: 'CSV', extensions: ['csv'] } // i18n-exempt: a format's name
		];
		const path = await save({ title: m.outcomes_export(), defaultPath: fileName(name, 'xlsx'), filters: formats });
		if (!path) return null;
		const headings = [m.outcomes_heading_figure(), m.outcomes_heading_year(), m.outcomes_heading_value(), m.outcomes_heading_currency()];
		return { path, rows: await call(() => commands.kpisExport(filter, path, headings, figureNames())) };
	}
};
