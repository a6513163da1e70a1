import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Compiles messages/*/{en,ru,ur}.json into typed message functions; a key a screen uses
		// but the catalogue lacks is then a missing export, which the type check rejects.
		paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide' }),
		sveltekit(),
		svelteTesting()
	],
	clearScreen: false,
	// Port 1420 is what the Tauri shell's dev mode loads.
	server: { port: 1420, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'jsdom'
	}
});
