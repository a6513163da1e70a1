// Visit planning in the real window: the sample visit's programme over two days on the
// timeline, the ambassador double-booked in another visit and the conflict seen in both,
// acknowledged with a reason, and the programme exported to a calendar file that Python's
// icalendar library (not ours) reads back at the right times.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, withArtifacts } from '../lib/app.mjs';
import { audit, describe as describeViolations } from '../lib/axe.mjs';

const STEP = { timeout: 300_000 };
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const readIcs = new URL('../../crates/attache-core/tests/calendar/read_ics.py', import.meta.url).pathname;

let app;

async function conflictsOn(visitTitle) {
  await app.nav('visits');
  await app.click(await app.row(visitTitle, { area: 'visits' }));
  await app.visible('visit-programme');
  await app.click('tab-conflicts');
  await app.visible('visit-conflicts');
  return app.count('conflict', (n) => n >= 1, 'at least one conflict');
}

describe('Visit planning in a real window', () => {
  before(async () => {
    app = await App.start();
  }, STEP);

  after(async () => {
    // Quit and wait for the process to go: the next file starts the app again, and a second
    // instance that finds the first still closing hands over to it (single instance) and exits.
    await app?.quit().catch(() => {});
  });

  it('plans two days on the timeline, sees a double booking in both visits, acknowledges it and exports the programme', STEP, () =>
    withArtifacts(() => app, 'planning', async () => {
      const khorev = (await app.invoke('people_list', { query: { page: 1, pageSize: 5, search: 'Khorev' } })).items[0];
      assert.ok(khorev, 'the sample has the ambassador');

      // The sample visit is one day; it becomes two, and the second day gets an item on the timeline.
      await app.nav('visits');
      await app.click(await app.row('Sialkot', { area: 'visits' }));
      await app.visible('visit-programme');
      const visitId = await app.idInUrl('visits');
      await app.click('edit-button');
      await app.fill('endDate', '2026-01-29');
      await app.save();
      await app.expectNoFieldErrors();
      await app.click('programme-view-timeline');
      await app.visible('programme-timeline');
      await app.count('timeline-item', (n) => n === 2, 'the 2 sample items');

      await app.click('add-engagement-button');
      await app.fill('title', 'Visit to the Sialkot Dry Port');
      await app.fill('startsLocal', '2026-01-29T10:00');
      await app.fill('endsLocal', '2026-01-29T12:00');
      await app.click(`attendee-${khorev.id}`);
      await app.save();
      await app.expectNoFieldErrors();
      await app.count('timeline-item', (n) => n === 3, 'three items over two days');

      // The ambassador is booked in another visit at the same time.
      const other = await app.invoke('visits_create', {
        input: {
          title: 'Lahore Chamber reception',
          direction: 'incoming',
          status: 'planned',
          timeZone: 'Asia/Karachi',
          startDate: '2026-01-29',
          endDate: '2026-01-29',
          securityLevel: 'standard',
          travelBufferMinutes: 30,
        },
      });
      await app.invoke('engagements_create', {
        input: {
          visitId: other.id,
          title: 'Reception at the Lahore Chamber',
          kind: 'meal',
          startsLocal: '2026-01-29T11:00',
          endsLocal: '2026-01-29T13:00',
          attendeeIds: [khorev.id],
        },
      });

      assert.equal(await conflictsOn('Lahore Chamber reception'), 1);
      assert.match(await app.bodyText(), /Albert P\. Khorev\S* · \S*Альберт Хорев\S* is in two items at the same time/);
      assert.equal(await conflictsOn('Sialkot'), 1);
      const conflictText = await (await app.visible('conflict')).getText();
      assert.match(conflictText, /Visit to the Sialkot Dry Port/);
      assert.match(conflictText, /Reception at the Lahore Chamber/);

      // The programme form shows the same conflict while the item is edited.
      await app.click('tab-programme');
      await app.click('programme-view-list');
      const dryPort = await app.row('Visit to the Sialkot Dry Port', { id: 'engagement-row' });
      await app.click(await dryPort.$('[data-testid="edit-engagement"]'));
      await app.browser.waitUntil(async () => (await (await app.visible('draft-conflicts')).getAttribute('data-count')) === '1', {
        timeout: 10_000,
        timeoutMsg: 'the form did not show the double booking',
      });
      await app.click('cancel-button');
      await pause(300);
      await app.click('tab-conflicts');
      await app.visible('conflict');

      const { serious } = describeViolations('conflicts tab', await audit(app));
      await app.click('acknowledge-conflict');
      await app.fill('reason', 'The ambassador joins the reception late, by arrangement');
      await pause(300);
      serious.push(...describeViolations('acknowledge dialog', await audit(app)).serious);
      await app.save();
      await app.browser.waitUntil(
        async () => /by arrangement/.test(await (await app.visible('conflict')).getText()),
        { timeout: 10_000, timeoutMsg: 'the conflict was not shown as acknowledged' },
      );
      const stored = await app.invoke('conflicts_for_visit', { visitId });
      assert.equal(stored[0].acknowledgement?.reason, 'The ambassador joins the reception late, by arrangement');
      assert.deepEqual(serious, [], `serious or critical violations:\n  ${serious.join('\n  ')}`);

      // The acknowledgement is a change like any other on the dashboard (it once broke it).
      await app.nav('dashboard');
      const changes = await (await app.visible('recent-changes')).getText();
      assert.match(changes, /acknowledged a conflict The ambassador joins the reception late/);

      // The programme as a calendar file, read by an independent parser.
      const dir = mkdtempSync(join(tmpdir(), 'attache-ics-'));
      try {
        const path = join(dir, 'sialkot.ics');
        await app.invoke('calendar_export_visit', { visitId, path });
        const read = spawnSync('/usr/bin/python3', [readIcs, path], { encoding: 'utf8' });
        assert.equal(read.status, 0, read.stderr);
        const { zones, events } = JSON.parse(read.stdout);
        assert.deepEqual(zones, ['Asia/Karachi']);
        assert.deepEqual(
          events.map((e) => [e.summary, e.start]),
          [
            ['Tour of leading industrial units in Sialkot', '2026-01-28T05:00'],
            ['Meeting with SCCI office-bearers and the Sialkot business community', '2026-01-28T08:00'],
            ['Visit to the Sialkot Dry Port', '2026-01-29T05:00'],
          ],
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));
});
