import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Pure client-rendered SPA: Tauri loads build/index.html and the router takes over.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
		output: {
			// The app's CSP is `script-src 'self'`, so the entry must be an external file.
			// With 'split' SvelteKit writes an inline `<script>` that imports the start chunk;
			// scripts/externalize-bootstrap.js (run by `npm run build`) moves it to an external file.
			bundleStrategy: 'split'
		},
	}
};

export default config;
