import {
	commands,
	type Agreement,
	type AgreementInput,
	type AgreementQuery,
	type AgreementStatus,
	type AgreementStep,
	type StatusChange
} from '$lib/bindings';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<AgreementQuery, keyof ListParams>> = {
	status: null,
	kind: null,
	sectorId: null,
	organizationId: null,
	signedVisitId: null,
	signedFrom: null,
	signedTo: null,
	expiresFrom: null,
	expiresTo: null,
	country: null,
	ownerPersonId: null
};

export const agreements: RecordApi<Agreement, AgreementInput, AgreementQuery> & {
	statusSteps(id: string): Promise<AgreementStep[]>;
	setStatus(id: string, status: AgreementStatus): Promise<Agreement>;
	statusHistory(id: string): Promise<StatusChange[]>;
} = {
	list: (query = {}) => call(() => commands.agreementsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.agreementsGet(id)),
	create: (input) => call(() => commands.agreementsCreate(input)),
	update: (id, input) => call(() => commands.agreementsUpdate(id, input)),
	remove: (id) => call(() => commands.agreementsDelete(id)),
	restore: (id) => call(() => commands.agreementsRestore(id)),
	statusSteps: (id) => call(() => commands.agreementsStatusSteps(id)),
	setStatus: (id, status) => call(() => commands.agreementsSetStatus(id, status)),
	statusHistory: (id) => call(() => commands.agreementsStatusHistory(id))
};

export function emptyAgreementInput(): Required<AgreementInput> {
	return {
		title: '',
		kind: 'mou',
		status: 'draft',
		signedOn: null,
		signedPlace: null,
		signedVisitId: null,
		effectiveOn: null,
		expiresOn: null,
		renewalNoticeDays: null,
		valueAmount: null,
		valueCurrency: null,
		summary: null,
		ownerPersonId: null,
		sectorIds: [],
		// The form edits parties as rows of its own (see agreements/parties.ts).
		parties: []
	};
}

export function agreementInput(a: Agreement): Required<AgreementInput> {
	return {
		title: a.title,
		kind: a.kind,
		status: a.status,
		signedOn: a.signedOn,
		signedPlace: a.signedPlace,
		signedVisitId: a.signedVisitId,
		effectiveOn: a.effectiveOn,
		expiresOn: a.expiresOn,
		renewalNoticeDays: a.renewalNoticeDays,
		valueAmount: a.valueAmount,
		valueCurrency: a.valueCurrency,
		summary: a.summary,
		ownerPersonId: a.ownerPersonId,
		sectorIds: a.sectors.map((s) => s.id),
		parties: a.parties.map((p) => ({
			organizationId: p.organizationId,
			signatoryPersonId: p.signatoryPersonId
		}))
	};
}
