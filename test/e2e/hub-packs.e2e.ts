// The console's Packs pages in Debian's Chromium against a real hub, with a real kiosk
// (the renderer in browser mode, enrolled with the hub) running the demo pack in store
// sh-001: a merchandiser signs in, uploads the demo pack with one price changed, sees
// that price in the diff against the store, sees it on both virtual kiosks (portrait and
// landscape, both languages), uploads a hostile archive that is refused with the same
// code a kiosk gives, and builds a pack in the browser from the one the store runs (a
// refused form field shown beside its input, a promotion's English banner uploaded among
// its other files, then the built pack in the list).
// Screenshots of the packs pages in both languages at 1280 and 1920 go to
// test-results/screenshots/console/ with the other console pages.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { APIRequestContext, Frame, Page } from '@playwright/test';
import { makeHostilePacks } from '../../content/lib/testing/hostile-packs.ts';
import { manualClock } from '../../hub/server/clock.ts';
import { startHub, type RunningHub } from '../../hub/server/start-hub.ts';
import type { KioskWebServer } from '../support/kiosk-web-server.ts';
import { demoPackDir, expect, repo, test } from './fixtures.ts';
import { repackDemo } from './hub-packs-demo.ts';
import { shoot, shootConsolePages, type ConsolePage } from './console-shots.ts';
import { CONSOLE_DIR, DEMO_KPACK, MERCHANDISER, ORANGE, openEnrolledKiosk, setUp, signIn, uploadPack } from './hub-packs-steps.ts';

const WORK = path.join(repo, 'test-results', `hub-packs-${process.pid}`);
/** Monday 7 December 2026, 10:00 in Shanghai. */
const MONDAY_10 = Date.parse('2026-12-07T10:00:00+08:00');

test.describe.configure({ mode: 'serial' });

interface Rig {
  hub: RunningHub;
  kiosks: KioskWebServer[];
  api: APIRequestContext;
}

/** The real kiosk in browser mode, enrolled with the hub, running the demo pack. */
async function openKiosk(page: Page, rig: Rig, token: string): Promise<void> {
  rig.kiosks.push(await openEnrolledKiosk(page, rig.hub, { kioskName: '入口橱窗', token }));
}

/** Waits until the renderer in `frame` has started (its app-ready event). */
async function kioskReady(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => window.__kioskTest?.events.some((e) => e.type === 'app-ready') ?? false, undefined, { timeout: 30_000 });
}

/** Waits for the product page in `frame`; if it never comes, says what the kiosk did instead. */
async function productShown(frame: Frame, o: string): Promise<void> {
  const seen = () => frame.evaluate(() => window.__kioskTest?.events.slice(-12).map((e) => `${e.type} ${JSON.stringify(e.detail)}`) ?? []);
  await frame.waitForFunction(() => window.__kioskTest?.events.some((e) => e.type === 'product-shown') ?? false, undefined, { timeout: 15_000 }).catch(async () => {
    throw new Error(`the ${o} preview showed no product; its last events:\n${(await seen()).join('\n')}`);
  });
}

