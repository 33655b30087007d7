// The tracking plan: every engagement event a kiosk sends, with its properties, as one
// versioned contract. The kiosk's tracker is typed by it, the hub checks each stored
// event against it (an event that breaks it is kept and flagged, never dropped), and its
// JSON Schemas are served at GET /v1/tracking-plan for anyone building on the data.
//
// Names follow the Segment e-commerce spec where one exists ("Product Viewed",
// "Promotion Viewed", "Coupon Issued"), kiosk names otherwise. No property ever holds
// personal data: no scanned text, no image, nothing that identifies a shopper.
//
// Changing it: adding an optional property or a new event is a minor version; renaming,
// removing, or making a property required is a major version and needs a migration plan
// for the kiosks still sending the old shape. Record every change in PLAN_CHANGES.
import { z } from 'zod';

export const TRACKING_PLAN_VERSION = '1.1';

export const PLAN_CHANGES: readonly { version: string; changes: string }[] = [
  { version: '1.0', changes: 'The events kiosks sent before the plan was versioned.' },
  {
    version: '1.1',
    changes:
      'Game Finished carries prize_odds: every campaign that could be won in the draw, with the chance the pack gives it. Barcode Scanned and Product Not Found carry product_id for a code the catalogue lacks only when it is a public GTIN (never a store or restricted-circulation number, which may be a loyalty card).',
  },
];

const count = z.number().int().nonnegative();
const millis = z.number().nonnegative();
const id = z.string().min(1).max(200);
const isoTime = z.iso.datetime({ offset: true });

export const WakeTrigger = z.enum(['touch', 'key', 'scan', 'gesture']);
export type WakeTrigger = z.infer<typeof WakeTrigger>;
export const GameKind = z.enum(['catch', 'wheel', 'scratch']);
export const ScanSource = z.enum(['scanner', 'camera']);

/** The outbox numbers a heartbeat carries (the admin panel shows the same ones). */
export const OutboxHealthProperties = z.strictObject({
  queue_depth: count,
  queue_bytes: count,
  oldest_unsent_age_ms: millis.nullable(),
  last_success_at: isoTime.nullable(),
  shed_total: count,
  quarantined_total: count,
  storage_persisted: z.boolean(),
  uptime_ms: millis,
});
export type OutboxHealthProperties = z.infer<typeof OutboxHealthProperties>;

