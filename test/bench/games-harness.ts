// The bare games page (games-page.browser.ts) bundled and served with the games
// fixture pack: the mini-games without the app around them, for the games benchmark
// and the teardown end-to-end test.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGamesFixturePack } from '../e2e/games-fixture.ts';
import { bundleBrowserPage } from '../support/browser-page.ts';
import { startKioskWebServer } from '../support/kiosk-web-server.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export interface GamesPageServer {
  url: string;
  close(): Promise<void>;
}

function buildPage(dir: string): Promise<string> {
  return bundleBrowserPage(path.join(repo, 'test/bench/games-page.browser.ts'), dir, {
    title: 'games bench',
    style: 'html,body{margin:0;height:100%;overflow:hidden;background:#000}',
  });
}

/** Builds the page and the fixture pack into a temporary folder and serves both (with the kiosk's CSP). */
export async function startGamesPage(): Promise<GamesPageServer> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'games-page-'));
  try {
    await writeGamesFixturePack(path.join(work, 'pack'));
    await buildPage(path.join(work, 'page'));
    const server = await startKioskWebServer({ rendererDir: path.join(work, 'page'), packDir: path.join(work, 'pack') });
    return {
      url: server.url,
      async close() {
        await server.close();
        await rm(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}
