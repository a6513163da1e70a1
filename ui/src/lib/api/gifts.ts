// The gift register: the gifts of a visit, and the register of a year, shown, printed as PDF
// or written as a table. Cancelling a save dialog resolves to null.
import { save } from '@tauri-apps/plugin-dialog';
import { commands, type Gift, type GiftInput, type GiftQuery, type GiftRegister, type Lang } from '$lib/bindings';
import { vocabulary } from '$lib/domain/vocabulary';
import { fileName } from '$lib/format/files';
import { m } from '$lib/paraglide/messages';
import { call } from './errors';
import { buildQuery, type ListParams, type RecordApi } from './lists';

const filters: Required<Omit<GiftQuery, keyof ListParams>> = { visitId: null, year: null, direction: null, disposition: null };

export const gifts: RecordApi<Gift, GiftInput, GiftQuery> = {
	list: (query = {}) => call(() => commands.giftsList(buildQuery(filters, query))),
	get: (id) => call(() => commands.giftsGet(id)),
	create: (input) => call(() => commands.giftsCreate(input)),
	update: (id, input) => call(() => commands.giftsUpdate(id, input)),
	remove: (id) => call(() => commands.giftsDelete(id)),
	restore: (id) => call(() => commands.giftsRestore(id))
};

/** A new gift at the visit: given by the host to the guest, on the visit's first day. */
export function emptyGiftInput(visit: { id: string; startDate: string; hostOrganizationId: string | null; guestOrganizationId: string | null }): GiftInput {
	return {
		visitId: visit.id,
		engagementId: null,
		direction: 'given',
		description: '',
		givenOn: visit.startDate,
		giverPersonId: null,
		giverOrganizationId: visit.hostOrganizationId,
		receiverPersonId: null,
		receiverOrganizationId: visit.guestOrganizationId,
		valueAmount: null,
		valueCurrency: null,
		disposition: 'pending',
		notes: null
	};
}

export function giftInput(g: Gift): GiftInput {
	return {
		visitId: g.visitId,
		engagementId: g.engagementId,
		direction: g.direction,
		description: g.description,
		givenOn: g.givenOn,
		giverPersonId: g.giverPersonId,
		giverOrganizationId: g.giverOrganizationId,
		receiverPersonId: g.receiverPersonId,
		receiverOrganizationId: g.receiverOrganizationId,
		valueAmount: g.valueAmount,
		valueCurrency: g.valueCurrency,
		disposition: g.disposition,
		notes: g.notes
	};
}

/** The headings of the register's table, in the order of the core's columns (exchange::tables::gifts). */
function headings(): string[] {
	return [
		m.registers_gift_given_on(),
		m.registers_gift_direction(),
		m.registers_gift_description(),
		m.registers_gift_giver_person(),
		m.registers_gift_giver_organization(),
		m.registers_gift_receiver_person(),
		m.registers_gift_receiver_organization(),
		m.registers_gift_visit(),
		m.registers_gift_engagement(),
		m.registers_gift_value(),
		m.registers_gift_currency(),
		m.registers_gift_disposition(),
		m.registers_gift_notes()
	];
}

/** The stored words of the table's direction and disposition columns, as the window says them. */
function terms(): Record<string, string> {
	const all = [...vocabulary.giftDirection, ...vocabulary.giftDisposition];
	return Object.fromEntries(all.map((t) => [t.value, t.label]));
}

export const giftRegister = {
	of: (year: number): Promise<GiftRegister> => call(() => commands.giftsRegister(year)),
	/** The printed register's pages as SVG text, to be shown as images. */
	preview: async (year: number, lang: Lang): Promise<string[]> => (await call(() => commands.giftsRegisterPreview(year, lang))).pages,
	async savePdf(year: number, lang: Lang): Promise<{ path: string; pages: number } | null> {
		const name = `${m.registers_gifts_title()} ${year}`;
		const path = await save({ title: m.registers_gifts_save_pdf(), defaultPath: fileName(name, 'pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }); // i18n-exempt: a format's name
		if (!path) return null;
		return { path, pages: await call(() => commands.giftsRegisterSave(year, lang, path)) };
	},
	async exportTable(year: number): Promise<{ path: string; rows: number } | null> {
		const name = `${m.registers_gifts_title()} ${year}`;
		const formats = [
			{ name: 'Excel', extensions: ['xlsx'] }, // i18n-exempt: a format's name
			{ name: 'CSV', extensions: ['csv'] } // i18n-exempt: a format's name
		];
		const path = await save({ title: m.registers_gifts_export(), defaultPath: fileName(name, 'xlsx'), filters: formats });
		if (!path) return null;
		return { path, rows: await call(() => commands.giftsRegisterExport(year, path, headings(), terms())) };
	}
};
