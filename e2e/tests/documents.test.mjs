// The visit's documents in the real window: the brief previewed as pages, saved as PDF through
// the system's save dialog and read back by pypdf (an independent reader), and the seating
// plan of an item adjusted by choosing two seats, kept, and printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';
import { pdfText } from '../lib/pdf.mjs';

const STEP = { timeout: 300_000 };
let app;

describe('Printed documents in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    await app?.quit().catch(() => {});
  });

  it('previews the brief, saves it as PDF that pypdf reads, and prints an adjusted seating plan', STEP, () =>
    withArtifacts(() => app, 'documents', async () => {
      await app.nav('visits');
      await app.click(await app.row('Russian Ambassador', { area: 'visits' }));
      await app.visible('visit-programme');
      await app.click('tab-print');
      await app.visible('print-shelf');
      await app.click('print-preview-brief');
      await app.count('print-page', (n) => n >= 1, 'the brief’s pages');
      await app.saveArtifacts('documents-brief-preview');

      const folder = mkdtempSync(join(tmpdir(), 'attache-documents-'));
      try {
        const path = join(folder, 'brief.pdf');
        await app.click('print-preview-save');
        await app.chooseInFileDialog('Save as PDF…', path, { save: true });
        await app.browser.waitUntil(async () => (await app.bodyText()).includes(path), { timeout: 30_000, timeoutMsg: 'no notice of the PDF written' });
        // Recorded as printed, and up to date: nothing has changed since.
        await app.visible('print-printed-brief');
        const text = pdfText(path);
        for (const name of ['H.E.AlbertP.Khorev', 'АльбертХорев', 'SyedAhteshamMazhar', 'Wednesday,28January2026']) {
          assert.ok(text.includes(name), `${name} in the saved brief`);
        }

        // The meeting's plan: choose the principal host's seat, then an empty one; keep it.
        const items = await app.browser.$('[data-testid="print-item"]');
        const options = await items.$$('option');
        for (const option of options) {
          if ((await option.getText()).includes('Meeting with SCCI')) await items.selectByVisibleText(await option.getText());
        }
        await app.visible('seating-editor');
        await app.click('print-preview-close');
        const seats = await app.browser.$$('[data-testid="seat"]');
        await seats[1].scrollIntoView({ block: 'center' });
        await app.saveArtifacts('documents-seating-proposed');
        const first = await seats[1].getProperty('textContent');
        assert.ok(first.includes('Mazhar'), first);
        await seats[1].click();
        await seats[0].click();
        assert.ok((await (await app.browser.$$('[data-testid="seat"]'))[0].getProperty('textContent')).includes('Mazhar'));
        await app.click('seating-save');
        await app.browser.waitUntil(async () => (await app.bodyText()).includes('The seating plan is kept.'), { timeout: 20_000 });
        await app.saveArtifacts('documents-seating');
        const request = { kind: 'seating', visitId: await app.idInUrl('visits'), lang: 'en', day: null, personIds: [], engagementId: null };
        const engagements = await app.invoke('engagements_list', { query: { visitId: request.visitId, pageSize: 100 } });
        request.engagementId = engagements.items.find((e) => e.title.startsWith('Meeting with SCCI')).id;
        const plan = join(folder, 'seating.pdf');
        assert.ok((await app.invoke('printing_save', { request, path: plan })) >= 1);
        assert.ok(pdfText(plan).includes('SyedAhteshamMazhar'));
        const kept = await app.invoke('seating_get', { engagementId: request.engagementId });
        assert.ok(kept.saved);
        assert.equal(kept.plan[0].seats[0].guest.name, 'Syed Ahtesham Mazhar', 'the host moved to seat 1, as kept');
        await app.click('print-preview-seating');
        await app.count('print-page', (n) => n >= 1, 'the seating plan’s page');
        await app.saveArtifacts('documents-seating-preview');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }));
});
