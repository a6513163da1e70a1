import { render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Visit } from '$lib/bindings';
import { installDialogPolyfill, uninstallDialogPolyfill } from '$lib/testing/dialog';
import DuplicateVisitDialog from './DuplicateVisitDialog.svelte';

beforeAll(installDialogPolyfill);
afterAll(uninstallDialogPolyfill);

const visit = { id: 'v1', title: 'Sialkot business delegation' } as Visit;

describe('DuplicateVisitDialog', () => {
	it('opens with the copy’s title once, without its start running again and again', () => {
		const failures = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const shown = render(DuplicateVisitDialog, { props: { open: true, visit } });
			flushSync();
			const title = screen.getByRole('textbox', { name: /title/i }) as HTMLInputElement;
			expect(title.value).toContain('Sialkot business delegation');
			// Svelte reports an effect that keeps re-running itself as an error.
			expect(failures.mock.calls.flat().map(String).join('\n')).not.toMatch(/effect_update_depth_exceeded/);
			shown.unmount();
		} finally {
			failures.mockRestore();
		}
	});
});
