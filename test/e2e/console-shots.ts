// Screenshots of console pages in both languages, on a laptop and a large screen. The
// pages are reached as a person reaches them — one page load per language and screen,
// then the menu, tabs and rows — and each is shot once what only it shows is there and
// nothing on it still says it is loading; none may be wider than the window.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { commonMessages } from '../../hub/console/src/i18n/common-messages.ts';
import { repo } from './fixtures.ts';

const CONSOLE_SHOTS = path.join(repo, 'test-results', 'screenshots', 'console');

export interface ConsolePage {
  /** Names the screenshot: `<name>-<zh|en>-<width>.png`. */
  name: string;
  /** Where the page is once open: a path, with its query where the page has one. */
  address: string;
  /** Goes there from the page before. */
  open: () => Promise<void>;
  /** What only this page shows, once its data is in. */
  shown: Locator;
  /** Anything more to wait for or do before the shot. */
  ready?: () => Promise<void>;
}

export async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(CONSOLE_SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(CONSOLE_SHOTS, `${name}.png`), fullPage: false });
}

/**
 * English text whose apostrophes or quotes are drawn full-width (as a Chinese face draws
 * them: "kiosk’ s"), each with the words around it.
 */
async function widePunctuation(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const wide: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      const size = parseFloat(getComputedStyle(node.parentElement!).fontSize);
      for (let i = 0; i < text.length; i++) {
        if (!'‘’“”'.includes(text[i]!)) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        if (range.getBoundingClientRect().width > 0.5 * size) wide.push(text.slice(Math.max(0, i - 15), i + 15));
      }
    }
    return wide;
  });
}

/**
 * Table headers whose text does not fit their cell — cut with "…", clipped, or running into
 * the next header: a header must say what its column holds.
 */
async function cutHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('th, [role="columnheader"]')]
      .filter((cell) => {
        if (cell.offsetParent === null) return false;
        const box = cell.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(cell);
        const text = range.getBoundingClientRect();
        const outside = text.left < box.left - 1 || text.right > box.right + 1 || text.bottom > box.bottom + 1;
        return outside || cell.scrollWidth > cell.clientWidth + 1;
      })
      .map((cell) => cell.textContent?.trim() ?? ''),
  );
}

/** Shoots `pages` in Chinese then English, each at 1280 and 1920 wide, starting from `start` (a path); ends back in Chinese, 1920 wide. */
export async function shootConsolePages(page: Page, hubUrl: string, start: string, pages: readonly ConsolePage[]): Promise<void> {
  for (const language of ['zh', 'en'] as const) {
    const loading = commonMessages[language === 'zh' ? 'zh-CN' : 'en'].loading;
    for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
      await page.setViewportSize(viewport);
      await page.goto(hubUrl + start);
      await page.getByTestId('menu').waitFor();
      for (const { name, address, open, shown, ready } of pages) {
        await open();
        await expect(shown, `${name} ${language} ${viewport.width}`).toBeVisible();
        await expect.poll(() => { const url = new URL(page.url()); return url.pathname + url.search; }).toBe(address);
        await expect(page.getByText(loading)).toHaveCount(0);
        await ready?.();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        expect(overflow, `${name} ${language} ${viewport.width}`).toBe(false);
        expect(await cutHeaders(page), `${name} ${language} ${viewport.width}: table headers cut short`).toEqual([]);
        if (language === 'en') expect(await widePunctuation(page), `${name} en ${viewport.width}: full-width quotes in English`).toEqual([]);
        await shoot(page, `${name}-${language}-${viewport.width}`);
      }
    }
    await page.getByTestId('language-toggle').click();
  }
}
