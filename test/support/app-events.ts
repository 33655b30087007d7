// Waiting on the kiosk's app events from a test or a benchmark. Names and payloads come
// from the renderer's catalogue, so a renamed event fails to compile here.
import type { Page } from '@playwright/test';
import type { AppEvent, AppEventMap, AppEventName } from '../../renderer/src/test-hook/app-event-catalogue.ts';

export type { AppEvent, AppEventMap, AppEventName };

/** A field-by-field match against an app event's payload: every field named must be equal. */
export type AppEventMatch<K extends AppEventName> = AppEventMap[K] extends infer D ? (D extends unknown ? Partial<D> : never) : never;

/** Waits for an app event of `type` whose detail contains `match`, newer than `after`. */
export async function waitForAppEvent<K extends AppEventName>(
  page: Page,
  type: K,
  match: AppEventMatch<K> | Record<string, never> = {},
  after = 0,
  timeout = 15_000,
): Promise<AppEvent<K>> {
  const handle = await page
    .waitForFunction(
      ({ type, match, after }) =>
        window.__kioskTest?.events.find(
          (e) => e.seq > after && e.type === type && Object.entries(match).every(([k, v]) => (e.detail as Record<string, unknown>)[k] === v),
        ) ?? null,
      { type, match: match as Record<string, unknown>, after },
      { timeout },
    )
    .catch(async (err: unknown) => {
      // A wait that times out says what the kiosk did meanwhile, so the failure explains itself.
      const last = await page.evaluate((after) => window.__kioskTest?.events.filter((e) => e.seq > after).slice(-15) ?? [], after).catch(() => null);
      const seen = last === null ? 'the page could not be read' : last.length ? last.map((e) => `${e.seq} ${e.type} ${JSON.stringify(e.detail)}`).join('\n  ') : 'none';
      throw new Error(`no "${type}" app event matching ${JSON.stringify(match)} after seq ${after} within ${timeout} ms; the kiosk's app events since:\n  ${seen}`, { cause: err });
    });
  // Released once read: DevTools keeps every handle it gave out alive for the page's
  // life, and a soak waits on thousands of events (its heap figure counted them).
  try {
    return (await handle.jsonValue()) as AppEvent<K>;
  } finally {
    await handle.dispose();
  }
}

/** The app events of one name so far, newer than `after`, oldest first. */
export async function appEvents<K extends AppEventName>(page: Page, type: K, after = 0): Promise<AppEvent<K>[]> {
  const events = await page.evaluate(({ type, after }) => window.__kioskTest?.events.filter((e) => e.type === type && e.seq > after) ?? [], { type, after });
  return events as AppEvent<K>[];
}

/** The names of every app event newer than `after`, in order. */
export async function appEventNames(page: Page, after = 0): Promise<AppEventName[]> {
  return page.evaluate((after) => window.__kioskTest?.events.filter((e) => e.seq > after).map((e) => e.type) ?? [], after);
}

/** The seq of the newest app event, to wait for events after it. */
export async function lastEventSeq(page: Page): Promise<number> {
  return page.evaluate(() => window.__kioskTest?.events.at(-1)?.seq ?? 0);
}

/** Whether the game `id` has sent `game-finished` since `after`: a check to poll while playing. */
export function gameFinished(page: Page, id: string, after = 0): () => Promise<boolean> {
  return () => page.evaluate(({ id, after }) => window.__kioskTest?.events.some((e) => e.seq > after && e.type === 'game-finished' && e.detail.id === id) ?? false, { id, after });
}

/**
 * Moves the page's clock (installed with `page.clock.install()` before the page loaded)
 * forward a step at a time until an app event of `type` matching `match` comes after
 * `after`, and returns it: the kiosk's idle and coupon timeouts pass in a moment instead
 * of in real seconds. Each step fires the timers due once (the idle check, a frame), as
 * time passing would; gives up once `limitMs` of page time has passed.
 */
export async function fastForwardUntilAppEvent<K extends AppEventName>(page: Page, type: K, match: AppEventMatch<K> | Record<string, never>, after: number, limitMs: number, stepMs = 500): Promise<AppEvent<K>> {
  for (let passed = 0; ; passed += stepMs) {
    const [found] = (await appEvents(page, type, after)).filter((e) => Object.entries(match).every(([k, v]) => (e.detail as Record<string, unknown>)[k] === v));
    if (found) return found;
    if (passed >= limitMs) break;
    await page.clock.fastForward(stepMs);
  }
  return waitForAppEvent(page, type, match, after, 1);
}
