import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agreement, Party } from '$lib/bindings';
import { agreementInput } from '$lib/api/agreements';
import AgreementForm from './AgreementForm.svelte';
import { partyInputs, partyRows } from './parties';

const party = (n: number, signatory = true): Party => ({
	organizationId: `o${n}`,
	organizationName: `Organization ${n}`,
	organizationDeleted: false,
	signatoryPersonId: signatory ? `p${n}` : null,
	signatoryName: signatory ? `Signatory ${n}` : null,
	signatoryNativeName: null,
	signatoryPosition: null,
	signatoryDeleted: false
});

const agreement = {
	id: 'a1',
	title: 'MoU on surgical instruments',
	kind: 'mou',
	status: 'draft',
	sectors: [],
	parties: [party(1), party(2), party(3, false)]
} as unknown as Agreement;

afterEach(() => clearMocks());

describe('party rows', () => {
	it('start as two blank rows for a new agreement', () => {
		expect(partyRows().map((r) => r.organizationId)).toEqual([null, null]);
		expect(partyInputs(partyRows())).toEqual([]);
	});

	it('send the chosen organizations and refuse a signatory without one', () => {
		const rows = partyRows([party(1), party(2, false)]);
		expect(new Set(rows.map((r) => r.key)).size).toBe(2);
		expect(partyInputs(rows)).toEqual([
			{ organizationId: 'o1', signatoryPersonId: 'p1' },
			{ organizationId: 'o2', signatoryPersonId: null }
		]);
		rows[1].organizationId = null;
		rows[1].signatoryPersonId = 'p9';
		expect(() => partyInputs(rows)).toThrow(expect.objectContaining({ field: 'parties' }));
	});
});

describe('AgreementForm', () => {
	it('keeps each party’s names on its own row when one is removed', async () => {
		mockIPC((cmd) => (cmd === 'sectors_list' ? [] : null));
		render(AgreementForm, { props: { open: true, record: agreement, onsaved: () => {} } });
		await tick();
		const shown = () =>
			[...document.querySelectorAll<HTMLInputElement>('[data-testid^="field-parties-"]')].map((i) => i.value);
		expect(shown()).toEqual(['Organization 1', 'Signatory 1', 'Organization 2', 'Signatory 2', 'Organization 3', '']);
		await fireEvent.click(screen.getByLabelText('Remove party 1'));
		expect(shown()).toEqual(['Organization 2', 'Signatory 2', 'Organization 3', '']);
	});

	it('shows a signatory without an organization as an error on the parties', async () => {
		const calls: string[] = [];
		mockIPC((cmd) => {
			calls.push(cmd);
			return cmd === 'sectors_list' ? [] : null;
		});
		const record = { ...agreement, parties: [party(1), party(2)] };
		render(AgreementForm, { props: { open: true, record, onsaved: () => {} } });
		await tick();
		await fireEvent.click(screen.getByLabelText('Clear Party 2'));
		await fireEvent.click(screen.getByTestId('save-button'));
		expect((await screen.findByTestId('error-parties')).textContent).toMatch(/organization/);
		expect(calls).not.toContain('agreements_update');
		expect(agreementInput(record).parties).toHaveLength(2);
	});
});
