// Client-rendered SPA: Tauri serves build/index.html (the adapter's fallback) for every route.
export const ssr = false;
export const prerender = false;
