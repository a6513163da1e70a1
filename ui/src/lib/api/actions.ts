import {
	commands,
	type Action,
	type ActionInput,
	type ActionQuery,
	type ActionStatus,
	type BoardColumn,
	type BulkChange,
	type QuickDraft
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<ActionQuery, keyof ListParams>> = {
	status: null,
	priority: null,
	pendingOnly: false,
	overdueOnly: false,
	ownerPersonId: null,
	visitId: null,
	agreementId: null,
	organizationId: null,
	sectorId: null,
	dueFrom: null,
	dueTo: null
};

export const actions: RecordApi<Action, ActionInput, ActionQuery> & {
	board(query?: Partial<ActionQuery>): Promise<BoardColumn[]>;
	move(id: string, status: ActionStatus): Promise<Action>;
	bulkChange(change: BulkChange): Promise<Action[]>;
	quickParse(text: string): Promise<QuickDraft>;
} = {
	list: (query = {}) => call(() => commands.actionsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.actionsGet(id)),
	create: (input) => call(() => commands.actionsCreate(input)),
	update: (id, input) => call(() => commands.actionsUpdate(id, input)),
	remove: (id) => call(() => commands.actionsDelete(id)),
	restore: (id) => call(() => commands.actionsRestore(id)),
	board: (query = {}) => call(() => commands.actionsBoard(buildQuery(filters, query))),
	move: (id, status) => call(() => commands.actionsMove(id, status)),
	bulkChange: (change) => call(() => commands.actionsBulkChange(change)),
	quickParse: (text) => call(() => commands.actionsQuickParse(text))
};

/** A new follow-up, optionally already linked (e.g. created from a visit's Actions tab). */
export function emptyActionInput(links: Partial<ActionInput> = {}): ActionInput {
	return {
		title: '',
		details: null,
		ownerPersonId: null,
		dueOn: null,
		priority: 'normal',
		status: 'open',
		visitId: null,
		agreementId: null,
		organizationId: null,
		personId: null,
		sectorIds: [],
		...links
	};
}

export function actionInput(a: Action): ActionInput {
	return {
		title: a.title,
		details: a.details,
		ownerPersonId: a.ownerPersonId,
		dueOn: a.dueOn,
		priority: a.priority,
		status: a.status,
		visitId: a.visitId,
		agreementId: a.agreementId,
		organizationId: a.organizationId,
		personId: a.personId,
		sectorIds: a.sectors.map((s) => s.id)
	};
}