async function previewFrames(page: Page): Promise<Record<'portrait' | 'landscape', Frame>> {
  const out = {} as Record<'portrait' | 'landscape', Frame>;
  for (const o of ['portrait', 'landscape'] as const) {
    const handle = await page.getByTestId(`preview-frame-${o}`).elementHandle();
    const frame = await handle!.contentFrame();
    if (!frame) throw new Error(`the ${o} preview has no frame`);
    out[o] = frame;
  }
  return out;
}
test('a merchandiser uploads a pack, compares it with a store, previews it on virtual kiosks, sees a hostile archive refused, and builds a pack in the browser', async ({ browser }) => {
  test.setTimeout(480_000);
  await mkdir(WORK, { recursive: true });
  const changed = await repackDemo(DEMO_KPACK, path.join(WORK, 'freshpick-1.0.1.kpack'), { gtin: `0${ORANGE.ean}`, price: ORANGE.after, version: '1.0.1' });
  const hostile = (await makeHostilePacks(path.join(WORK, 'hostile'))).cases.find((c) => c.code === 'zip-slip')!;
  const hostileFile = path.join(WORK, 'evil.kpack');
  await copyFile(hostile.file, hostileFile);
  // The English banner a merchandiser gives promotion 0 in the builder (a picture the pack check passes).
  const englishBanner = path.join(WORK, 'spring-fruit-en.webp');
  await copyFile(path.join(demoPackDir, 'media', 'promotions', 'weekend-fruit-en.webp'), englishBanner);

  const clock = manualClock(MONDAY_10);
  const hub = await startHub({ port: 0, dataDir: path.join(WORK, 'hub'), clock, logger: false, jobs: false, options: { consoleDir: CONSOLE_DIR } });
  const rig: Rig = { hub, kiosks: [], api: null as unknown as APIRequestContext };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const { admin, csrf, token } = await setUp(page, hub);
    rig.api = admin;
    // The pack the store runs now is on the hub too.
    await uploadPack({ api: admin, csrf }, DEMO_KPACK);

    const kioskPage = await browser.newPage({ viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await openKiosk(kioskPage, rig, token);
    await expect.poll(async () => (await hub.store.db.selectFrom('kiosks').select('heartbeat').executeTakeFirst())?.heartbeat ?? null, { timeout: 40_000 }).toContain('freshpick-demo');
    // What the store runs is on the hub now (its clock stands still, so the kiosk stays
    // online): the kiosk's attract loop need not run through the rest on the machine's CPU.
    await kioskPage.close();

    // The merchandiser uploads the changed pack a minute later: progress, then the pack kept.
    clock.set(MONDAY_10 + 60_000);
    await signIn(page, hub.url, MERCHANDISER);
    await page.getByTestId('menu-packs').click();
    await expect(page.getByTestId('pack-row')).toHaveCount(1);
    await page.getByTestId('pack-file').setInputFiles(changed);
    await expect(page.getByTestId('pack-kept')).toContainText('freshpick-demo 1.0.1', { timeout: 60_000 });
    await expect(page.getByTestId('pack-row')).toHaveCount(2);
    await expect(page.getByTestId('pack-row').first().getByTestId('pack-version')).toHaveText('1.0.1');

    // The diff against the store's kiosks: that one price, and nothing else about products.
    await page.getByTestId('pack-kept-diff').click();
    const diff = page.getByTestId('pack-diff');
    await expect(diff).toBeVisible();
    const priceRow = page.getByTestId('diff-price');
    await expect(priceRow).toHaveCount(1, { timeout: 20_000 });
    await expect(priceRow).toContainText(ORANGE.zh);
    await expect(priceRow).toContainText('15.80');
    await expect(priceRow).toContainText('16.80');
    await expect(page.getByTestId('diff-versus')).toContainText('1.0.0');
    await shoot(page, 'pack-diff-zh-1280');

    // The preview: both orientations show the new price when the code is typed.
    await page.getByTestId('pack-view-preview').click();
    const frames = await previewFrames(page);
    await Promise.all([kioskReady(frames.portrait), kioskReady(frames.landscape)]);
    await page.getByTestId('preview-code').fill(ORANGE.ean);
    await page.getByTestId('preview-scan').click();
    for (const o of ['portrait', 'landscape'] as const) {
      await productShown(frames[o], o);
      const price = frames[o].getByTestId('product-price');
      await expect(price, o).toContainText('16.80', { timeout: 15_000 });
      await expect(frames[o].locator('body'), o).toContainText(ORANGE.zh);
    }
    await shoot(page, 'pack-preview-zh-1280');
    // In English too.
    await page.getByTestId('preview-locale-en').click();
    // The frames are replaced by English ones: wait for those, not the Chinese ones still on screen.
    for (const o of ['portrait', 'landscape'] as const) await expect(page.getByTestId(`preview-frame-${o}`)).toHaveAttribute('src', /\/en\//);
    const english = await previewFrames(page);
    await Promise.all([kioskReady(english.portrait), kioskReady(english.landscape)]);
    await page.getByTestId('preview-scan').click();
    for (const o of ['portrait', 'landscape'] as const) {
      await productShown(english[o], o);
      await expect(english[o].getByTestId('product-price'), o).toContainText('16.80', { timeout: 15_000 });
      await expect(english[o].locator('body'), o).toContainText(ORANGE.en);
    }
    await shoot(page, 'pack-preview-en-kiosk-1280');

    // A hostile archive is refused with the kiosk's code, and nothing is kept.
    await page.getByTestId('menu-packs').click();
    await page.getByTestId('pack-file').setInputFiles(hostileFile);
    const report = page.getByTestId('pack-report');
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report).toHaveAttribute('data-code', 'zip-slip');
    await expect(page.getByTestId('pack-report-code')).toHaveText('zip-slip');
    await expect(page.getByTestId('pack-report-explained')).toHaveText('拒绝：包里的文件想写到包外面');
    await expect(page.getByTestId('pack-row')).toHaveCount(2);
    await shoot(page, 'packs-refused-zh-1280');

    // Built in the browser: a draft from the pack the store runs, a campaign's odds refused
    // by the pack schema and then taken, a new version, and the built pack in the list.
    await page.getByTestId('packs-tab-packBuilder').click();
    await page.getByTestId('draft-name').fill('春季促销');
    await page.getByTestId('draft-from').selectOption('store');
    await page.getByTestId('draft-store').selectOption('sh-001');
    await page.getByTestId('draft-create').click();
    await expect(page.getByTestId('draft-line')).toContainText('freshpick-demo', { timeout: 30_000 });
    const draftUrl = new URL(page.url()).pathname;
    await page.getByTestId('draft-section-pack').click();
    await page.getByTestId('pack-version').fill('1.1.0');
    await page.getByTestId('form-pack-save').click();
    await expect(page.getByTestId('form-pack-saved')).toBeVisible();
    await page.getByTestId('draft-section-campaigns').click();
    await page.getByTestId('campaign-0-award-0-odds').fill('1.5');
    await page.getByTestId('form-campaigns-save').click();
    await expect(page.getByTestId('campaign-0-award-0').getByTestId('field-problem')).toBeVisible();
    await expect(page.getByTestId('form-campaigns-error')).toBeVisible();
    await shoot(page, 'pack-builder-refused-zh-1280');
    await page.getByTestId('campaign-0-award-0-odds').fill('0.2');
    await page.getByTestId('form-campaigns-save').click();
    await expect(page.getByTestId('form-campaigns-saved')).toBeVisible();
    await expect(page.getByTestId('field-problem')).toHaveCount(0);
    // Promotion 0's other files: the English banner the demo pack gives is removed, a new one
    // uploaded in its place; folded, the summary counts it; saved, the draft holds it.
    await page.getByTestId('draft-section-promotions').click();
    const otherFiles = page.getByTestId('promotion-0-image-variants-summary');
    await expect(otherFiles).toHaveText('另换的文件（1 个）');
    await otherFiles.click();
    await page.getByTestId('promotion-0-image-en-remove').click();
    await expect(otherFiles).toHaveText('另换的文件');
    await page.getByTestId('promotion-0-image-en-file').setInputFiles(englishBanner);
    await expect(page.getByTestId('promotion-0-image-en-uploaded')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('promotion-0-image-en')).toHaveValue('media/promotions/spring-fruit-en.webp');
    await otherFiles.click();
    await expect(page.getByTestId('promotion-0-image-en')).toBeHidden();
    await expect(otherFiles).toHaveText('另换的文件（1 个）');
    await page.getByTestId('form-promotions-save').click();
    await expect(page.getByTestId('form-promotions-saved')).toBeVisible();
    const draftId = draftUrl.split('/').pop()!;
    const draftRead = await admin.get(`/api/pack-drafts/${draftId}`);
    expect(draftRead.status(), await draftRead.text()).toBe(200);
    const savedDraft = (await draftRead.json()) as { promotions: { image?: unknown }[] };
    expect(savedDraft.promotions[0]!.image).toEqual({ src: 'media/promotions/weekend-fruit.webp', en: 'media/promotions/spring-fruit-en.webp' });
    clock.set(MONDAY_10 + 120_000);
    await page.getByTestId('draft-section-build').click();
    await page.getByTestId('draft-build-button').click();
    await expect(page.getByTestId('draft-built')).toContainText('1.1.0', { timeout: 90_000 });
    await page.getByTestId('menu-packs').click();
    await expect(page.getByTestId('pack-row')).toHaveCount(3);
    await expect(page.getByTestId('pack-row').first().getByTestId('pack-version')).toHaveText('1.1.0');

    // Every packs page, in both languages, on a laptop and a large screen, reached as a
    // merchandiser reaches them: the menu, the packs' tabs, a pack's row and its views,
    // the draft's row and its sections.
    const packId = await page.getByTestId('pack-row').filter({ hasText: '1.0.1' }).getAttribute('data-pack-id');
    const tab = (name: string) => page.locator(`[data-testid="packs-tab-${name}"][aria-current="page"]`);
    const packView = (view: string) => page.locator(`[data-testid="pack-view-${view}"][aria-selected="true"]`);
    const section = (name: string) => page.locator(`[data-testid="draft-section-${name}"][aria-selected="true"]`);
    const click = (testId: string) => () => page.getByTestId(testId).click();
    const pages: ConsolePage[] = [
      { name: 'packs', address: '/console/packs', open: click('menu-packs'), shown: tab('packs') },
      {
        name: 'pack-preview',
        address: `/console/packs/${packId}?view=preview`,
        open: async () => {
          await page.getByTestId('pack-row').filter({ hasText: '1.0.1' }).click();
          await page.getByTestId('pack-view-preview').click();
        },
        shown: packView('preview'),
        // The virtual kiosks play their attract loop: wait for both to have started.
        ready: async () => void (await Promise.all(Object.values(await previewFrames(page)).map(kioskReady))),
      },
      { name: 'pack-diff', address: `/console/packs/${packId}?view=diff&store=sh-001`, open: click('pack-view-diff'), shown: page.getByTestId('diff-price') },
      { name: 'pack-publish', address: `/console/packs/${packId}?view=publish`, open: click('pack-view-publish'), shown: page.getByTestId('pack-publish') },
      { name: 'pack-builder', address: '/console/packs/build', open: click('packs-tab-packBuilder'), shown: page.getByTestId('draft-row') },
      {
        name: 'pack-draft',
        address: `${draftUrl}?section=campaigns`,
        open: async () => {
          await page.getByTestId('draft-row').getByRole('link').click();
          await page.getByTestId('draft-section-campaigns').click();
        },
        shown: section('campaigns'),
      },
      {
        name: 'pack-builder-variants',
        address: `${draftUrl}?section=promotions`,
        open: click('draft-section-promotions'),
        shown: section('promotions'),
        // Promotion 0's other files, opened and in view.
        ready: async () => {
          await page.getByTestId('promotion-0-image-variants-summary').click();
          await page.getByTestId('promotion-0-image-en').scrollIntoViewIfNeeded();
        },
      },
      { name: 'pack-builder-playlists', address: `${draftUrl}?section=playlists`, open: click('draft-section-playlists'), shown: section('playlists') },
      { name: 'pack-publishing', address: '/console/packs/publishing', open: click('packs-tab-rollouts'), shown: tab('rollouts') },
      { name: 'pack-keys', address: '/console/packs/keys', open: click('packs-tab-packKeys'), shown: tab('packKeys') },
    ];
    await shootConsolePages(page, hub.url, '/console/packs', pages);
  } finally {
    await Promise.all(rig.kiosks.map((k) => k.close()));
    await rig.api?.dispose();
    await hub.close();
  }
});
