// A month of a fleet for the dashboards: synthetic shopper sessions from 200 kiosks in
// 20 stores over 30 days (about 10 M events), written straight through the hub's own
// ingest (with its rollups), its days' daily rollups built as the hub's job builds them,
// then every dashboard query timed through the API.
import { buildDueDays, GRACE_MS } from '../../../hub/store/queries/day-rollups.ts';
import { ingestBatches, type AcceptedMessage, type IngestBatch } from '../../../hub/store/queries/ingest.ts';
import type { HubStore } from '../../../hub/store/open-store.ts';
import type { SeededKiosk } from './seed-kiosks.ts';

const DAY = 86_400_000;
const GTINS = Array.from({ length: 400 }, (_, i) => withCheckDigit(`0690${String(100000000 + i * 7919).slice(0, 9)}`));

function withCheckDigit(thirteen: string): string {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(thirteen[i]) * (i % 2 === 0 ? 3 : 1);
  return thirteen + ((10 - (sum % 10)) % 10);
}

/** A small, fast, seeded generator (mulberry32): the same month every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LoadPlan {
  kiosks: readonly SeededKiosk[];
  days: number;
  /** Sessions per kiosk per day, on average. */
  sessionsPerDay: number;
  end: number;
}

/** One kiosk's day of sessions as the kiosk would send them: a realistic mix of events. */
function dayOfKiosk(kiosk: SeededKiosk, dayStart: number, plan: LoadPlan, seqStart: number, rnd: () => number): AcceptedMessage[] {
  const out: AcceptedMessage[] = [];
  let seq = seqStart;
  const pack = dayStart < plan.end - 15 * DAY ? 'spring-2026@1.3.0' : 'spring-2026@1.4.0';
  const add = (at: number, anonymousId: string, event: string, properties: Record<string, unknown>) => {
    seq += 1;
    out.push({ messageId: `${kiosk.deviceId}-${seq}`, seq, event, originalAt: at, json: `{"m":${seq}}`, properties, anonymousId, pack });
  };
  const sessions = Math.round(plan.sessionsPerDay * (0.6 + rnd() * 0.8));
  for (let s = 0; s < sessions; s++) {
    // Busier at lunch and after work (store hours 09–21, UTC+8 → 01–13 UTC).
    const hour = 1 + Math.floor(12 * Math.sqrt(rnd()));
    let at = dayStart + hour * 3_600_000 + Math.floor(rnd() * 3_600_000);
    const id = `${kiosk.deviceId}-s-${dayStart}-${s}`;
    const trigger = rnd() < 0.7 ? 'touch' : rnd() < 0.6 ? 'scan' : 'gesture';
    add(at, id, 'Attract Woken', { trigger });
    add(at, id, 'Session Started', { trigger });
    add((at += 800), id, 'Screen Viewed', { screen: 'home' });
    const roll = rnd();
    if (roll < 0.45) {
      const n = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        const found = rnd() < 0.85;
        const gtin = GTINS[Math.floor(rnd() * rnd() * GTINS.length)]!;
        add((at += 5000), id, 'Barcode Scanned', { source: rnd() < 0.8 ? 'scanner' : 'camera', code_type: 'ean-13', recognised: true, lookup: found ? 'hit' : 'miss', product_id: gtin });
        add((at += 300), id, found ? 'Product Viewed' : 'Product Not Found', found ? { product_id: gtin, sku: 'x', category: 'fruit', name: 'x', price: 9.9, currency: 'CNY', via: 'scan' } : { product_id: gtin, code_type: 'ean-13', source: 'scanner', reason: 'not-in-catalog' });
      }
    } else if (roll < 0.8) {
      add((at += 3000), id, 'Screen Viewed', { screen: 'games' });
      const game = ['catch', 'wheel', 'scratch'][Math.floor(rnd() * 3)]!;
      add((at += 4000), id, 'Game Started', { game_id: game, game_kind: game, difficulty: 'normal', duration_sec: 30 });
      const completed = rnd() < 0.8;
      const drawn = completed && rnd() < 0.7;
      const odds = game === 'wheel' ? 0.25 : 0.1;
      const won = drawn && rnd() < odds;
      add((at += 30_000), id, 'Game Finished', {
        game_id: game, game_kind: game, completed, score: 10, duration_ms: 30000, stats: {}, prize_outcome: won ? 'won' : completed ? 'none' : 'undecided',
        prize_reason: won ? null : drawn ? 'unlucky' : 'score-too-low', campaign_id: won ? `${game}-coupon` : null, prize_seed: 's', prize_draw: drawn ? 0.5 : null,
        prize_odds: drawn ? { [`${game}-coupon`]: odds } : null,
      });
      if (won) {
        add((at += 500), id, 'Coupon Issued', {
          coupon_id: `${kiosk.deviceId}-c-${seq}`, campaign_id: `${game}-coupon`, game_id: game, kiosk_id: kiosk.deviceId.slice(0, 8), key_id: 'k', kiosk_coupon_seq: seq,
          issued_at: new Date(at).toISOString(), expires_at: new Date(at + DAY).toISOString(), reward_kind: 'amount-off', reward_value: 500, token: 'T'.repeat(152),
        });
      }
    } else {
      add((at += 3000), id, 'Screen Viewed', { screen: 'offers' });
      add((at += 1000), id, 'Promotion Viewed', { promotion_id: 'p1', name: 'x', position: 1, via: 'offers' });
    }
    if (rnd() < 0.2) add((at += 2000), id, 'Gesture Used', { gesture: 'pinch' });
    const duration = at - (dayStart + hour * 3_600_000);
    add((at += 45_000), id, 'Session Ended', { reason: 'idle', duration_ms: Math.max(5000, duration) });
  }
  return out;
}