/** Every event of the plan, by name, with a sentence for people reading the data. */
export const TRACKING_PLAN = {
  'Session Started': {
    description: 'A shopper woke the kiosk: a session begins (touch, a key, a scan or a gesture).',
    properties: z.strictObject({ trigger: WakeTrigger }),
  },
  'Session Ended': {
    description: 'The session ended: the kiosk went back to its attract loop after the quiet time, or an admin ended it.',
    properties: z.strictObject({ reason: z.enum(['idle', 'admin']), duration_ms: millis }),
  },
  'Attract Woken': {
    description: 'The attract loop was interrupted by a shopper (sent with Session Started).',
    properties: z.strictObject({ trigger: WakeTrigger }),
  },
  'Screen Viewed': {
    description: 'A screen of the kiosk was shown during a session.',
    properties: z.strictObject({ screen: z.string().min(1).max(100) }),
  },
  'Promotion Viewed': {
    description: "An offer was on screen: in the offers list (position from 1) or on a product's page (via).",
    properties: z.strictObject({
      promotion_id: id,
      name: z.string().max(500),
      position: z.number().int().positive().optional(),
      via: z.enum(['offers', 'product']).optional(),
    }),
  },
  'Pack Activated': {
    description: 'The kiosk started showing a content pack (at start-up and after every switch).',
    properties: z.strictObject({
      pack_id: id,
      pack_version: id,
      activation: count,
      previous_pack_id: id.nullable(),
      previous_version: id.nullable(),
    }),
  },
  'Pack Import Failed': {
    description: 'A pack from a USB stick, the update URL, the hub or the admin screen was refused; the active pack did not change.',
    properties: z.strictObject({
      source: z.enum(['bundled', 'folder', 'url', 'admin']),
      file: z.string().max(1000),
      code: z.string().max(100),
      message: z.string().max(2000),
    }),
  },
  'Pack Rolled Back': {
    description: 'The kiosk went back to the previous pack (the screen did not start on the new one, or an admin asked).',
    properties: z.strictObject({
      pack_id: id,
      pack_version: id,
      reason: z.string().max(2000),
      to_pack_id: id.nullable(),
      to_version: id.nullable(),
    }),
  },
  'Kiosk Heartbeat': {
    description: 'Sent at a fixed interval while the kiosk runs: the health of its outbox.',
    properties: OutboxHealthProperties,
  },
  'Events Dropped': {
    description:
      'Events the outbox deleted unsent because it reached its byte budget (lowest value first, never coupons, scans or sessions). seq_ranges lists their seq numbers so a backend can tell known losses from events still on their way (at most 1000 ranges; seq_ranges_complete is false when there were more).',
    properties: z.strictObject({
      reason: z.literal('budget'),
      count: count,
      seq_ranges: z.array(z.tuple([count, count])).max(1000),
      seq_ranges_complete: z.boolean(),
      by_event: z.record(z.string(), count),
    }),
  },
  'Barcode Scanned': {
    description:
      'Every scan, read or not. code_type is what the code was (ean-13, upc-e, gs1-128, digital-link, variable-measure, store-code… or url/text when it was no product code). product_id is the catalogue key found, or for a code the catalogue lacks, the GTIN-14 when it is a public product number. The scanned text itself is never sent.',
    properties: z.strictObject({
      source: ScanSource,
      code_type: z.string().min(1).max(40),
      recognised: z.boolean(),
      lookup: z.enum(['hit', 'miss', 'error', 'skipped']),
      product_id: id.optional(),
      reason: z.string().max(100).optional(),
    }),
  },
  'Product Viewed': {
    description: "A product's page was shown (Segment spec; price in major units of currency).",
    properties: z.strictObject({
      product_id: id,
      sku: z.string().max(200),
      category: z.string().max(500),
      name: z.string().max(500),
      brand: z.string().max(500).optional(),
      price: z.number().nonnegative(),
      currency: z.string().length(3),
      via: z.enum(['scan', 'related']),
    }),
  },
  'Product Not Found': {
    description:
      "A scanned product code is not in the pack's catalogue (or the catalogue could not be read). product_id is the GTIN-14 when it is a public product number, absent otherwise.",
    properties: z.strictObject({
      product_id: id.optional(),
      code_type: z.string().min(1).max(40),
      source: ScanSource,
      reason: z.enum(['not-in-catalog', 'catalog-unreadable']),
    }),
  },
  'Game Started': {
    description: 'A shopper started a mini-game (after its countdown).',
    properties: z.strictObject({ game_id: id, game_kind: GameKind, difficulty: z.string().max(40), duration_sec: z.number().positive() }),
  },
  'Game Finished': {
    description:
      'A game ended or was left (completed false). The prize decision travels with it for audit: replaying the seed against the pack\'s rules gives the same outcome, and prize_odds (every campaign that could be won in the draw, with the chance the pack gives it) lets the hub check each campaign\'s observed win rate against its odds.',
    properties: z.strictObject({
      game_id: id,
      game_kind: GameKind,
      completed: z.boolean(),
      score: z.number(),
      duration_ms: millis,
      stats: z.record(z.string(), z.number()),
      prize_outcome: z.enum(['won', 'none', 'undecided']),
      /** no-campaign, score-too-low, unlucky, sold-out… when nothing was won. */
      prize_reason: z.string().max(100).nullable(),
      campaign_id: id.nullable(),
      prize_seed: z.string().max(200).nullable(),
      prize_draw: z.number().min(0).max(1).nullable(),
      /** Every campaign that could be won in the draw, with the chance the pack gives it (0–1); null when no draw happened. */
      prize_odds: z.record(z.string(), z.number().min(0).max(1)).nullable(),
    }),
  },
  'Coupon Issued': {
    description:
      'A coupon was signed and is about to be shown (Segment\'s "Coupon Issued"). Written durably before its QR code appears; token is what the QR code carries, so redemptions can be reconciled.',
    properties: z.strictObject({
      coupon_id: id,
      campaign_id: id,
      game_id: id,
      kiosk_id: id,
      key_id: id,
      kiosk_coupon_seq: z.number().int().positive(),
      issued_at: isoTime,
      expires_at: isoTime,
      reward_kind: z.enum(['gift', 'percent-off', 'amount-off']),
      reward_value: z.number().nonnegative(),
      token: z.string().min(1).max(1000),
    }),
  },
  'Coupon Not Issued': {
    description: 'A shopper won but the coupon could not be signed or recorded, or a limit refused it.',
    properties: z.strictObject({ campaign_id: id, game_id: id, reason: z.string().max(500) }),
  },
  'Gesture Used': {
    description: 'A touchless gesture did something: a click by pinch or dwell, a swipe, a wave. Only the kind, never an image.',
    properties: z.strictObject({ gesture: z.enum(['pinch', 'dwell', 'swipe-left', 'swipe-right', 'wave']) }),
  },
} as const satisfies Record<string, { description: string; properties: z.ZodType<Record<string, unknown>> }>;

export type EventName = keyof typeof TRACKING_PLAN;

/** The properties of each event, as the kiosk's tracker takes them. */
export type EventCatalogue = { [K in EventName]: z.input<(typeof TRACKING_PLAN)[K]['properties']> };
