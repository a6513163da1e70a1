// The first end-to-end cases: the real window, a fresh data folder, the built-in sample visit,
// records created through the forms, validation shown at the field, data surviving a restart,
// and a name long and strange enough to break a careless layout. The tests run in order and
// build on each other (5 checks what 2 and 3 created).
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
// 10:00 in Moscow (UTC+3, no daylight saving) is 07:00 UTC; the core keeps milliseconds.
const engagementStartsAt = '2026-09-14T07:00:00.000Z';

// A given name of one word as long as the core accepts (500 characters, Cyrillic and Latin
// mixed, no space), a biography of one 20,000-character word; a family name with markup that
// must stay text, and an Urdu word (right to left) in the middle of Latin text.
const longName = {
  givenName: 'ЖуковZhukov'.repeat(50).slice(0, 500),
  bio: 'БиографияBiography'.repeat(1_200).slice(0, 20_000),
  familyName: `<b>bold</b><script>alert(1)</script> قریشی ${tag}`,
};

/** Every list query field, as the UI sends them. */
const listQuery = (filters) => ({
  page: 1,
  pageSize: 50,
  sort: null,
  descending: false,
  search: null,
  includeDeleted: false,
  ...filters,
});

let app;

async function step(name, body) {
  await withArtifacts(() => app, name, body);
}

// The programme as a list (the timeline has its own test in planning.test.mjs).
async function openVisit(title) {
  await app.nav('visits');
  await app.click(await app.row(title, { area: 'visits' }));
  const programme = await app.visible('visit-programme');
  await app.click('programme-view-list');
  return programme;
}

