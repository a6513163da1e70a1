// Page zoom, on Ctrl/Cmd + "=" / "-" / "0" on every platform: the webview scales its CSS
// pixels, so at 200 % the layout reflows as for a window half as wide (WCAG 1.4.4, 1.4.10).
// The level is remembered in localStorage and applied at start.
import { getCurrentWebview } from '@tauri-apps/api/webview';

const STORAGE_KEY = 'attache.zoom';
export const ZOOM_LEVELS = [0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

function storedLevel(): number {
	try {
		const value = Number(globalThis.localStorage?.getItem(STORAGE_KEY));
		return (ZOOM_LEVELS as readonly number[]).includes(value) ? value : 1;
	} catch {
		return 1;
	}
}

let level = storedLevel();

export function zoomLevel(): number {
	return level;
}

/** The next level up (+1) or down (-1) from `from`, or the same at either end. */
export function stepZoom(from: number, direction: 1 | -1): number {
	const index = ZOOM_LEVELS.findIndex((l) => l >= from);
	const at = index === -1 ? ZOOM_LEVELS.length - 1 : index;
	const next = ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, at + direction))];
	return next;
}

export async function setZoom(next: number): Promise<void> {
	level = next;
	try {
		if (next === 1) globalThis.localStorage?.removeItem(STORAGE_KEY);
		else globalThis.localStorage?.setItem(STORAGE_KEY, String(next));
	} catch {
		// Storage can be unavailable; the zoom still applies now.
	}
	await applyZoom();
}

/** Applies the remembered level; outside Tauri (tests, a browser) there is nothing to scale. */
export async function applyZoom(): Promise<void> {
	try {
		await getCurrentWebview().setZoom(level);
	} catch {
		// Not running in the app's webview.
	}
}
