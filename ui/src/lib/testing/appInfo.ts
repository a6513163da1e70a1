// What `app_info` answers for a sound, plain store in the UI tests; each test changes what it is
// about (damage, a lock) on a copy.
import type { AppInfo } from '$lib/bindings';

export function appInfo(changes: Partial<AppInfo> = {}): AppInfo {
	return {
		appVersion: '0.1.0',
		dataDir: '/data',
		databasePath: '/data/attache.sqlite3',
		schemaVersion: 9,
		actor: 'olga',
		storeError: null,
		damage: [],
		recovery: null,
		storageRisk: null,
		encrypted: false,
		locked: false,
		passphraseRemembered: false,
		...changes
	};
}
