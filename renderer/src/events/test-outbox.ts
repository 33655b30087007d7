// For the events tests (unit and delivery): a fresh outbox database and a tracker on it.
import { createTracker, type TrackerSource } from './create-tracker.ts';
import { Outbox } from './outbox.ts';
import { openOutboxDb } from './outbox-db.ts';

let dbCounter = 0;

export function uniqueDbName(label: string): string {
  return `test-outbox-${label}-${Date.now()}-${dbCounter++}`;
}

export const TEST_SOURCE: TrackerSource = {
  deviceId: 'dev-1',
  bootId: 'boot-1',
  storeId: 'sh-001',
  app: { name: 'Shopfront Kiosk', version: '0.1.0' },
  anonymousId: () => 'session-1',
  locale: () => 'zh-CN',
  pack: () => ({ packId: 'demo', version: '1.0.0' }),
  screen: () => ({ width: 1080, height: 1920, density: 1 }),
};

export function openTestOutbox(name: string, budgetBytes = 50_000_000) {
  const outbox = new Outbox(openOutboxDb(name), { budgetBytes });
  return { outbox, tracker: createTracker(outbox, TEST_SOURCE) };
}