describe('Attaché in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    // Quit and wait for the process to go: the next file starts the app again, and a second
    // instance that finds the first still closing hands over to it (single instance) and exits.
    await app?.quit().catch(() => {});
  });

  it('shows the sample visit on first start', STEP, () =>
    step('sample visit', async () => {
      const programme = await openVisit('Sialkot');
      assert.match(await app.bodyText(), /Sialkot Chamber of Commerce/);
      assert.ok(await programme.isDisplayed());
      await app.count('engagement-row', (n) => n === 2, 'exactly 2');
      await app.click('tab-participants');
      // The sample has exactly eight participants: more would mean it was loaded twice.
      const participants = await app.count('participant-row', (n) => n === 8, 'exactly 8');
      assert.equal(participants, 8);
    }));

  it("lists the visits a person takes part in on the person's page", STEP, () =>
    step('person visits', async () => {
      await app.nav('people');
      await app.click(await app.row('Khorev', { area: 'people' }));
      await app.count('person-visit', (n) => n === 1, 'exactly 1');
      assert.match(await app.bodyText(), /Russian Ambassador's visit to the Sialkot Chamber/);
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

      // And stored as the right instant: read back through the app's own IPC.
      const visitId = await app.idInUrl('visits');
      const page = await app.invoke('engagements_list', {
        query: listQuery({ visitId, venueId: null, startsFrom: null, startsBefore: null }),
      });
      const stored = page.items.find((item) => item.title === engagement.title);
      assert.ok(stored, `engagements_list has no "${engagement.title}" in visit ${visitId}`);
      assert.equal(stored.startsAt, engagementStartsAt);
      assert.equal(stored.startsLocal, engagement.startsLocal);
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

  it('keeps a 500-character name, a 20,000-character word, markup and Urdu from breaking the screens', STEP, () =>
    step('long name', async () => {
      await app.nav('people');
      await app.click('new-button');
      await app.fill('givenName', longName.givenName, { byScript: true });
      await app.fill('familyName', longName.familyName);
      await app.fill('bio', longName.bio, { byScript: true });
      await app.save();
      await app.expectNoFieldErrors();

      // Saving opens the person's page: the name wraps there, as text.
      await app.visible('edit-button');
      const personId = await app.idInUrl('people');
      const detail = await app.horizontalOverflow('main');
      assert.equal(detail.page, 0, 'the person page scrolls sideways');
      assert.equal(detail.main, 0, 'the person page content scrolls sideways');
      const title = await app.browser.execute(() => {
        const h1 = document.querySelector('[data-testid="page-title"]');
        return { text: h1?.textContent ?? '', markup: document.querySelectorAll('main b, main script').length };
      });
      assert.ok(title.text.includes(longName.givenName), 'the page title holds the whole given name');
      assert.ok(title.text.includes(longName.familyName), 'the page title shows the markup as text');
      assert.equal(title.markup, 0, 'the family name was rendered as markup');
      assert.ok((await app.bodyText()).includes(longName.bio.slice(0, 200)), 'the biography is shown');

      // A colleague at an organization with a name as long as the core accepts, since deleted:
      // its name is struck through in the list, cut like any other, and widens nothing.
      const longOrganization = await app.invoke('organizations_create', {
        input: { name: longName.givenName, shortName: null, kind: 'company', country: null, city: null, website: null, sectorIds: [], notes: null },
      });
      await app.invoke('people_create', {
        input: {
          honorific: null, givenName: 'Colleague', familyName: `Naqvi ${tag}`, nativeName: null, position: null,
          organizationId: longOrganization.id, country: null, email: null, phone: null, languages: null,
          protocolRank: null, dietaryNeeds: null, accessNeeds: null, bio: null, notes: null,
        },
      });
      await app.invoke('organizations_delete', { id: longOrganization.id });

      // In the People list the name is cut, and every column stays in view.
      await app.nav('people');
      await (await app.visible('filter-search')).setValue(tag);
      const rowSelector = `[data-testid="list-row"][data-id="${personId}"]`;
      await app.browser.waitUntil(async () => app.browser.$(rowSelector).isDisplayed(), {
        timeout: 10_000,
        timeoutMsg: `the People list shows no row for ${personId}`,
      });
      await app.browser.waitUntil(async () => (await app.bodyText()).includes(`Naqvi ${tag}`), {
        timeout: 10_000,
        timeoutMsg: 'the People list shows no row for the colleague',
      });
      const list = await app.horizontalOverflow('table[aria-label="People"]');
      assert.equal(list.page, 0, 'the People list scrolls sideways');
      assert.equal(list.main, 0, 'the People list content scrolls sideways');
      assert.equal(list.element, 0, 'the People table is wider than its frame');
      const layout = await app.browser.execute((sel) => {
        const row = document.querySelector(sel);
        const frame = row.closest('table').parentElement.getBoundingClientRect();
        const inView = (element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.left >= frame.left - 1 && box.right <= frame.right + 1;
        };
        const headers = [...row.closest('table').querySelectorAll('thead th')];
        const nameCell = row.querySelector('td');
        return {
          headers: headers.map((th) => ({ label: th.textContent.trim(), inView: inView(th) })),
          nameInView: inView(nameCell),
          nameTitle: nameCell.getAttribute('title') ?? '',
          text: row.textContent,
          markup: row.querySelectorAll('b, script').length,
        };
      }, rowSelector);
      for (const header of layout.headers) assert.ok(header.inView, `the ${header.label} column is out of view`);
      assert.ok(layout.nameInView, 'the name column is out of view');
      assert.ok(layout.nameTitle.includes(longName.familyName), 'the cut name has no title with the family name');
      assert.ok(layout.text.includes(longName.familyName), 'the row does not show the family name as text');
      assert.equal(layout.markup, 0, 'the family name was rendered as markup in the list');
    }));

  it('finds a name in either script, reads in Russian, and mirrors for Urdu', STEP, () =>
    step('languages', async () => {
      // "Хорев" and "Khorev" find the same person, and only them.
      // The rows are read in one script call: counting element by element while the list
      // re-renders can meet rows that are already gone.
      const rows = () =>
        app.browser.execute(() =>
          [...document.querySelectorAll('[data-testid="list-row"]')].map((row) => ({ id: row.dataset.id, text: row.textContent })),
        );
      const found = async (query) => {
        await app.nav('people');
        const search = await app.visible('filter-search');
        await search.clearValue();
        await search.setValue(query);
        // WebKit's driver can hold back the input event of a typed value; send it for certain.
        await app.browser.execute((input) => input.dispatchEvent(new Event('input', { bubbles: true })), search);
        let seen = [];
        await app.browser.waitUntil(
          async () => {
            seen = await rows();
            return seen.length === 1 && seen[0].text.includes('Khorev');
          },
          { timeout: 20_000, interval: 250 },
        ).catch(() => assert.fail(`"${query}" should find Khorev alone; rows: ${JSON.stringify(seen.map((r) => r.text.slice(0, 60)))}`));
        return seen[0].id;
      };
      const inCyrillic = await found('Хорев');
      assert.equal(await found('Khorev'), inCyrillic, 'Хорев and Khorev are the same person');
      assert.equal(await found('khor'), inCyrillic, 'a lower-case part of the name finds them too');

      const pageState = () =>
        app.browser.execute(() => {
          const sidebar = document.querySelector('nav.sidebar').getBoundingClientRect();
          return {
            lang: document.documentElement.lang,
            dir: document.documentElement.dir,
            sidebarCentre: sidebar.left + sidebar.width / 2,
            width: window.innerWidth,
            title: document.title,
          };
        });
      const choose = async (language) => {
        await app.nav('settings');
        await (await app.visible('language-select')).selectByAttribute('value', language);
        await app.browser.waitUntil(async () => (await pageState()).lang === (language === 'system' ? 'en' : language), {
          timeout: 10_000,
          timeoutMsg: `the page did not switch to ${language}`,
        });
      };

      await choose('ru');
      await app.nav('dashboard');
      await app.browser.waitUntil(async () => /Сводка/.test(await app.bodyText()), { timeout: 10_000, timeoutMsg: 'no Russian dashboard' });
      const russian = await app.bodyText();
      assert.match(russian, /Визиты/, 'the sidebar reads in Russian');
      assert.doesNotMatch(russian, /\b(Dashboard|Visits|Settings|Upcoming|Overdue)\b/, 'English left on the Russian dashboard');
      assert.equal((await pageState()).dir, 'ltr');

      await choose('ur');
      const urdu = await pageState();
      assert.equal(urdu.dir, 'rtl', 'Urdu lays the page out right to left');
      assert.ok(urdu.sidebarCentre > urdu.width / 2, `the sidebar is on the right in Urdu (${urdu.sidebarCentre} of ${urdu.width})`);
      await app.nav('dashboard');
      assert.match(await app.bodyText(), /جائزہ/, 'the dashboard reads in Urdu');

      // The choice is remembered across a restart, then given back to the system.
      await app.quit();
      app = await App.start();
      assert.equal((await pageState()).dir, 'rtl', 'Urdu was not remembered');
      await choose('system');
      assert.equal((await pageState()).dir, 'ltr');
    }));
});
