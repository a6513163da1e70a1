import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), svelteTesting()],
	clearScreen: false,
	// Port 1420 is what the Tauri shell's dev mode loads.
	server: { port: 1420, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'jsdom'
	}
});
