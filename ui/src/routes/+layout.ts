// Client-rendered SPA: Tauri serves build/index.html (the adapter's fallback) for every route.
import { applyToDocument } from '$lib/i18n/locale.svelte';
import { startTheme } from '$lib/theme.svelte';
import { applyZoom } from '$lib/zoom';

export const ssr = false;
export const prerender = false;

// Language and direction are set before the first screen renders, so Urdu never flashes
// left to right.
applyToDocument();
startTheme();
void applyZoom();
