// Encryption at rest in the real window: turned on in Settings with a passphrase typed twice;
// the file then unreadable to Python's sqlite3; at the next start the window asks for the
// passphrase, refuses a wrong one and opens with the right one, kept in the keychain (the run's
// gnome-keyring) when asked; the start after that opens without asking, until Settings forgets
// it; turned off again, the file is plain SQLite that Python reads. (It ends off, so the files
// after it find a plain store.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { App, withArtifacts } from '../lib/app.mjs';

const STEP = { timeout: 300_000 };
const PASSPHRASE = 'Sialkot tannery at dawn';

let app;

/** The number of people Python's sqlite3 reads from the file, or its error. */
function pythonReads(path) {
  const script = 'import sqlite3, sys\ntry:\n    print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM people").fetchone()[0])\nexcept Exception as e:\n    print("ERROR", e)';
  return spawnSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8' }).stdout.trim();
}

describe('Encryption at rest in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    // Whatever happened, the next files must not find the store locked.
    const info = await app?.invoke('app_info').catch(() => null);
    if (info?.encrypted && !info.locked) await app.invoke('encryption_remove', { current: PASSPHRASE }).catch(() => {});
    await app?.quit().catch(() => {});
  });

  it('encrypts the store, asks for the passphrase at the next start, and turns it off again', STEP, () =>
    withArtifacts(() => app, 'encryption', async () => {
      const { databasePath } = await app.invoke('app_info');
      const people = Number(pythonReads(databasePath));
      assert.ok(people > 0, 'Python reads the plain store');

      await app.nav('settings');
      await app.click('encryption-on');
      await app.fill('passphrase', PASSPHRASE);
      await app.fill('repeat', 'Sialkot tannery at dusk');
      await app.click('save-button');
      assert.equal(await app.fieldError('repeat'), 'The two new passphrases differ.');
      await app.fill('repeat', PASSPHRASE);
      await app.saveArtifacts('encryption-dialog');
      await app.save();
      await app.browser.waitUntil(async () => (await (await app.visible('encryption-state')).getText()).includes('are encrypted'), {
        timeout: 30_000,
        timeoutMsg: 'Settings did not say the store is encrypted',
      });
      await app.browser.execute(() => document.querySelector('[data-testid="encryption-section"]').scrollIntoView());
      await app.saveArtifacts('encryption-on');
      assert.match(pythonReads(databasePath), /not a database/);

      await app.quit();
      app = await App.start({ ready: 'unlock' });
      assert.equal(await app.isVisible('nav-people'), false, 'nothing to go to while locked');
      await app.saveArtifacts('unlock-screen');
      await (await app.visible('unlock-passphrase')).setValue('not the passphrase');
      await app.click('unlock-submit');
      const refusal = await app.visible('unlock-error');
      assert.equal(await refusal.getText(), 'This passphrase does not open the data file. Nothing was changed.');
      await app.saveArtifacts('unlock-refused');
      await (await app.visible('unlock-passphrase')).setValue(PASSPHRASE);
      await app.click('unlock-remember');
      await app.click('unlock-submit');
      await app.visible('nav-people');
      await app.nav('people');
      await app.row('Khorev');

      // Kept in the keychain: the next start opens the store without asking.
      await app.quit();
      app = await App.start();
      assert.equal(await app.isVisible('unlock'), false, 'no passphrase asked');
      await app.nav('settings');
      const kept = await app.visible('keychain-state');
      assert.match(await kept.getText(), /kept in this computer's keychain/);
      await app.browser.execute(() => document.querySelector('[data-testid="encryption-section"]').scrollIntoView());
      await app.saveArtifacts('encryption-remembered');
      await app.click('keychain-forget');
      await app.browser.waitUntil(async () => (await (await app.visible('keychain-state')).getText()).includes('asks for the passphrase'), {
        timeout: 10_000,
        timeoutMsg: 'Settings did not say the passphrase is forgotten',
      });

      await app.nav('settings');
      await app.click('encryption-off');
      await app.fill('current', PASSPHRASE);
      await app.save();
      await app.browser.waitUntil(async () => (await (await app.visible('encryption-state')).getText()).includes('not encrypted'), {
        timeout: 30_000,
        timeoutMsg: 'Settings did not say the store is plain again',
      });
      assert.equal(Number(pythonReads(databasePath)), people, 'plain SQLite again, every person in it');
    }));
});
