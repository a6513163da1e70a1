import { commands, type AppInfo, type PrecedenceRule } from '$lib/bindings';
import { call } from './errors';

export function loadAppInfo(): Promise<AppInfo> {
	return call(() => commands.appInfo());
}

/** The office's order of precedence, which every participant list follows (kept in the store). */
export const precedence = {
	get: (): Promise<PrecedenceRule> => call(() => commands.precedenceGet()),
	set: (rule: PrecedenceRule): Promise<PrecedenceRule> => call(() => commands.precedenceSet(rule))
};
