// The agreement register in the real window: the sample's MoUs with their dated status
// history, a step that asks for what it needs, a step taken and seen in the history, and the
// register's period filters.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 300_000 };

let app;

async function choose(filter, value) {
  const select = await app.visible(`filter-${filter}`);
  await select.selectByAttribute('value', value);
}

describe('Agreements in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    // Quit and wait for the process to go: the next file starts the app again, and a second
    // instance that finds the first still closing hands over to it (single instance) and exits.
    await app?.quit().catch(() => {});
  });

  it('shows the dated status history, refuses a step that lacks something and takes one that does not', STEP, () =>
    withArtifacts(() => app, 'agreements', async () => {
      await app.nav('agreements');
      await app.click(await app.row('Agreements and MoUs signed', { area: 'agreements' }));
      const history = await app.visible('status-history');
      assert.match(await history.getText(), /^Signed, the date not on record/, 'the sample was recorded as signed, its day unknown');

      const inForce = await app.visible('status-step-in_force');
      assert.equal(await inForce.isEnabled(), false, 'coming into force needs what the report does not give');
      const needs = await app.bodyText();
      assert.ok(needs.includes('Signing needs the date it was signed.'), needs);
      assert.ok(needs.includes('Coming into force needs the date it takes effect.'), needs);
      await app.saveArtifacts('agreement-status');

      await app.click('status-step-negotiating');
      await app.browser.waitUntil(async () => (await (await app.visible('status-history')).getText()).includes('Negotiating since'), {
        timeout: 10_000,
        timeoutMsg: 'the history never showed the step back to negotiating',
      });
      assert.equal(await (await app.visible('status-step-signed')).isEnabled(), false, 'signing needs a date and signatories');
      // The record's history says what the step changed, before and after.
      await app.click(await (await app.visible('record-history')).$('summary'));
      await app.browser.waitUntil(async () => (await (await app.visible('history-changes')).getText()).includes('status: Signed → Negotiating'), {
        timeout: 10_000,
        timeoutMsg: 'the history never showed the status before and after',
      });
      await app.saveArtifacts('agreement-negotiating');

      // The register: the MoUs have no expiry on record, so none expires within 90 days.
      await app.nav('agreements');
      await app.row('Agreements and MoUs signed', { area: 'agreements' });
      await choose('expiring', '90');
      await app.visible('no-matches');
      await app.saveArtifacts('agreements-register');
      await choose('expiring', '');
      await app.row('Agreements and MoUs signed', { area: 'agreements' });
    }));
});
