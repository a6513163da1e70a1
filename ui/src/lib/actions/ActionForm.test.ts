import { render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Action } from '$lib/bindings';
import ActionForm from './ActionForm.svelte';

describe('ActionForm', () => {
	it('names the linked person when editing', async () => {
		const record = {
			id: 'a1',
			title: 'Send the draft MoU',
			priority: 'normal',
			status: 'open',
			personId: 'p1',
			personName: 'Albert P. Khorev',
			ownerPersonId: null,
			visitId: null,
			agreementId: null,
			organizationId: null,
			sectors: []
		} as unknown as Action;
		render(ActionForm, { props: { open: true, record, onsaved: () => {} } });
		await tick();
		expect((screen.getByTestId('field-personId') as HTMLInputElement).value).toBe('Albert P. Khorev');
	});
});
