// axe-core in the real window: WCAG 2.1 A/AA violations on the page as it is now.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The violations axe-core finds on the page as it is now. */
export async function audit(app) {
  const loaded = await app.browser.execute(() => typeof window.axe === 'object');
  if (!loaded) await app.browser.execute(`${axeSource}\nwindow.axe = axe;`);
  return app.browser.executeAsync((done) => {
    window.axe
      .run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      })
      .then((result) =>
        done(
          result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`),
          })),
        ),
      )
      .catch((error) => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }]));
  });
}

/** Violations as lines, split into serious-or-critical and the rest. */
export function describe(where, violations) {
  const serious = [];
  const lesser = [];
  for (const violation of violations) {
    const line = `${where}: [${violation.impact}] ${violation.id} (${violation.help})\n      ${violation.nodes.join('\n      ')}`;
    (violation.impact === 'serious' || violation.impact === 'critical' ? serious : lesser).push(line);
  }
  return { serious, lesser };
}
