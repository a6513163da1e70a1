import { commands, type AppInfo } from '$lib/bindings';
import { call } from './errors';

export function loadAppInfo(): Promise<AppInfo> {
	return call(() => commands.appInfo());
}
