// The hub's console in Debian's Chromium with a real kiosk beside it (the kiosk renderer
// in browser mode, enrolled with the hub): sign in, enrol the kiosk, see it online, send
// it commands and see their results, and alerts that know the store's opening hours —
// the hub's clock is moved by the test. Screenshots of every console page in both
// languages go to test-results/screenshots/console/.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { evaluateAlerts } from '../../hub/server/alerts/alert-job.ts';
import { manualClock } from '../../hub/server/clock.ts';
import { startHub, BUILT_CONSOLE_DIR, type RunningHub } from '../../hub/server/start-hub.ts';
import { openAlerts } from '../../hub/store/queries/alerts.ts';
import { startKioskWebServer, type KioskWebServer } from '../support/kiosk-web-server.ts';
import { shoot, shootConsolePages, type ConsolePage } from './console-shots.ts';
import { makeToken, setUpAdmin } from './console-steps.ts';
import { demoPackDir, expect, repo, rendererDir, test, waitForAppEvent } from './fixtures.ts';

/** Monday 7 December 2026, 10:00 in Shanghai: the demo stores are open. */
const MONDAY_10 = Date.parse('2026-12-07T10:00:00+08:00');
const MIN = 60_000;

interface Rig {
  hub: RunningHub;
  clock: ReturnType<typeof manualClock>;
  kiosks: KioskWebServer[];
}

async function startRig(): Promise<Rig> {
  const clock = manualClock(MONDAY_10);
  const hub = await startHub({ port: 0, dataDir: path.join(repo, 'test-results', `hub-e2e-${process.pid}-${Date.now()}`), clock, logger: false, jobs: false, options: { consoleDir: BUILT_CONSOLE_DIR } });
  return { hub, clock, kiosks: [] };
}

async function stopRig(rig: Rig) {
  await Promise.all(rig.kiosks.map((k) => k.close()));
  await rig.hub.close();
}

/** Opens the real kiosk renderer (browser mode) with hub settings; resolves once it is enrolled. */
async function openKioskWith(page: Page, rig: Rig, token: string, kioskName: string): Promise<void> {
  const kiosk = await startKioskWebServer({
    rendererDir,
    packDir: demoPackDir,
    config: { storeId: 'sh-001', kioskName, hub: { url: rig.hub.url, enrolmentToken: token, heartbeatSec: 15 } },
    connectOrigins: [new URL(rig.hub.url).origin],
  });
  rig.kiosks.push(kiosk);
  await page.goto(kiosk.url);
  await waitForAppEvent(page, 'hub-status', { state: 'enrolled' }, 0, 30_000);
}

test.describe.configure({ mode: 'serial' });

