// Every word on screen comes from the message catalogue. This test reads every component and
// module and fails on text written into them: words in markup, in attributes (title, label,
// placeholder, any component prop), and string literals in code that read as words for people
// ("Saved", "Due in 3 days"). A literal that is not UI text (a key name, a selector with a
// space) is marked on its line with `i18n-exempt` and a reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = join(__dirname, '../..');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sources(path);
		if (/\.test\.ts$|\.d\.ts$|bindings\.ts$/.test(name)) return [];
		return /\.(svelte|ts)$/.test(name) ? [path] : [];
	});
}

// Attributes and props whose values are names, not words for people.
const NOT_TEXT_ATTRIBUTES = /^(\w*Href|defaultSort|stateKey|class|id|name|type|href|for|role|autocomplete|inputmode|lang|dir|rel|target|style|method|accept|pattern|tabindex|list|form|spellcheck|enterkeyhint|slot|key|kind|vocabulary|generics|tone|icon|variant|size|field|sort|width|height|viewBox|fill|stroke|d|xmlns|points|transform|data-.*|aria-(controls|describedby|labelledby|live|haspopup|current|sort|hidden|expanded|atomic|relevant|orientation|autocomplete|modal|selected|checked|busy|invalid|required|owns|activedescendant))$/;

// KeyboardEvent key names and other capitalised identifiers code compares against.
const KEY_NAMES = new Set(['Escape', 'Enter', 'Tab', 'Home', 'End', 'PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Backspace', 'Delete', 'Meta', 'Control', 'Shift', 'Alt', 'Mac', 'Error']);

/** A string literal in code that reads as words for people. */
function looksLikeText(value: string): boolean {
	const text = value.trim();
	if (!/\p{L}/u.test(text) || KEY_NAMES.has(text)) return false;
	// Cyrillic or Arabic-script letters are always words for people.
	if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text)) return true;
	// Starts like a word or a sentence: "Saved", "Due in".
	if (/^\p{Lu}\p{Ll}/u.test(text)) return true;
	// Lowercase words with spaces ("moves to the trash"), but not a CSS selector.
	return /\p{L}+\s+\p{L}+/u.test(text) && !/[[\]=#>:()]/.test(text);
}

type Finding = { file: string; line: number; text: string };

function lineOf(source: string, offset: number): number {
	return source.slice(0, offset).split('\n').length;
}

function exempt(source: string, line: number): boolean {
	return source.split('\n')[line - 1]?.includes('i18n-exempt') ?? false;
}

function scanSvelte(file: string, source: string): Finding[] {
	const findings: Finding[] = [];
	const add = (offset: number, text: string) => {
		const line = lineOf(source, offset);
		if (!exempt(source, line)) findings.push({ file, line, text: text.trim() });
	};
	const walk = (node: unknown, inKbd: boolean): void => {
		if (Array.isArray(node)) return node.forEach((n) => walk(n, inKbd));
		if (!node || typeof node !== 'object') return;
		const n = node as Record<string, unknown> & { type?: string; start: number };
		if (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'StyleDirective') return;
		if (n.type === 'Text' && /\p{L}/u.test(String(n.data)) && !inKbd) add(n.start, String(n.data));
		if (n.type === 'Attribute' && NOT_TEXT_ATTRIBUTES.test(String(n.name))) return;
		if (n.type === 'Attribute' && Array.isArray(n.value)) {
			for (const part of n.value as { type: string; data?: string; start: number }[]) {
				if (part.type === 'Text' && /\p{L}/u.test(part.data ?? '') && !/^[a-z][a-z0-9_-]*$/.test(part.data ?? '')) {
					add(part.start, part.data ?? '');
				} else if (part.type !== 'Text') walk(part, inKbd);
			}
			return;
		}
		if (n.type === 'Literal' && typeof n.value === 'string' && looksLikeText(n.value)) add(n.start, n.value);
		if (n.type === 'TemplateElement') {
			const cooked = (n.value as { cooked?: string })?.cooked ?? '';
			if (looksLikeText(cooked)) add(n.start, cooked);
		}
		const kbd = inKbd || (n.type === 'RegularElement' && n.name === 'kbd');
		for (const [key, child] of Object.entries(n)) {
			if (key !== 'loc' && key !== 'metadata' && key !== 'parent' && key !== 'key') walk(child, kbd);
		}
	};
	const ast = parse(source, { modern: true, filename: file });
	walk([ast.module, ast.instance, ast.fragment], false);
	return findings;
}

function scanTypeScript(file: string, source: string): Finding[] {
	const findings: Finding[] = [];
	const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
		if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) return visit(node.initializer);
		const literal =
			ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
				? node.text
				: ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
					? node.text
					: null;
		if (literal !== null && looksLikeText(literal)) {
			const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
			if (!exempt(source, line)) findings.push({ file, line, text: literal.trim() });
		}
		ts.forEachChild(node, visit);
	};
	visit(tree);
	return findings;
}

describe('UI text', () => {
	it('comes from the message catalogue everywhere', () => {
		const findings = sources(src).flatMap((path) => {
			const file = relative(src, path);
			const source = readFileSync(path, 'utf8');
			return path.endsWith('.svelte') ? scanSvelte(file, source) : scanTypeScript(file, source);
		});
		expect(findings.map((f) => `${f.file}:${f.line}: ${f.text.slice(0, 60)}`)).toEqual([]);
	});

	it('is recognised by the scanner in markup, attributes and code', () => {
		const found = scanSvelte(
			'x.svelte',
			`<script>const a = 'Saved'; const b = 'is-open'; const c = \`Due in \${n} days\`;</script>
<p title="Open the visit" class="wide">Visits</p><Icon name="calendar" /><kbd>Esc</kbd>`
		).map((f) => f.text);
		expect(found).toEqual(['Saved', 'Due in', 'Open the visit', 'Visits']);
		expect(scanTypeScript('x.ts', `if (e.key === 'Escape') toast('Record saved'); // ok\nx('Один'); y('ArrowDown')`).map((f) => f.text)).toEqual([
			'Record saved',
			'Один'
		]);
	});
});
