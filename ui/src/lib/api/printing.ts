// The visit's printed documents: a preview of the pages, the PDF saved where the user chooses,
// and the seating plans that badges and place cards follow.
import { save } from '@tauri-apps/plugin-dialog';
import { commands, type DocumentRequest, type PrintState, type Seating, type SeatingInput, type TableLayout } from '$lib/bindings';
import { fileName } from '$lib/format/files';
import { call } from './errors';

export const printing = {
	/** The document's pages as SVG text, to be shown as images. */
	preview: async (request: DocumentRequest): Promise<string[]> => (await call(() => commands.printingPreview(request))).pages,
	/** The visit's documents printed before, each with whether a change has put it out of date. */
	status: (visitId: string): Promise<PrintState[]> => call(() => commands.printingStatus(visitId)),
	/** Asks where to save (null when cancelled), then writes the PDF there; how many pages. */
	async save(request: DocumentRequest, name: string, title: string): Promise<{ path: string; pages: number } | null> {
		const path = await save({ title, defaultPath: fileName(name, 'pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }); // i18n-exempt: a format's name
		if (!path) return null;
		return { path, pages: await call(() => commands.printingSave(request, path)) };
	}
};

export const seating = {
	get: (engagementId: string): Promise<Seating> => call(() => commands.seatingGet(engagementId)),
	propose: (engagementId: string, layout: TableLayout, tables: number, seatsPerTable: number): Promise<Seating> =>
		call(() => commands.seatingPropose(engagementId, layout, tables, seatsPerTable)),
	save: (engagementId: string, plan: SeatingInput): Promise<Seating> => call(() => commands.seatingSave(engagementId, plan)),
	clear: (engagementId: string): Promise<Seating> => call(() => commands.seatingClear(engagementId))
};

/** The plan as the core keeps it: who sits in each seat, table by table. */
export function planOf(s: Seating): SeatingInput {
	return {
		layout: s.layout,
		tables: s.tables,
		seatsPerTable: s.seatsPerTable,
		seats: s.plan.map((t) => t.seats.map((seat) => seat.guest?.personId ?? null))
	};
}
