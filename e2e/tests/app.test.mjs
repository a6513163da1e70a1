// The first end-to-end cases: the real window, a fresh data folder, the built-in sample visit,
// records created through the forms, validation shown at the field, and data surviving a
// restart. The tests run in order and build on each other (5 checks what 2 and 3 created).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 120_000 };

// Letters only, so that no name validation trips over it; unique per run.
const tag = Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const person = { givenName: 'Ayesha', familyName: `Qureshi${tag}`, email: `ayesha.${tag}@example.org` };
const visit = {
  title: `Trade mission to Kazan ${tag}`,
  timeZone: 'Europe/Moscow',
  startDate: '2026-09-14',
  endDate: '2026-09-16',
};
const engagement = { title: `Meeting at the Tatarstan Chamber ${tag}`, startsLocal: '2026-09-14T10:00', endsLocal: '2026-09-14T11:30' };

let app;

async function step(name, body) {
  await withArtifacts(() => app, name, body);
}

async function openVisit(title) {
  await app.nav('visits');
  await app.click(await app.row(title, { area: 'visits' }));
  return app.visible('visit-programme');
}

describe('Attaché in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    await app?.browser.deleteSession().catch(() => {});
  });

  it('shows the sample visit on first start', STEP, () =>
    step('sample visit', async () => {
      const programme = await openVisit('Sialkot');
      assert.match(await app.bodyText(), /Sialkot Chamber of Commerce/);
      assert.ok(await programme.isDisplayed());
      await app.count('engagement-row', (n) => n === 2, 'exactly 2');
      await app.click('tab-participants');
      const participants = await app.count('participant-row', (n) => n >= 8, 'at least 8');
      assert.ok(participants >= 8);
    }));

  it('creates a person through the form', STEP, () =>
    step('create person', async () => {
      await app.nav('people');
      await app.click('new-button');
      await app.fill('givenName', person.givenName);
      await app.fill('familyName', person.familyName);
      await app.fill('email', person.email);
      await app.save();
      await app.expectNoFieldErrors();
      await app.nav('people');
      const row = await app.row(person.familyName, { area: 'people' });
      assert.match(await row.getText(), new RegExp(person.givenName));
    }));

  it('creates a visit and a programme item in it', STEP, () =>
    step('create visit', async () => {
      await app.nav('visits');
      await app.click('new-button');
      for (const field of ['title', 'timeZone', 'startDate', 'endDate']) {
        await app.fill(field, visit[field]);
      }
      await app.save();
      await app.expectNoFieldErrors();

      const programme = await openVisit(visit.title);
      assert.match(await app.bodyText(), /Europe\/Moscow|Moscow/);
      assert.ok(await programme.isDisplayed());
      await app.click('add-engagement-button');
      for (const field of ['title', 'startsLocal', 'endsLocal']) {
        await app.fill(field, engagement[field]);
      }
      await app.save();
      await app.expectNoFieldErrors();
      const row = await app.row(engagement.title, { id: 'engagement-row' });
      // Entered as 10:00 in the visit's time zone, shown in the visit's local time.
      assert.match(await row.getText(), /10:00/);
    }));

  it('shows a field error for invalid input', STEP, () =>
    step('field errors', async () => {
      await app.nav('people');
      await app.click('new-button');
      await app.fill('givenName', 'Invalid');
      await app.fill('familyName', `Mailbox${tag}`);
      await app.fill('email', 'not-an-email');
      await app.click('save-button');
      assert.ok((await app.fieldError('email')).length > 0);
      await app.click('cancel-button');

      await app.nav('visits');
      await app.click('new-button');
      await app.fill('title', `Backwards visit ${tag}`);
      await app.fill('timeZone', 'Europe/Moscow');
      await app.fill('startDate', '2026-10-10');
      await app.fill('endDate', '2026-10-01');
      await app.click('save-button');
      assert.ok((await app.fieldError('endDate')).length > 0);
      await app.click('cancel-button');

      // Neither invalid record was stored.
      await app.nav('people');
      await app.row(person.familyName, { area: 'people' });
      assert.doesNotMatch(await app.bodyText(), new RegExp(`Mailbox${tag}`));
      await app.nav('visits');
      await app.row(visit.title, { area: 'visits' });
      assert.doesNotMatch(await app.bodyText(), new RegExp(`Backwards visit ${tag}`));
    }));

  it('keeps everything after quitting and restarting', STEP, () =>
    step('restart', async () => {
      await app.quit();
      app = await App.start();
      await app.nav('people');
      const row = await app.row(person.familyName, { area: 'people' });
      assert.match(await row.getText(), new RegExp(person.givenName));
      await openVisit(visit.title);
      await app.row(engagement.title, { id: 'engagement-row' });
      // The sample visit was loaded once, not again on the second start.
      await app.nav('visits');
      await app.row('Sialkot', { area: 'visits' });
      await app.count('list-row', (n) => n >= 2, 'at least 2');
      const sialkotRows = [];
      for (const element of await app.browser.$$('[data-testid="list-row"]')) {
        if ((await element.getText()).includes('Sialkot')) sialkotRows.push(element);
      }
      assert.equal(sialkotRows.length, 1, 'the sample visit appears exactly once');
    }));
});
