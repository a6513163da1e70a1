import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusChange } from '$lib/bindings';
import StatusHistory from './StatusHistory.svelte';

afterEach(() => clearMocks());

describe('StatusHistory', () => {
	it('dates each status by the agreement’s own date where it has one, and says who recorded it', async () => {
		const changes: StatusChange[] = [
			{ status: 'negotiating', recordedAt: '2026-01-10T09:00:00.000Z', actor: 'olga', dated: null },
			{ status: 'signed', recordedAt: '2026-01-30T12:00:00.000Z', actor: 'murad', dated: '2026-01-28' }
		];
		mockIPC((cmd, args) => {
			if (cmd === 'agreements_status_history' && (args as { id: string }).id === 'a1') return changes;
			throw new Error(`unexpected ${cmd}`);
		});
		render(StatusHistory, { props: { id: 'a1', status: 'signed' } });
		const items = (await screen.findByTestId('status-history')).querySelectorAll('li');
		expect(items).toHaveLength(2);
		expect(items[0].textContent).toContain('Negotiating since');
		expect(items[0].querySelector('.what')?.textContent).toMatch(/\b10\b.*2026/);
		expect(items[1].textContent).toContain('Signed on');
		// The signing date, not the day it was recorded (the 30th).
		expect(items[1].querySelector('.what')?.textContent).toMatch(/\b28\b.*2026/);
		expect(items[1].textContent).toContain('by murad');
	});

	it('does not date a signing by the day it was typed in when the signing date is unknown', async () => {
		mockIPC(() => [{ status: 'signed', recordedAt: '2026-11-28T19:27:00.000Z', actor: 'olga', dated: null }]);
		render(StatusHistory, { props: { id: 'a1', status: 'signed' } });
		const item = (await screen.findByTestId('status-history')).querySelector('.what');
		expect(item?.textContent).toBe('Signed, the date not on record');
	});

	it('says so when the history cannot be loaded', async () => {
		mockIPC(() => {
			throw new Error('storage');
		});
		render(StatusHistory, { props: { id: 'a1', status: 'draft' } });
		expect(await screen.findByText('The status history could not be loaded.')).toBeTruthy();
	});
});
