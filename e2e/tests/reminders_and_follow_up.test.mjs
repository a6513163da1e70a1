// Follow-up in the real window: two actions raised from the sample's agreement, one completed
// on the board from the keyboard, the dashboard's counts and renewal panel changing with them,
// and quick add from the sidebar.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 300_000 };

let app;

async function openCount() {
  await app.nav('dashboard');
  return Number((await (await app.visible('stat-open')).getText()).match(/\d+/)[0]);
}

async function raiseFromAgreement(title, due) {
  await app.click('add-action');
  await app.fill('title', title);
  await app.fill('dueOn', due);
  await app.save();
  await app.expectNoFieldErrors();
}

async function card(title) {
  let found;
  await app.browser.waitUntil(
    async () => {
      for (const element of await app.browser.$$('[data-testid="card"]')) {
        if ((await element.getAttribute('aria-label')) === title) found = element;
      }
      return Boolean(found);
    },
    { timeout: 10_000, timeoutMsg: `no card "${title}" on the board` },
  );
  return found;
}

describe('Follow-up in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    // Quit and wait for the process to go: the next file starts the app again, and a second
    // instance that finds the first still closing hands over to it (single instance) and exits.
    await app?.quit().catch(() => {});
  });

  it('raises two actions from an agreement, completes one on the board, and the dashboard follows', STEP, () =>
    withArtifacts(() => app, 'follow-up', async () => {
      const before = await openCount();
      await app.nav('agreements');
      await app.click(await app.row('Agreements and MoUs signed', { area: 'agreements' }));
      await app.browser.waitUntil(async () => /\/agreements\/[^/]+$/.test(await app.browser.getUrl()), {
        timeout: 10_000,
        timeoutMsg: 'the agreement did not open',
      });
      const agreementId = await app.idInUrl('agreements');
      await raiseFromAgreement('Ask the ministry for the texts of the MoUs', '2027-01-15');
      await app.nav('agreements');
      await app.click(await app.row('Agreements and MoUs signed', { area: 'agreements' }));
      await raiseFromAgreement('Circulate the MoUs to the chamber’s members', '2027-01-20');
      assert.equal(await openCount(), before + 2, 'two more open actions');

      // A document on the agreement: the file as a user's dialog or drop would give its path.
      const folder = mkdtempSync(join(tmpdir(), 'attache-e2e-'));
      const scan = join(folder, 'Signed MoUs, Islamabad.pdf');
      writeFileSync(scan, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await app.invoke('documents_attach', { kind: 'agreement', recordId: agreementId, path: scan });
      const renamed = join(folder, 'minutes.pdf');
      writeFileSync(renamed, 'MZ\u0090\u0000 not a document');
      await assert.rejects(app.invoke('documents_attach', { kind: 'agreement', recordId: agreementId, path: renamed }), /fileIsProgram/);
      await app.nav('agreements');
      await app.click(await app.row('Agreements and MoUs signed', { area: 'agreements' }));
      const document = await app.visible('document-row');
      assert.match(await document.getText(), /Signed MoUs, Islamabad\.pdf\s*PDF · /);
      await app.browser.execute((el) => el.scrollIntoView({ block: 'center' }), document);
      await app.saveArtifacts('agreement-with-document');

      await app.nav('actions');
      await app.click('view-board');
      const texts = await card('Ask the ministry for the texts of the MoUs');
      await app.saveArtifacts('actions-board');
      // From the keyboard: focus the card, 4 sends it to "Done".
      await app.browser.execute((el) => el.focus(), texts);
      await app.browser.keys(['4']);
      await app.browser.waitUntil(
        async () => (await (await app.visible('column-done')).getText()).includes('Ask the ministry for the texts'),
        { timeout: 10_000, timeoutMsg: 'the card never reached the Done column' },
      );
      const done = (await app.invoke('actions_list', { query: { agreementId, status: 'done', pageSize: 10 } })).items;
      assert.equal(done.length, 1);
      assert.ok(done[0].completedAt && done[0].completedBy, 'completing records when and by whom');
      await app.saveArtifacts('actions-board-done');
      assert.equal(await openCount(), before + 1, 'the dashboard counts one fewer open action');

      // An MoU in force that expires in 30 days with 60 days' notice: the dashboard lists it to renew.
      const sample = await app.invoke('agreements_get', { id: agreementId });
      const inThirty = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await app.invoke('agreements_create', {
        input: {
          title: 'MoU on surgical instruments', kind: 'mou', status: 'in_force', signedOn: null, signedPlace: null,
          signedVisitId: null, effectiveOn: null, expiresOn: inThirty, renewalNoticeDays: 60, valueAmount: null,
          valueCurrency: null, summary: null, ownerPersonId: null, sectorIds: [],
          parties: sample.parties.map((p) => ({ organizationId: p.organizationId, signatoryPersonId: null })),
        },
      });
      await app.nav('actions');
      await app.nav('dashboard');
      const renewals = await app.visible('renewal-list');
      assert.ok((await renewals.getText()).includes('MoU on surgical instruments'), await renewals.getText());
      assert.ok((await (await app.visible('expiring-list')).getText()).includes('MoU on surgical instruments'));
      await app.saveArtifacts('dashboard-follow-up');
      await app.browser.execute(() => document.querySelector('[data-testid="dashboard-charts"]')?.scrollIntoView({ block: 'start' }));
      await app.saveArtifacts('dashboard-charts');

      // The ambassador's visit: how far its follow-ups have come, beside its written outcome.
      await app.nav('visits');
      await app.click(await app.row('Russian Ambassador', { area: 'visits' }));
      await app.click('tab-outcomes');
      const outcomes = await app.visible('visit-outcomes');
      await app.browser.waitUntil(async () => /\d+ of \d+ follow-up actions done/.test(await outcomes.getText()), {
        timeout: 10_000,
        timeoutMsg: `the outcome did not count the action done: ${await outcomes.getText()}`,
      });
      await app.saveArtifacts('visit-outcomes');
    }));

  it('adds an action from one line with quick add', STEP, () =>
    withArtifacts(() => app, 'quick-add', async () => {
      await app.click('quick-add-button');
      await app.fill('quick', 'Send the brochure to Khorev tomorrow !urgent');
      // Read from the page each time: the preview is redrawn as each typed letter is read.
      const understood = () =>
        app.browser.execute(() => document.querySelector('[data-testid="quick-understood"]')?.textContent ?? '');
      await app.browser.waitUntil(async () => /urgent/i.test(await understood()), {
        timeout: 10_000,
        timeoutMsg: 'quick add never showed what it understood',
      });
      await app.saveArtifacts('quick-add');
      await app.click('save-button');
      await app.browser.waitUntil(async () => (await app.browser.getUrl()).includes('/actions/'), {
        timeout: 10_000,
        timeoutMsg: 'the new action was not opened',
      });
      const id = await app.idInUrl('actions');
      const action = await app.invoke('actions_get', { id });
      assert.equal(action.title, 'Send the brochure to Khorev');
      assert.equal(action.priority, 'urgent');
      assert.ok(action.dueOn, 'tomorrow became a date');
    }));

  it('reminds of an action due today once, in the window with a link to it, and can be turned off', STEP, () =>
    withArtifacts(() => app, 'reminders', async () => {
      const today = new Date();
      const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      const input = {
        title: 'Confirm the hotel for the delegation', details: null, ownerPersonId: null, dueOn: local, priority: 'high',
        status: 'open', visitId: null, agreementId: null, organizationId: null, personId: null, sectorIds: [],
      };
      const action = await app.invoke('actions_create', { input });
      // The window looks for reminders when it starts: start it afresh on the dashboard.
      await app.nav('dashboard');
      await app.browser.execute(() => location.reload());
      await app.visible('nav-dashboard', { timeout: 60_000 });
      const notice = async () =>
        app.browser.execute(() =>
          [...document.querySelectorAll('[data-testid="toast"]')].map((t) => t.textContent ?? '').join('\n'),
        );
      await app.browser.waitUntil(async () => (await notice()).includes('Due today: Confirm the hotel for the delegation'), {
        timeout: 15_000,
        timeoutMsg: 'no reminder of the action due today',
      });
      await app.saveArtifacts('reminder');
      let hotel;
      for (const toast of await app.browser.$$('[data-testid="toast"]')) {
        if ((await toast.getText()).includes('Confirm the hotel')) hotel = await toast.$('[data-testid="toast-link"]');
      }
      assert.ok(hotel, 'the reminder has a link to its action');
      await app.click(hotel);
      await app.browser.waitUntil(async () => (await app.browser.getUrl()).endsWith(`/actions/${action.id}`), {
        timeout: 10_000,
        timeoutMsg: 'the reminder did not open its action',
      });
      assert.deepEqual(await app.invoke('reminders_take_due'), [], 'announced once: nothing more today');

      await app.nav('settings');
      await app.click('reminders-enabled');
      await app.browser.waitUntil(async () => (await app.invoke('reminders_enabled')) === false, {
        timeout: 10_000,
        timeoutMsg: 'turning reminders off was not kept',
      });
      await app.click('reminders-enabled');
    }));
});
