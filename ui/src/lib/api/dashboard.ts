import { commands, type Dashboard, type SampleOutcome } from '$lib/bindings';
import { call } from './errors';

export function loadDashboard(): Promise<Dashboard> {
	return call(() => commands.dashboardGet());
}

/** Loads the built-in sample (the Sialkot chamber visit); a no-op when data already exists. */
export function loadSampleData(): Promise<SampleOutcome> {
	return call(() => commands.sampleLoad());
}
