import { after, before, describe, it } from 'node:test';
import { execSync } from 'node:child_process';
import { App } from '../lib/app.mjs';

let app;
const shot = (name) => execSync(`import -window root /tmp/shots/${name}.png`);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

describe('tour', () => {
  before(async () => { app = await App.start(); }, { timeout: 120_000 });
  after(async () => { await app?.browser.deleteSession().catch(() => {}); });

  it('shoots', { timeout: 600_000 }, async () => {
    for (const lang of ['en', 'ru', 'ur']) {
      await app.nav('settings');
      await (await app.visible('language-select')).selectByAttribute('value', lang);
      await pause(800);
      shot(`${lang}-settings`);
      await app.nav('dashboard');
      await pause(1200);
      shot(`${lang}-dashboard`);
      await app.nav('visits');
      await pause(800);
      shot(`${lang}-visits`);
      await app.click(await app.row('Sialkot', { area: 'visits' }));
      await pause(1200);
      shot(`${lang}-visit`);
      await app.click('tab-participants');
      await pause(800);
      shot(`${lang}-participants`);
      await app.nav('people');
      await pause(800);
      shot(`${lang}-people`);
      await app.click('new-button');
      await pause(800);
      await app.click('save-button');
      await pause(800);
      shot(`${lang}-person-form-error`);
      await app.click('cancel-button');
      await pause(500);
      await app.click(await app.row('Mazhar', { area: 'people' }));
      await pause(1000);
      shot(`${lang}-person`);
      await app.nav('agreements');
      await pause(800);
      shot(`${lang}-agreements`);
      await app.nav('actions');
      await pause(800);
      shot(`${lang}-actions`);
    }
    await app.nav('settings');
    await (await app.visible('language-select')).selectByAttribute('value', 'system');
  });
});
