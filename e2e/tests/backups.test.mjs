// Data out of the real window, safely: the day's backup taken at start and listed in Settings,
// a copy taken now that Python's own sqlite3 module reads back as sound, a restore chosen in
// the list, confirmed, that brings the store back and keeps the store it replaced, recovery
// from a damaged file, and the people list exported as CSV that Python's csv module reads.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 300_000 };
const probe = { givenName: 'Restore', familyName: `Probe${Date.now() % 100_000}` };

let app;

/** What an independent reader (Python's sqlite3) finds in a store file. */
function readByPython(path) {
  const script = [
    'import json, sqlite3, sys',
    'db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)',
    'print(json.dumps({"integrity": db.execute("PRAGMA integrity_check").fetchone()[0],',
    '  "families": [r[0] for r in db.execute("SELECT family_name FROM people")]}))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

describe('Backups and exports in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    await app?.quit().catch(() => {});
  });

  it('lists the day’s backup, takes one that another reader finds sound, and restores one after asking', STEP, () =>
    withArtifacts(() => app, 'backups', async () => {
      await app.nav('settings');
      await app.visible('backup-row');

      // A copy as the save dialog would name it, read back by Python.
      const folder = mkdtempSync(join(tmpdir(), 'attache-backup-'));
      try {
        const copy = join(folder, 'friday.sqlite3');
        const taken = await app.invoke('backups_take', { path: copy });
        assert.equal(taken.path, copy);
        const read = readByPython(copy);
        assert.equal(read.integrity, 'ok');
        assert.ok(read.families.includes('Khorev'), 'the sample’s people are in the copy');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }

      // Today's backup brought up to now (as the daily copy would be if taken at this moment),
      // then a person added after it.
      const { folder: backups } = await app.invoke('backups_overview');
      const today = new Date().toISOString().slice(0, 10);
      await app.invoke('backups_take', { path: join(backups, `attache-${today}.sqlite3`) });
      await app.nav('people');
      await app.click('new-button');
      await app.fill('givenName', probe.givenName);
      await app.fill('familyName', probe.familyName);
      await app.save();
      await app.expectNoFieldErrors();

      await app.nav('settings');
      const row = await app.row(`attache-${today}.sqlite3`, { id: 'backup-row' });
      await app.click(await row.$('button'));
      await app.visible('confirm-button');
      await app.saveArtifacts('backup-restore-confirm');
      await app.click('confirm-button');

      // The window starts afresh on the restored store: the person added after is gone…
      await app.browser.waitUntil(async () => (await app.browser.getUrl()).endsWith('/'), { timeout: 15_000 });
      await app.visible('nav-dashboard');
      const people = await app.invoke('people_list', {
        query: { page: 1, pageSize: 50, sort: null, descending: false, search: probe.familyName, includeDeleted: true, organizationId: null },
      });
      assert.equal(people.total, 0, 'the person added after the backup is gone');
      // …and the store as it was is kept, first in the list, with that person in it.
      await app.nav('settings');
      await app.row('before-restore-', { id: 'backup-row' });
      await app.browser.execute(() => document.querySelector('[data-testid="backups-section"]').scrollIntoView());
      await app.saveArtifacts('backups-after-restore');
      const listed = (await app.invoke('backups_overview')).backups.find((b) => b.path.includes('before-restore-'));
      assert.ok(readByPython(listed.path).families.includes(probe.familyName));
    }));

  it('offers the newest sound backup when the data file is found damaged at start, and restores it', STEP, () =>
    withArtifacts(() => app, 'recovery', async () => {
      const { databasePath } = await app.invoke('app_info');
      await app.quit();
      // A third of the file overwritten, as a failing disk or a half-synchronised copy leaves it.
      const bytes = readFileSync(databasePath);
      bytes.fill(0xa5, Math.floor(bytes.length / 3), Math.floor((bytes.length * 2) / 3));
      writeFileSync(databasePath, bytes);

      app = await App.start();
      const notice = await app.visible('recovery', { timeout: 30_000 });
      await app.saveArtifacts('recovery-notice');
      assert.match(await notice.getText(), /Restore the backup of/);
      await app.click('restore-latest');
      await app.click('confirm-button');
      await app.browser.waitUntil(async () => !(await app.isVisible('recovery')), { timeout: 15_000, timeoutMsg: 'the notice stayed' });
      await app.visible('nav-dashboard');
      assert.equal(readByPython(databasePath).integrity, 'ok');
      const info = await app.invoke('app_info');
      assert.deepEqual(info.damage, []);
      assert.equal(info.storeError, null);
    }));

  it('exports the people list, searched and sorted, as CSV and as vCards that Python reads with every name intact', STEP, () =>
    withArtifacts(() => app, 'export', async () => {
      await app.nav('people');
      await app.visible('export-button');
      const folder = mkdtempSync(join(tmpdir(), 'attache-export-'));
      try {
        const path = join(folder, 'people.csv');
        // What the Export… button sends once the save dialog has named the file.
        const query = { page: 1, pageSize: 50, sort: 'familyName', descending: false, search: 'Khorev', includeDeleted: false };
        const headings = ['Honorific', 'Given name', 'Family name', 'Name in native script', 'Position', 'Organization', 'Country', 'E-mail', 'Phone', 'Languages', 'Protocol rank', 'Dietary needs', 'Access needs', 'Biography', 'Notes'];
        const rows = await app.invoke('exports_people', { query, path, headings });
        const read = spawnSync(
          '/usr/bin/python3',
          ['-c', 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f: print(json.dumps(list(csv.reader(f))))', path],
          { encoding: 'utf8' },
        );
        assert.equal(read.status, 0, read.stderr);
        const table = JSON.parse(read.stdout);
        assert.deepEqual(table[0], headings);
        assert.equal(table.length - 1, rows);
        assert.ok(table.slice(1).every((row) => row[2] === 'Khorev'), JSON.stringify(table));
        assert.ok(table.slice(1).some((row) => /[А-Яа-я]/.test(row[3])), 'the native-script name comes out as written');

        // The same people as vCards, which Python's vobject (an address-book library) reads.
        const cards = join(folder, 'people.vcf');
        assert.equal(await app.invoke('exports_people', { query, path: cards, headings }), rows);
        const script = 'import json, sys, vobject\nprint(json.dumps([[c.n.value.family, c.x_attache_native_name.value if hasattr(c, "x_attache_native_name") else None] for c in vobject.readComponents(open(sys.argv[1], encoding="utf-8").read())]))';
        const vcards = spawnSync('/usr/bin/python3', ['-c', script, cards], { encoding: 'utf8' });
        assert.equal(vcards.status, 0, vcards.stderr);
        const people = JSON.parse(vcards.stdout);
        assert.equal(people.length, rows);
        assert.ok(people.every(([family]) => family === 'Khorev'), vcards.stdout);
        assert.ok(people.some(([, native]) => /[А-Яа-я]/.test(native ?? '')), 'the native-script name on the card');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }));

  it('exports everything as one JSON document that Python reads, and restores the store from it', STEP, () =>
    withArtifacts(() => app, 'whole-store', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'attache-whole-'));
      try {
        const path = join(folder, 'everything.json');
        await app.nav('settings');
        await app.click('export-whole');
        await app.chooseInFileDialog('Export everything as JSON', path, { save: true });
        await app.browser.waitUntil(async () => (await app.bodyText()).includes(path), { timeout: 20_000, timeoutMsg: 'no notice of the document written' });
        await app.saveArtifacts('whole-store-exported');
        const read = spawnSync(
          '/usr/bin/python3',
          ['-c', 'import json, sys\nd = json.load(open(sys.argv[1], encoding="utf-8"))\nprint(json.dumps([d["format"], d["schemaVersion"], [p["family_name"] for p in d["tables"]["people"]]]))', path],
          { encoding: 'utf8' },
        );
        assert.equal(read.status, 0, read.stderr);
        const [format, schema, families] = JSON.parse(read.stdout);
        assert.equal(format, 'attache-store');
        assert.equal(schema, (await app.invoke('app_info')).schemaVersion);
        assert.ok(families.includes('Khorev'));

        const restored = await app.invoke('backups_restore', { path });
        assert.equal(restored.restoredFrom, path);
        const people = await app.invoke('people_list', {
          query: { page: 1, pageSize: 5, sort: null, descending: false, search: 'Khorev', includeDeleted: false, organizationId: null },
        });
        assert.equal(people.total, 1, 'the store made from the document is searchable');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }));
});
