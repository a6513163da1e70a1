// The registers in the real window: a gift recorded on the sample visit (the host's chamber to
// the ambassador, chosen in the picker), seen in the year's register with its total, and the
// register saved as PDF through the system's save dialog and read back by pypdf; then a dinner
// whose guests' needs are counted, one said for that meal, and the caterer's sheet printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';
import { pdfText } from '../lib/pdf.mjs';

const STEP = { timeout: 300_000 };
let app;

describe('The gift register in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    await app?.quit().catch(() => {});
  });

  it('records a gift on the sample visit and prints the year’s register', STEP, () =>
    withArtifacts(() => app, 'registers', async () => {
      await app.nav('visits');
      await app.click(await app.row('Russian Ambassador', { area: 'visits' }));
      await app.visible('visit-programme');
      await app.click('tab-gifts');
      await app.visible('visit-gifts');
      await app.visible('gifts-none');
      await app.click('add-gift-button');
      await app.fill('description', 'Hand-stitched football <b>signed</b>');
      await app.fill('valueAmount', '120');
      await app.fill('valueCurrency', 'usd');
      // The ambassador himself receives it: typed in the picker, chosen with Enter.
      const receiver = await app.visible('field-receiverPersonId');
      await receiver.click();
      await receiver.setValue('Khorev');
      await app.browser.waitUntil(async () => (await app.browser.$$('[role="option"]')).length > 0, { timeout: 20_000, timeoutMsg: 'no person offered for “Khorev”' });
      await app.browser.keys('Enter');
      await app.saveArtifacts('registers-gift-form');
      await app.save();
      await app.expectNoFieldErrors();
      await app.count('gift-row', (n) => n === 1, 'the gift recorded');
      const row = await (await app.browser.$('[data-testid="gift-row"]')).getText();
      assert.ok(row.includes('Hand-stitched football <b>signed</b>'), row);
      assert.ok(row.includes('Khorev') && row.includes('Sialkot Chamber'), row);
      await app.saveArtifacts('registers-visit-gifts');

      // What the core stored, not only what the screen shows.
      const visitId = await app.idInUrl('visits');
      const stored = await app.invoke('gifts_list', { query: { visitId } });
      assert.equal(stored.items.length, 1);
      assert.equal(stored.items[0].valueCurrency, 'USD');
      assert.equal(stored.items[0].receiverPersonName, 'H.E. Albert P. Khorev');

      await app.nav('gifts');
      // The register opens on this year; the sample visit was in January 2026.
      for (let i = 0; i < 20; i += 1) {
        const shown = Number(await (await app.visible('gifts-year')).getValue());
        if (shown === 2026) break;
        await app.click(shown > 2026 ? 'gifts-year-previous' : 'gifts-year-next');
      }
      await app.count('register-row', (n) => n === 1, 'the gift in the register of 2026');
      const given = await (await app.browser.$('[data-testid="gifts-total-given"]')).getText();
      assert.match(given, /120/);
      await app.saveArtifacts('registers-year');
      await app.click('gifts-preview');
      await app.count('gifts-register-page', (n) => n >= 1, 'the register’s pages');
      await app.saveArtifacts('registers-preview');

      const folder = mkdtempSync(join(tmpdir(), 'attache-gifts-'));
      try {
        const path = join(folder, 'gifts.pdf');
        await app.click('gifts-save-pdf');
        await app.chooseInFileDialog('Save as PDF…', path, { save: true });
        await app.browser.waitUntil(async () => (await app.bodyText()).includes(path), { timeout: 30_000, timeoutMsg: 'no notice of the register written' });
        const text = pdfText(path);
        for (const expected of ['Giftsgivenandreceivedin2026', 'Hand-stitchedfootball<b>signed</b>', 'USD120.00', 'H.E.AlbertP.Khorev']) {
          assert.ok(text.includes(expected), `${expected} in the saved register`);
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }),
  );

  it('counts the needs of a dinner, keeps one said for that meal, and prints the caterer’s sheet', STEP, () =>
    withArtifacts(() => app, 'meals', async () => {
      await app.nav('visits');
      await app.click(await app.row('Russian Ambassador', { area: 'visits' }));
      await app.visible('visit-programme');
      const visitId = await app.idInUrl('visits');
      const input = {
        visitId, title: 'Dinner at the Chamber', kind: 'meal', startsLocal: '2026-01-28T19:30', endsLocal: '2026-01-28T22:00',
        venueId: null, responsiblePersonId: null, vehicleId: null, securityNotes: null, notes: null, attendeeIds: [],
      };
      const dinner = await app.invoke('engagements_create', { input });
      await app.click('tab-meals');
      await app.visible('meal');
      assert.equal(await (await app.visible('meal-total')).getText(), '8');
      assert.ok((await (await app.visible('meal-unknown')).getText()).includes('Khorev'), 'nobody has asked the ambassador yet');

      // The ambassador's needs for this dinner, said in the row's editor.
      const rows = await app.browser.$$('[data-testid="diner"]');
      let khorev;
      for (const row of rows) if ((await row.getText()).includes('Khorev')) khorev = row;
      await app.click(await khorev.$('[data-testid="meal-needs-edit"]'));
      await (await app.visible('meal-dietary-input')).setValue('Halal');
      await app.click('meal-needs-save');
      await app.browser.waitUntil(async () => (await (await app.visible('meal-dietary')).getText()).includes('Halal'), { timeout: 20_000, timeoutMsg: 'Halal not counted' });
      assert.ok(!(await (await app.visible('meal-unknown')).getText()).includes('Khorev'));
      await app.saveArtifacts('meals-counted');
      const meals = await app.invoke('meals_of_visit', { visitId });
      const diner = meals[0].diners.find((d) => d.name.includes('Khorev'));
      assert.equal(diner.dietary, 'Halal');
      assert.ok(diner.overridden);

      await app.click('tab-print');
      await app.click('print-preview-caterer');
      await app.count('print-page', (n) => n >= 1, 'the caterer’s sheet');
      await app.saveArtifacts('meals-caterer-preview');
      const folder = mkdtempSync(join(tmpdir(), 'attache-meals-'));
      try {
        const path = join(folder, 'caterer.pdf');
        const request = { kind: 'caterer', visitId, lang: 'en', day: null, personIds: [], engagementId: dinner.id };
        assert.ok((await app.invoke('printing_save', { request, path })) >= 1);
        const text = pdfText(path);
        for (const expected of ['DinnerattheChamber', '8attable', 'Halal1H.E.AlbertP.Khorev', 'Dietaryneedsnotknownfor7:']) {
          assert.ok(text.includes(expected), `${expected} in the caterer's sheet`);
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }),
  );

  // The results page counts this year's visits; the sample visit is of January 2026.
  it('records a deal on the sample visit and sees this year’s KPIs change', STEP, () =>
    withArtifacts(() => app, 'results', async () => {
      await app.nav('results');
      await app.visible('kpi-figures');
      const before = Number(await (await app.visible('kpi-outcomes')).getText());

      await app.nav('visits');
      await app.click(await app.row('Russian Ambassador', { area: 'visits' }));
      await app.visible('visit-programme');
      await app.click('tab-outcomes');
      await app.visible('visit-outcome-records');
      await app.click('add-outcome-button');
      await app.fill('title', 'Surgical scissors for Kazan clinics');
      await app.fill('status', 'confirmed');
      await app.fill('currency', 'USD');
      await app.click('outcome-add-year');
      await app.fill('year-0', '2026');
      await app.fill('amount-0', '250000');
      await app.saveArtifacts('results-outcome-form');
      await app.save();
      await app.expectNoFieldErrors();
      await app.count('outcome-row', (n) => n === 1, 'the deal recorded');
      await app.saveArtifacts('results-visit-outcomes');

      await app.nav('results');
      await app.browser.waitUntil(async () => Number(await (await app.visible('kpi-outcomes')).getText()) === before + 1, {
        timeout: 20_000,
        timeoutMsg: 'the outcome is not counted in this year’s KPIs',
      });
      const values = await (await app.visible('kpi-values')).getText();
      assert.match(values, /250,000/);
      await app.saveArtifacts('results-page');
      await app.nav('dashboard');
      await app.visible('dashboard-results');
      await app.saveArtifacts('results-dashboard');
    }),
  );
});
