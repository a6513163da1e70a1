import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage } from '$lib/i18n/locale.svelte';
import RecordLink from './RecordLink.svelte';

describe('RecordLink', () => {
	it('links to a live record by its name, as text', () => {
		render(RecordLink, { props: { name: '<b>Sialkot</b> Chamber', href: '/organizations/o1' } });
		const link = screen.getByRole('link');
		expect(link.getAttribute('href')).toBe('/organizations/o1');
		expect(link.textContent).toBe('<b>Sialkot</b> Chamber');
		expect(link.querySelector('b, s')).toBeNull();
		expect(link.hasAttribute('title')).toBe(false);
	});

	it('strikes a deleted record through, says so to screen readers, and still links to it', () => {
		render(RecordLink, { props: { name: 'Sialkot Chamber', href: '/organizations/o1', deleted: true } });
		const link = screen.getByRole('link', { name: /^Sialkot Chamber\s*\(deleted\)$/ });
		expect(link.querySelector('s')?.textContent).toBe('Sialkot Chamber');
		expect(link.querySelector('.visually-hidden')?.textContent).toBe(' (deleted)');
		expect(link.getAttribute('title')).toBe('Deleted');
	});

	it('is the name alone without a link, and nothing without a name', () => {
		const { container } = render(RecordLink, { props: { name: 'Denis Nevzorov', deleted: true } });
		expect(screen.queryByRole('link')).toBeNull();
		expect(container.querySelector('s')?.textContent).toBe('Denis Nevzorov');
		const empty = render(RecordLink, { props: { name: null, href: '/people/p1' } });
		expect(empty.container.textContent).toBe('');
	});

	it('cut to one line, carries the whole name in its title', () => {
		const name = 'Ж'.repeat(500) + 'x'.repeat(500);
		render(RecordLink, { props: { name, href: '/people/p1', cut: true } });
		const link = screen.getByRole('link');
		expect(link.classList.contains('cut')).toBe(true);
		expect(link.getAttribute('title')).toBe(name);
	});

	it('isolates the name from the text around it', () => {
		render(RecordLink, { props: { name: 'ایوانِ صنعت و تجارت', href: '/organizations/o2' } });
		expect(screen.getByRole('link').querySelector('bdi')?.textContent).toBe('ایوانِ صنعت و تجارت');
	});

	describe('with a name in its own script', () => {
		afterEach(() => chooseLanguage('system'));

		it('shows both names, the reader\'s script first, each marked with its language', () => {
			chooseLanguage('ru');
			render(RecordLink, { props: { name: 'Albert Khorev', native: 'Альберт Хорев', href: '/people/p1', cut: true } });
			const link = screen.getByRole('link');
			const parts = [...link.querySelectorAll('bdi')].map((b) => [b.textContent, b.getAttribute('lang')]);
			expect(parts).toEqual([
				['Альберт Хорев', 'ru'],
				['Albert Khorev', null]
			]);
			expect(link.getAttribute('title')).toContain('Альберт Хорев');
			expect(link.getAttribute('title')).toContain('Albert Khorev');
		});

		it('puts the Latin name first for an English reader', () => {
			chooseLanguage('en');
			render(RecordLink, { props: { name: 'Albert Khorev', native: 'Альберт Хорев', href: '/people/p1' } });
			expect(screen.getByRole('link').querySelector('bdi')?.textContent).toBe('Albert Khorev');
		});
	});
});
