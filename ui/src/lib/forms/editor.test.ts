import { describe, expect, it } from 'vitest';
import { RecordEditor } from './editor.svelte';

type Item = { id: string; title: string };
type ItemInput = { title: string };

function fakeApi() {
	const calls: string[] = [];
	return {
		calls,
		create: async (input: ItemInput): Promise<Item> => {
			calls.push(`create ${input.title}`);
			if (!input.title) throw { code: 'validation', message: 'Title is required', field: 'title' };
			return { id: 'new', ...input };
		},
		update: async (id: string, input: ItemInput): Promise<Item> => {
			calls.push(`update ${id} ${input.title}`);
			return { id, ...input };
		}
	};
}

describe('RecordEditor', () => {
	it('creates without a record and updates with one', async () => {
		const api = fakeApi();
		const form = new RecordEditor(api, { title: '' });
		form.begin({ title: 'MoU on energy' });
		expect(await form.save(null)).toEqual({ id: 'new', title: 'MoU on energy' });
		expect(await form.save({ id: 'a1', title: 'old' })).toEqual({ id: 'a1', title: 'MoU on energy' });
		expect(api.calls).toEqual(['create MoU on energy', 'update a1 MoU on energy']);
	});

	it('knows unsaved edits and shows a refusal instead of throwing', async () => {
		const form = new RecordEditor(fakeApi(), { title: '' });
		form.begin({ title: '' });
		expect(form.dirty).toBe(false);
		form.input.title = 'Draft';
		expect(form.dirty).toBe(true);
		form.input.title = '';
		expect(await form.save(null)).toBeNull();
		expect(form.general ?? form.error('title')).toBe('Title is required');
	});
});