test('an admin adds a store, enrols a kiosk, sees it online, and a command goes to it and back', async ({ browser }) => {
  test.setTimeout(120_000);
  const rig = await startRig();
  try {
    const console = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await setUpAdmin(console, rig.hub.setupUrl!);
    const token = await makeToken(console, 'sh-001');

    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await openKioskWith(kioskPage, rig, token, '橱窗 1');

    await console.getByTestId('menu-fleet').click();
    const row = console.getByTestId('fleet-row').filter({ hasText: '橱窗 1' });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await expect(row.getByTestId('fleet-status')).toHaveText('在线', { timeout: 30_000 });
    await expect(console.getByTestId('fleet-count-online')).toContainText('1');

    await row.click();
    await expect(console.getByTestId('kiosk-name')).toHaveText('橱窗 1');
    // Its last heartbeat's age counts from the hub's time, as "online" does: the hub's clock
    // stands at 10:00 on 7 December 2026, whatever the browser's says.
    await expect(console.getByTestId('kiosk-status')).toHaveText('在线');
    await expect(console.getByTestId('kiosk-heartbeat')).toHaveText(/^刚刚 \(/);
    // The pack it shows arrives with a heartbeat (every 15 s here).
    await expect(async () => {
      await console.reload();
      await expect(console.getByTestId('kiosk-details')).toContainText('freshpick-demo', { timeout: 8_000 });
    }).toPass({ timeout: 60_000 });

    // A screenshot needs the kiosk app: the browser-mode kiosk says so, and the console shows it.
    await console.getByTestId('command-screenshot').click();
    const first = console.getByTestId('command-row').first();
    await expect(first).toHaveAttribute('data-state', 'failed', { timeout: 45_000 });
    await expect(first.getByTestId('command-message')).toContainText('browser mode');
    await waitForAppEvent(kioskPage, 'hub-command', { kind: 'screenshot', ok: false }, 0, 5_000);

    // Upload events now: the kiosk wakes its uploader and says it did.
    await console.getByTestId('command-upload-events').click();
    await expect(console.getByTestId('command-row').first()).toHaveAttribute('data-state', 'done', { timeout: 45_000 });

    // The audit log has every change, under the admin's name.
    await console.getByTestId('menu-audit').click();
    await expect(console.getByTestId('audit-list')).toContainText('command.sent');
    await expect(console.getByTestId('audit-list')).toContainText('kiosk.enrolled');
  } finally {
    await stopRig(rig);
  }
});

test('an alert is raised when a kiosk stops while its store is open, and none while it is closed', async ({ browser }) => {
  test.setTimeout(120_000);
  const rig = await startRig();
  try {
    const console = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await setUpAdmin(console, rig.hub.setupUrl!);
    const token = await makeToken(console, 'sh-001');
    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await openKioskWith(kioskPage, rig, token, '橱窗 1');
    await expect.poll(async () => (await rig.hub.store.db.selectFrom('kiosks').select('last_heartbeat_at').executeTakeFirst())?.last_heartbeat_at ?? null, { timeout: 30_000 }).not.toBeNull();

    // The kiosk goes dark at 10:00 on a Monday; 14 minutes later nothing yet, at 16 the alert.
    await kioskPage.close();
    rig.clock.advance(14 * MIN);
    await evaluateAlerts(rig.hub.hub);
    expect(await openAlerts(rig.hub.store)).toEqual([]);
    rig.clock.advance(2 * MIN);
    await evaluateAlerts(rig.hub.hub);
    await console.getByTestId('menu-alerts').click();
    const alert = console.getByTestId('alert-row');
    await expect(alert).toHaveCount(1);
    await expect(alert).toHaveAttribute('data-alert-kind', 'offline');
    await expect(alert).toContainText('橱窗 1');
    await shoot(console, 'alerts-offline-zh-1280');
  } finally {
    await stopRig(rig);
  }

  // The store added in the console opens 10:00–22:00. A kiosk that goes dark at 22:30,
  // after closing, raises nothing overnight nor in the first quarter hour after opening.
  const night = await startRig();
  try {
    night.clock.set(Date.parse('2026-12-07T22:30:00+08:00'));
    const console = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await setUpAdmin(console, night.hub.setupUrl!);
    const token = await makeToken(console, 'sh-001');
    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await openKioskWith(kioskPage, night, token, '橱窗 夜');
    await expect.poll(async () => (await night.hub.store.db.selectFrom('kiosks').select('last_heartbeat_at').executeTakeFirst())?.last_heartbeat_at ?? null, { timeout: 30_000 }).not.toBeNull();
    await kioskPage.close();
    for (const local of ['2026-12-07T23:00:00', '2026-12-08T03:00:00', '2026-12-08T09:59:00', '2026-12-08T10:10:00']) {
      night.clock.set(Date.parse(`${local}+08:00`));
      await evaluateAlerts(night.hub.hub);
    }
    expect(await openAlerts(night.hub.store)).toEqual([]);
    night.clock.set(Date.parse('2026-12-08T10:16:00+08:00'));
    await evaluateAlerts(night.hub.hub);
    expect((await openAlerts(night.hub.store)).map((a) => a.kind)).toEqual(['offline']);
  } finally {
    await stopRig(night);
  }
});

test('every console page, in Chinese and in English, on a laptop and a large screen, with no text running out of its box', async ({ browser }) => {
  test.setTimeout(300_000); // forty pages, each waiting for its data
  const rig = await startRig();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await setUpAdmin(page, rig.hub.setupUrl!);
    const token = await makeToken(page, 'sh-001');
    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await openKioskWith(kioskPage, rig, token, '入口橱窗');
    const deviceId = (await rig.hub.store.db.selectFrom('kiosks').select('device_id').executeTakeFirstOrThrow()).device_id;
    await expect.poll(async () => (await rig.hub.store.db.selectFrom('kiosks').select('last_heartbeat_at').executeTakeFirst())?.last_heartbeat_at ?? null, { timeout: 30_000 }).not.toBeNull();
    // Its heartbeat is in (the hub's clock stands still, so it stays online): the kiosk's
    // attract loop need not run through the tour on the machine's CPU.
    await kioskPage.close();

    // Each page as an admin reaches it: the kiosk from its row on the fleet page, the others
    // from the menu; each is open once what only it shows is there: its menu entry marked
    // current, the kiosk's name.
    const menuPage = (name: string, address: string): ConsolePage => ({ name, address, open: () => page.getByTestId(`menu-${name}`).click(), shown: page.locator(`[data-testid="menu-${name}"][aria-current="page"]`) });
    const pages: ConsolePage[] = [
      {
        ...menuPage('fleet', '/console/'),
        // A large screen shows the fleet table whole, every column in view.
        ready: async () => {
          if (page.viewportSize()!.width < 1920) return;
          const table = page.getByTestId('fleet-table');
          expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth), 'the fleet table scrolls sideways at 1920').toBeLessThanOrEqual(0);
        },
      },
      {
        name: 'kiosks',
        address: `/console/kiosks/${deviceId}`,
        open: async () => {
          await page.getByTestId('menu-fleet').click();
          await page.getByTestId('fleet-row').filter({ hasText: '入口橱窗' }).click();
        },
        shown: page.getByTestId('kiosk-name'),
      },
      ...['analytics', 'till', 'coupons', 'stores', 'enrolment', 'alerts', 'users', 'audit'].map((name) => menuPage(name, `/console/${name}`)),
    ];
    await shootConsolePages(page, rig.hub.url, '/console/', pages);
    // The sign-in page too.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-form').waitFor();
    await shoot(page, 'login-zh-1280');
  } finally {
    await stopRig(rig);
  }
});
