// SvelteKit's adapter-static fallback page starts the app with an inline <script>.
// Attaché's CSP is `script-src 'self'` (no inline scripts), so after `vite build` this moves
// that bootstrap into an external, content-hashed file and fails the build if any inline
// script is left. The external file is a classic (non-module) script on purpose: the
// bootstrap reads `document.currentScript`, which is null inside module scripts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const indexPath = join(buildDir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script>([\s\S]*?)<\/script>/g;
const matches = [...html.matchAll(inline)];
if (matches.length > 1) {
	throw new Error(`expected at most one inline bootstrap script, found ${matches.length}`);
}
for (const match of matches) {
	const code = match[1].trim() + '\n';
	const hash = createHash('sha256').update(code).digest('hex').slice(0, 10);
	const file = `_app/immutable/bootstrap.${hash}.js`;
	writeFileSync(join(buildDir, file), code);
	html = html.replace(match[0], `<script src="/${file}"></script>`);
}

// Any <script> without a src attribute would be blocked by the CSP at run time.
for (const tag of html.matchAll(/<script\b([^>]*)>/g)) {
	if (!/\bsrc=/.test(tag[1])) throw new Error(`inline script left in ${indexPath}`);
}
writeFileSync(indexPath, html);
console.log('bootstrap script externalized; index.html has no inline script');
