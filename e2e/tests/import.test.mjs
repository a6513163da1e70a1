// Contacts into the real window: a Windows-1251 CSV with semicolons (as a Russian office's
// Excel saves it) chosen with Import… on the people list, its columns mapped from their
// Russian headings, the sample's Khorev found again in Cyrillic, a refused row with its
// reason, the import done with progress, the new people in the list, and the import undone
// from Settings. Then two records of one person merged from the person's page, and a file of
// 200,000 people whose review shows its progress and is cancelled.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 300_000 };
const family = `Импортова${Date.now() % 100_000}`;

let app;
let folder;

/** Writes the file as Windows-1251 through Python (not through anything of ours). */
function russianCsv(path) {
  const text = [
    'Фамилия;Имя;Должность;Организация;E-mail',
    'Хорев;Альберт;Вице-президент;;',
    `${family};Ольга;Советник;Посольство России;olga.${family}@mid.ru`,
    'Петров;Пётр;;;не-почта',
    '<script>alert(1)</script>;Тест;;;',
    // A 20,000-letter family name, refused as too long: the sheet must still keep its columns
    // in view. (Windows-1251 has no Arabic script; Urdu names are imported by the core's tests.)
    `${'Ж'.repeat(20_000)};Длинный;;;`,
  ].join('\r\n');
  const run = spawnSync('/usr/bin/python3', ['-c', 'import sys; open(sys.argv[1], "wb").write(sys.argv[2].encode("cp1251"))', path, text], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
}

async function peopleNamed(search) {
  const page = await app.invoke('people_list', { query: { page: 1, pageSize: 50, search, includeDeleted: false } });
  return page.items;
}

describe('Contact import in a real window', () => {
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'attache-import-'));
    app = await App.start();
  }, STEP);

  after(async () => {
    await app?.quit().catch(() => {});
    rmSync(folder, { recursive: true, force: true });
  });

  it('maps a Cyrillic CSV, finds Khorev in it, refuses a bad row, imports the rest and undoes it from Settings', STEP, () =>
    withArtifacts(() => app, 'import', async () => {
      // A Latin file name: xdotool types Latin letters reliably (what is in the file is Cyrillic).
      const path = join(folder, 'kontakty.csv');
      russianCsv(path);
      await app.nav('people');
      await app.click('import-button');
      await app.chooseInFileDialog('Choose a file of contacts', path);
      const mapping = await app.visible('import-mapping');
      assert.match(await mapping.getText(), /Фамилия/);
      assert.equal(await (await app.visible('import-map-0')).getValue(), 'familyName');
      assert.equal(await (await app.visible('import-map-4')).getValue(), 'email');
      assert.match(await (await app.visible('import-source')).getText(), /Unicode|text with columns/);
      assert.equal(await (await app.visible('import-encoding')).getValue(), 'windows1251');
      const counts = await (await app.visible('import-counts')).getText();
      assert.match(counts, /2 new · 1 already known · 2 refused/);
      const sheet = await app.browser.execute(() => {
        const body = document.querySelector('dialog[open] .body') ?? document.querySelector('dialog[open]');
        return body ? Math.max(0, body.scrollWidth - body.clientWidth) : -1;
      });
      assert.equal(sheet, 0, 'a 20,000-letter word does not push the sheet sideways');
      assert.match(await (await app.visible('import-duplicates')).getText(), /is .*Khorev \(same name\)/);
      const refused = await (await app.visible('import-refused')).getText();
      assert.match(refused, /Row 4/);
      assert.match(refused, /не-почта/);
      assert.match(refused, /Row 6.*too long/is, 'the long name is refused with its reason');
      await app.saveArtifacts('import-review');

      await app.click('save-button');
      await app.browser.waitUntil(async () => (await app.bodyText()).includes('Imported kontakty.csv: 2 created, 1 merged, 0 skipped, 2 refused'), {
        timeout: 20_000,
        timeoutMsg: 'no notice of the finished import',
      });
      await app.row(family);
      await app.saveArtifacts('import-done');
      const [olga] = await peopleNamed(family);
      assert.equal(olga.organizationName, 'Посольство России');
      const hostile = await peopleNamed('Тест');
      assert.ok(hostile.some((p) => p.familyName === '<script>alert(1)</script>'), 'markup is stored as text');
      const [khorev] = (await peopleNamed('Khorev')).filter((p) => p.givenName.startsWith('Albert'));
      assert.ok(khorev?.position, 'Khorev kept his fields (and had his empty ones filled)');

      await app.nav('settings');
      const last = await app.visible('last-import');
      await last.scrollIntoView({ block: 'center' });
      assert.match(await last.getText(), /kontakty\.csv/);
      await app.saveArtifacts('import-settings');
      await app.click('undo-import');
      await app.click('confirm-button');
      await app.browser.waitUntil(async () => (await peopleNamed(family)).length === 0, {
        timeout: 10_000,
        timeoutMsg: 'the undone import left its people',
      });
      assert.match(await (await app.visible('last-import')).getText(), /undone/);
    }));

  it('merges two records of one person, field by field, with their visits', STEP, () =>
    withArtifacts(() => app, 'merge', async () => {
      const blank = {
        honorific: null, nativeName: null, position: null, organizationId: null, country: null, languages: null,
        protocolRank: null, dietaryNeeds: null, accessNeeds: null, bio: null, notes: null,
      };
      const keep = await app.invoke('people_create', { input: { ...blank, givenName: 'Olga', familyName: family, email: `olga@${family}.ru`, phone: null } });
      const other = await app.invoke('people_create', { input: { ...blank, givenName: 'Ольга', familyName: `${family}а`, email: null, phone: '+7 495 111 22 33' } });
      const visits = await app.invoke('visits_list', { query: { page: 1, pageSize: 1, includeDeleted: false } });
      const visitId = visits.items[0].id;
      await app.invoke('participants_create', {
        input: { visitId, personId: other.id, side: 'guest', role: 'member', rsvp: 'accepted', arrivalLocal: null, departureLocal: null, hotel: null, precedenceOverride: null, notes: null },
      });

      await app.nav('people');
      await app.click(await app.row(`Olga ${family}`, { area: 'people' }));
      await app.click('merge-button');
      await app.fill('merge-other', `${family}а`);
      const option = await app.browser.$('//*[@role="option"][contains(normalize-space(.), "Ольга")]');
      await option.waitForDisplayed({ timeout: 10_000, timeoutMsg: 'the other record was not offered' });
      await app.click(option);
      const fields = await app.visible('merge-fields');
      assert.match(await fields.getText(), /\+7 495 111 22 33/);
      await app.click('merge-take-givenName');
      await app.saveArtifacts('merge-compare');
      await app.click('save-button');
      await app.browser.waitUntil(async () => (await app.invoke('people_get', { id: other.id })).deletedAt !== null, {
        timeout: 10_000,
        timeoutMsg: 'the other record was not merged',
      });
      const merged = await app.invoke('people_get', { id: keep.id });
      assert.equal(merged.givenName, 'Ольга', 'chosen from the other');
      assert.equal(merged.email, `olga@${family}.ru`, 'kept');
      assert.equal(merged.phone, '+7 495 111 22 33', 'proposed: this record had none');
      const taking = await app.invoke('participants_list', { query: { page: 1, pageSize: 10, personId: keep.id, includeDeleted: false } });
      assert.equal(taking.items.length, 1, 'the visit moved to the record kept');
      await app.saveArtifacts('merge-done');
    }));

  it('exports a visit’s participants in the order of precedence as a workbook openpyxl reads', STEP, () =>
    withArtifacts(() => app, 'export-participants', async () => {
      await app.nav('visits');
      await app.click(await app.row('Sialkot', { area: 'visits' }));
      await app.click('tab-participants');
      const path = join(folder, 'delegation.xlsx');
      await app.click('export-participants');
      await app.chooseInFileDialog('Export to a file', path, { save: true });
      await app.browser.waitUntil(async () => (await app.bodyText()).includes(path), {
        timeout: 15_000,
        timeoutMsg: 'no notice of the saved list',
      });
      const script = 'import json, sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows()]))';
      const read = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
      assert.equal(read.status, 0, read.stderr);
      const rows = JSON.parse(read.stdout);
      assert.equal(rows[0][0], 'Precedence');
      assert.deepEqual(rows.slice(1).map((r) => r[0]), rows.slice(1).map((_, i) => i + 1), 'numbered in order');
      assert.match(rows[1][3], /Khorev/, 'the ambassador leads the order of precedence');
      assert.equal(rows[1][1], 'Guest', 'the side as the window words it');
      await app.saveArtifacts('participants-exported');
    }));

  it('shows how far a big file is compared, and Cancel stops it with nothing imported', STEP, () =>
    withArtifacts(() => app, 'import-big', async () => {
      const path = join(folder, 'big.csv');
      const rows = ['First Name,Last Name,E-mail'];
      for (let i = 0; i < 200_000; i++) rows.push(`Given${i},Family${i},p${i}@big.example.org`);
      writeFileSync(path, rows.join('\n'));
      const everyone = async () => (await app.invoke('people_list', { query: { page: 1, pageSize: 1, search: null, includeDeleted: false } })).total;
      const before = await everyone();
      await app.nav('people');
      await app.click('import-button');
      await app.chooseInFileDialog('Choose a file of contacts', path);
      const reading = await app.visible('import-reading');
      await app.browser.waitUntil(async () => /of 200,000 rows/.test(await reading.getText()), {
        timeout: 60_000,
        timeoutMsg: 'no progress of the comparison',
      });
      assert.match(await reading.getText(), /big\.csv/);
      await app.saveArtifacts('import-reading');
      await app.click('cancel-button');
      await app.browser.waitUntil(async () => !(await app.isVisible('import-reading')), {
        timeout: 20_000,
        timeoutMsg: 'the review went on after Cancel',
      });
      assert.equal(await app.isVisible('import-mapping'), false, 'the sheet closed');
      assert.doesNotMatch(await app.bodyText(), /cancelled/i, 'a cancelled review is not an error');
      assert.equal(await everyone(), before, 'nothing imported');
    }));
});
