// Right to left works because every style is written in logical terms (inline-start/end, not
// left/right): this test fails on a physical direction in any stylesheet or component style.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(__dirname, '../..');

function styleFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : styleFiles(path);
		return /\.(svelte|css)$/.test(name) ? [path] : [];
	});
}

const PHYSICAL = /(^|[\s;{])((margin|padding|border)-(left|right)|left|right|float|clear)\s*:|text-align:\s*(left|right)/;

/** The physical-direction declarations in `css`, as "line: text". */
export function physicalDeclarations(css: string): string[] {
	return css
		.split('\n')
		.map((line, index) => ({ line: index + 1, text: line.trim() }))
		.filter(({ text }) => !text.startsWith('/*') && !text.startsWith('*') && PHYSICAL.test(text))
		.map(({ line, text }) => `${line}: ${text}`);
}

describe('styles', () => {
	it('use logical properties only', () => {
		const found = styleFiles(src).flatMap((path) => {
			const source = readFileSync(path, 'utf8');
			const css = path.endsWith('.svelte') ? (/<style[^>]*>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? '') : source;
			return physicalDeclarations(css).map((d) => `${relative(src, path)}:${d}`);
		});
		expect(found).toEqual([]);
	});

	it('recognises physical declarations', () => {
		expect(physicalDeclarations('a { margin-left: 1px; }\n.b{left:0}\np { text-align: right }')).toHaveLength(3);
		expect(physicalDeclarations('a { margin-inline-start: 1px; inset-inline-end: 0; text-align: start }')).toEqual([]);
	});
});
