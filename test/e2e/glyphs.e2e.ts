// No missing-glyph boxes ("鲜□□", "条码" as "□□") on a machine without a CJK font of
// its own — Debian's Chromium here, CI, many kiosk images. The kiosk bundles Noto Sans
// SC, split into unicode-range chunks the browser fetches for DOM text only; so:
//   - every shopper-facing string of the demo pack, and the kiosk's own words, must
//     have its glyphs in the bundled font (Font Loading API, then a pixel comparison
//     with the box a font draws for a character it lacks);
//   - every text the screens show must be drawn in a font stack that reaches it;
//   - every string a game draws on its canvas must be drawn after its glyphs loaded.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { en } from '../../renderer/src/i18n/en.ts';
import { zhCN } from '../../renderer/src/i18n/zh-CN.ts';
import { scannableProduct, unknownEan13 } from '../support/pack-products.ts';
import { demoPackDir, expect, lastEventSeq, openKiosk, test, waitForAppEvent } from './fixtures.ts';
import { wedgeScan } from './scan-kiosk.ts';
import { ALL_DAY_DEMO_PACK, canvasDraws, glyphProblems, installGlyphChecks, recordCanvasText, screenGlyphProblems, screenshot, settle, writeAllDayDemoPack } from './shopper-screens.ts';

/** Every string under a localized text ({"zh-CN", "en"}) and the plain words a product shows (brand, certifications, batch). */
function shopperStrings(value: unknown, out: Set<string>, key = ''): Set<string> {
  if (typeof value === 'string') {
    if (['zh-CN', 'en', 'brand', 'batch', 'certifications'].includes(key)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) shopperStrings(item, out, key === 'certifications' ? key : '');
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) shopperStrings(v, out, k);
  }
  return out;
}

async function demoPackStrings(): Promise<string[]> {
  const out = new Set<string>();
  for (const folder of ['data', 'catalog']) {
    for (const file of await readdir(path.join(demoPackDir, folder))) {
      if (file.endsWith('.json')) shopperStrings(JSON.parse(await readFile(path.join(demoPackDir, folder, file), 'utf8')), out);
    }
  }
  return [...out];
}

function messages(tree: object): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : messages(v as object)));
}

test.describe('no missing glyphs', () => {
  test.use({ timezoneId: 'Asia/Shanghai', packDir: ALL_DAY_DEMO_PACK, config: { scanner: { camera: false } } });
  test.beforeAll(writeAllDayDemoPack);

  test('every shopper-facing string of the demo pack and every word of the kiosk has its glyphs in the bundled font, regular and bold', async ({ page, kiosk }) => {
    test.setTimeout(180_000);
    await openKiosk(page, kiosk);
    await installGlyphChecks(page);
    const pack = await demoPackStrings();
    expect(pack.length, 'strings found in the demo pack').toBeGreaterThan(300);
    // Dates, prices and numbers as the screens format them.
    const formatted = ['¥12.90', '¥1,299.00', '2026年11月25日 12:00', 'Nov 25, 2026, 12:00 PM', '0–4°C', '≥ 14°Brix', '1.5 kg', '—', '…', '·', '→', '↓'];
    const strings = [...pack, ...messages(zhCN), ...messages(en), ...formatted];
    for (const weight of ['400', '700']) {
      const problems = await glyphProblems(page, `${weight} 32px "Noto Sans SC"`, strings);
      expect(problems, `weight ${weight}`).toEqual([]);
    }
  });

  test('the screens draw their words in the bundled font: attract, home, games, offers, scan, a product, an unknown product — in Chinese and English', async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    const product = await scannableProduct(demoPackDir);
    const unknown = await unknownEan13(demoPackDir);
    await openKiosk(page, kiosk);
    await installGlyphChecks(page);
    const check = async (where: string) => {
      await settle(page);
      expect(await screenGlyphProblems(page), where).toEqual([]);
    };
    await check('attract');
    await page.getByTestId('attract').click();
    for (const locale of ['zh-CN', 'en'] as const) {
      if (locale === 'en') {
        await page.getByTestId('language-toggle').click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      }
      await expect(page.getByTestId('tile-scan')).toBeVisible();
      await check(`home ${locale}`);
      await page.getByTestId('tile-play').click();
      await check(`games ${locale}`);
      await page.getByTestId('home').click();
      await page.getByTestId('tile-offers').click();
      await check(`offers ${locale}`);
      await page.getByTestId('home').click();
      await page.getByTestId('tile-scan').click();
      await check(`scan ${locale}`);
      let before = await lastEventSeq(page);
      await wedgeScan(page, product.ean13);
      await waitForAppEvent(page, 'product-shown', { found: true }, before);
      await check(`product ${locale}`);
      before = await lastEventSeq(page);
      await wedgeScan(page, unknown);
      await waitForAppEvent(page, 'product-shown', { found: false }, before);
      await expect(page.getByTestId('product-unknown-code')).toContainText(unknown);
      await check(`unknown product ${locale}`);
      await screenshot(page, 'glyphs', `unknown-product-${locale}`);
      await page.getByTestId('home').click();
    }
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    test(`the games draw their words only once the glyphs are there, never as boxes (${locale})`, async ({ page, kiosk }) => {
      test.setTimeout(120_000);
      await recordCanvasText(page);
      // A fresh page: the DOM has fetched only the chunks of the words it showed itself.
      const games = JSON.parse(await readFile(path.join(demoPackDir, 'data', 'games.json'), 'utf8')) as { id: string; kind: string }[];
      await openKiosk(page, kiosk);
      await installGlyphChecks(page);
      await page.getByTestId('attract').click();
      if (locale === 'en') await page.getByTestId('language-toggle').click();
      await page.getByTestId('tile-play').click();
      for (const game of games.filter((g) => g.kind !== 'catch')) {
        const opened = await lastEventSeq(page);
        await page.getByTestId(`game-${game.id}`).click();
        await waitForAppEvent(page, 'game-ready', { id: game.id }, opened);
        const started = await lastEventSeq(page);
        await page.getByTestId('game-start').click();
        await waitForAppEvent(page, 'game-started', { id: game.id }, started);
        await settle(page);
        await screenshot(page, 'glyphs', `${game.kind}-${locale}`);
        const draws = await canvasDraws(page);
        expect(draws.length, `${game.id} drew its words`).toBeGreaterThan(0);
        expect(draws.filter((d) => !d.loaded), `${game.id}: drawn before its glyphs loaded`).toEqual([]);
        for (const draw of draws) expect(await glyphProblems(page, draw.font, [draw.text], false), `${game.id}: "${draw.text}"`).toEqual([]);
        await page.getByTestId('back').click();
      }
    });
  }
});
