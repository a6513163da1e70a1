import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import DataTable, { type Column } from './DataTable.svelte';

type Row = { id: string; name: string; deletedAt: string | null };

const rows: Row[] = [
	{ id: 'a', name: 'Albert P. Khorev', deletedAt: null },
	{ id: 'b', name: 'Denis Nevzorov', deletedAt: null },
	{ id: 'c', name: '<img src=x onerror=alert(1)>', deletedAt: null }
];
const columns: Column[] = [
	{ key: 'name', label: 'Name', sort: 'familyName' },
	{ key: 'id', label: 'Id' }
];
// Renders a cell as text, the way pages do with {value}.
const cell = createRawSnippet((row: () => Row, column: () => Column) => ({
	render: () => '<span></span>',
	setup: (node) => {
		node.textContent = String(row()[column().key as keyof Row]);
	}
}));

function setup(props: Partial<Parameters<typeof render>[1] & object> = {}) {
	const onOpen = vi.fn();
	const onSort = vi.fn();
	const onPage = vi.fn();
	render(DataTable<Row>, {
		props: { label: 'People', columns, rows, cell, onOpen, onSort, onPage, page: 1, pageSize: 50, total: 1234, ...props }
	});
	return { onOpen, onSort, onPage };
}

describe('DataTable', () => {
	it('renders one row per record with stable test ids and plain text', () => {
		setup();
		const rendered = screen.getAllByTestId('list-row');
		expect(rendered.map((r) => r.dataset.id)).toEqual(['a', 'b', 'c']);
		expect(rendered[2].textContent).toContain('<img src=x onerror=alert(1)>');
		expect(rendered[2].querySelector('img')).toBeNull();
	});

	it('sorts ascending on the first click of a column', async () => {
		const { onSort } = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Name' }));
		expect(onSort).toHaveBeenLastCalledWith('familyName', false);
	});

	it('marks the active sort and flips its direction on click', async () => {
		const { onSort } = setup({ sort: 'familyName', descending: false });
		const header = screen.getByRole('columnheader', { name: /Name/ });
		expect(header.getAttribute('aria-sort')).toBe('ascending');
		expect(screen.getByRole('columnheader', { name: 'Id' }).getAttribute('aria-sort')).toBeNull();
		await fireEvent.click(header.querySelector('button')!);
		expect(onSort).toHaveBeenLastCalledWith('familyName', true);
	});

	it('moves between rows with the arrow keys and opens with Enter', async () => {
		const { onOpen } = setup();
		const [first, second] = screen.getAllByTestId('list-row');
		expect(first.tabIndex).toBe(0);
		expect(second.tabIndex).toBe(-1);
		first.focus();
		await fireEvent.keyDown(first, { key: 'ArrowDown' });
		expect(document.activeElement).toBe(second);
		await fireEvent.keyDown(second, { key: 'Enter' });
		expect(onOpen).toHaveBeenCalledWith(rows[1]);
	});

	it('is one Tab stop; arrows, Home, End and the page keys move, stopping at either end', async () => {
		const many = Array.from({ length: 25 }, (_, i) => ({ id: `r${i}`, name: `Person ${i}`, deletedAt: null }));
		setup({ rows: many });
		const rendered = screen.getAllByTestId('list-row');
		const focused = () => rendered.indexOf(document.activeElement as HTMLElement);
		expect(rendered.map((r) => r.tabIndex).filter((t) => t === 0)).toHaveLength(1);
		rendered[0].focus();
		await fireEvent.keyDown(rendered[0], { key: 'ArrowUp' });
		expect(focused()).toBe(0);
		await fireEvent.keyDown(rendered[0], { key: 'End' });
		expect(focused()).toBe(24);
		await fireEvent.keyDown(rendered[24], { key: 'ArrowDown' });
		expect(focused()).toBe(24);
		await fireEvent.keyDown(rendered[24], { key: 'ArrowUp' });
		expect(focused()).toBe(23);
		await fireEvent.keyDown(rendered[23], { key: 'PageUp' });
		expect(focused()).toBe(13);
		await fireEvent.keyDown(rendered[13], { key: 'Home' });
		expect(focused()).toBe(0);
		await fireEvent.keyDown(rendered[0], { key: 'PageDown' });
		expect(focused()).toBe(10);
		// The row last reached is the one Tab comes back to.
		expect(rendered[10].tabIndex).toBe(0);
		expect(rendered[0].tabIndex).toBe(-1);
	});

	it('opens the focused row with Enter or Space, and on click', async () => {
		const { onOpen } = setup();
		const [first, , third] = screen.getAllByTestId('list-row');
		first.focus();
		await fireEvent.keyDown(first, { key: ' ' });
		expect(onOpen).toHaveBeenLastCalledWith(rows[0]);
		await fireEvent.click(third);
		expect(onOpen).toHaveBeenLastCalledWith(rows[2]);
	});

	it('leaves keys pressed in a control inside a cell to that control', async () => {
		const withLink = createRawSnippet(() => ({ render: () => '<a href="/elsewhere" data-testid="inner">link</a>' }));
		const { onOpen } = setup({ cell: withLink });
		const [first] = screen.getAllByTestId('list-row');
		const link = screen.getAllByTestId('inner')[0];
		link.focus();
		const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
		link.dispatchEvent(enter);
		expect(enter.defaultPrevented).toBe(false);
		expect(onOpen).not.toHaveBeenCalled();
		await fireEvent.keyDown(link, { key: 'ArrowDown' });
		expect(document.activeElement).toBe(link);
		expect(first.tabIndex).toBe(0);
	});

	it('carries its label as a visually hidden caption as well as its accessible name', () => {
		setup();
		const table = screen.getByRole('table', { name: 'People' });
		expect(table.getAttribute('aria-label')).toBe('People');
		const caption = table.querySelector('caption')!;
		expect(caption.textContent).toBe('People');
		expect(caption.classList.contains('visually-hidden')).toBe(true);
	});

	it('puts the whole value of every cell in its title, and keeps it current', async () => {
		const long = 'Ж'.repeat(10_000) + 'Khorev'.repeat(1_000);
		render(DataTable<Row>, {
			props: { label: 'People', columns, rows: [{ id: 'a', name: long, deletedAt: null }], cell }
		});
		const first = screen.getAllByTestId('list-row')[0].querySelector('td')!;
		expect(first.getAttribute('title')).toBe(long);
		// As when the row re-renders with new data.
		first.querySelector('span')!.textContent = 'Albert P. Khorev';
		await vi.waitFor(() => expect(first.getAttribute('title')).toBe('Albert P. Khorev'));
	});

	it('marks deleted rows, and says what a row was deleted with', () => {
		type Item = Row & { belongsToDeleted: boolean };
		const items: Item[] = [
			{ id: 'a', name: 'Live', deletedAt: null, belongsToDeleted: false },
			{ id: 'b', name: 'Removed', deletedAt: '2026-01-28T10:00:00.000Z', belongsToDeleted: false },
			{ id: 'c', name: 'Orphaned', deletedAt: null, belongsToDeleted: true }
		];
		render(DataTable<Item>, {
			props: {
				label: 'Programme',
				columns,
				rows: items,
				cell,
				deletedNote: (row: Item) => (row.deletedAt ? 'Deleted' : 'Deleted with the visit')
			}
		});
		const [live, removed, orphaned] = screen.getAllByTestId('list-row');
		expect(live.dataset.deleted).toBeUndefined();
		expect(removed.dataset.deleted).toBe('true');
		expect(removed.textContent).toContain('Deleted');
		expect(orphaned.dataset.deleted).toBe('true');
		expect(orphaned.textContent).toContain('Deleted with the visit');
	});

	it('keeps free columns readable, scrolling sideways inside its own frame, not the page', () => {
		setup();
		const table = screen.getByRole('table');
		// Two free columns of at least 7.5rem each: narrower than that, the frame scrolls.
		expect(table.style.getPropertyValue('min-inline-size')).toBe('15rem');
		expect(table.parentElement?.classList.contains('scroll')).toBe(true);
		// The pager stays outside the scrolling frame, always in view.
		expect(table.parentElement?.contains(screen.getByTestId('page-range'))).toBe(false);
	});

	it('shows the page range and pages forward', async () => {
		const { onPage } = setup();
		expect(screen.getByTestId('page-range').textContent).toBe('1–50 of 1,234');
		expect(screen.getByRole('button', { name: 'Previous page' })).toHaveProperty('disabled', true);
		await fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
		expect(onPage).toHaveBeenCalledWith(2);
	});
});