/**
 * Loads the month into the store through the hub's ingest; returns how many events and
 * how long it took. Uploads of 500 events, a few kiosks' uploads to a transaction, as
 * the hub's group commit stores a busy fleet's.
 */
export async function loadMonth(store: HubStore, plan: LoadPlan, onProgress: (events: number) => void): Promise<{ events: number; seconds: number }> {
  const seqs = new Map<string, number>();
  let events = 0;
  const started = performance.now();
  let group: IngestBatch[] = [];
  const flush = async () => {
    await ingestBatches(store, group);
    group = [];
  };
  for (let d = plan.days; d >= 1; d--) {
    const dayStart = plan.end - d * DAY;
    for (const [i, kiosk] of plan.kiosks.entries()) {
      const rnd = random(d * 10_007 + i);
      const messages = dayOfKiosk(kiosk, dayStart - (dayStart % DAY), plan, seqs.get(kiosk.deviceId) ?? 0, rnd);
      seqs.set(kiosk.deviceId, messages.at(-1)?.seq ?? seqs.get(kiosk.deviceId) ?? 0);
      for (let b = 0; b < messages.length; b += 500) {
        group.push({ deviceId: kiosk.deviceId, receivedAt: dayStart + 23 * 3_600_000, accepted: messages.slice(b, b + 500), rejected: [] });
        if (group.length === 8) await flush();
      }
      events += messages.length;
    }
    await flush();
    onProgress(events);
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/**
 * Builds the daily rollups of every loaded day through the hub's own job (a few days a
 * run, newest first, as it catches up after an upgrade), as if run just after the last
 * day's grace: the dashboards are then timed as a hub answers them on any later day.
 */
export async function buildLoadedDays(store: HubStore, plan: LoadPlan): Promise<{ days: number; seconds: number }> {
  const started = performance.now();
  const now = Math.max(Date.now(), plan.end + GRACE_MS);
  let days = 0;
  for (;;) {
    const built = await buildDueDays(store, now);
    if (built.length === 0) break;
    days += built.length;
  }
  return { days, seconds: (performance.now() - started) / 1000 };
}
