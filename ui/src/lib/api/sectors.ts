import { commands, type Sector } from '$lib/bindings';
import { call } from './errors';

/** The sector taxonomy (tens of entries), shared by organizations and agreements. */
export function listSectors(): Promise<Sector[]> {
	return call(() => commands.sectorsList());
}
