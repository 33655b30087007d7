// The engagement events a kiosk sends, with their properties. Names follow the Segment
// e-commerce spec where one exists ("Product Viewed", "Promotion Viewed", "Coupon
// Issued"), kiosk names otherwise. Properties never hold personal data.

export type WakeTrigger = 'touch' | 'key' | 'scan' | 'gesture';

export interface EventCatalogue {
  'Session Started': { trigger: WakeTrigger };
  'Session Ended': { reason: 'idle' | 'admin'; duration_ms: number };
  'Attract Woken': { trigger: WakeTrigger };
  'Screen Viewed': { screen: string };
  /** An offer was on screen: the offers list (`position` from 1) or a product page's offers (`via`). */
  'Promotion Viewed': { promotion_id: string; name: string; position?: number; via?: 'offers' | 'product' };
  /** The renderer started showing a content pack (at start-up and after every switch). */
  'Pack Activated': { pack_id: string; pack_version: string; activation: number; previous_pack_id: string | null; previous_version: string | null };
  /** A pack from a USB stick, the update URL or the admin screen was refused; the active pack did not change. */
  'Pack Import Failed': { source: 'bundled' | 'folder' | 'url' | 'admin'; file: string; code: string; message: string };
  /** The kiosk went back to the previous pack (the screen did not start on the new one, or an admin asked). */
  'Pack Rolled Back': { pack_id: string; pack_version: string; reason: string; to_pack_id: string | null; to_version: string | null };
  /** Every `collector.heartbeatSec` while the kiosk runs: the health of its outbox. */
  'Kiosk Heartbeat': OutboxHealthProperties;
  /**
   * Events the outbox deleted unsent because it reached its byte budget (lowest value
   * first, never coupons, scans or sessions). `seq_ranges` lists their seq numbers so a
   * backend can tell these known losses from events that are still on their way
   * (at most 1000 ranges; `seq_ranges_complete` is false when there were more).
   */
  'Events Dropped': { reason: 'budget'; count: number; seq_ranges: [number, number][]; seq_ranges_complete: boolean; by_event: Record<string, number> };
  /**
   * Every scan, read or not. `code_type` is what the code was (ean-13, upc-e, gs1-128,
   * digital-link, variable-measure, store-code… or url/text when it was no product code);
   * `product_id` the catalog key looked for. The scanned text itself is never sent.
   */
  'Barcode Scanned': {
    source: 'scanner' | 'camera';
    code_type: string;
    recognised: boolean;
    lookup: 'hit' | 'miss' | 'error' | 'skipped';
    product_id?: string;
    reason?: string;
  };
  /** A product page was shown (Segment spec; price in major units of `currency`). */
  'Product Viewed': {
    product_id: string;
    sku: string;
    category: string;
    name: string;
    brand?: string;
    price: number;
    currency: string;
    via: 'scan' | 'related';
  };
  /** A scanned code is not in the pack's catalog (or the catalog could not be read). */
  'Product Not Found': { product_id: string; code_type: string; source: 'scanner' | 'camera'; reason: 'not-in-catalog' | 'catalog-unreadable' };
  /** A shopper started a mini-game (after its countdown). */
  'Game Started': { game_id: string; game_kind: 'catch' | 'wheel' | 'scratch'; difficulty: string; duration_sec: number };
  /**
   * A game ended or was left (`completed` false). The prize decision travels with it for
   * audit: replaying the seed against the pack's rules gives the same outcome.
   */
  'Game Finished': {
    game_id: string;
    game_kind: 'catch' | 'wheel' | 'scratch';
    completed: boolean;
    score: number;
    duration_ms: number;
    stats: Record<string, number>;
    prize_outcome: 'won' | 'none' | 'undecided';
    /** no-campaign, score-too-low, unlucky or sold-out when nothing was won. */
    prize_reason: string | null;
    campaign_id: string | null;
    prize_seed: string | null;
    prize_draw: number | null;
  };
  /**
   * A coupon was signed and is about to be shown (Segment's "Coupon Issued"). Written
   * durably before its QR code appears; `token` is what the QR code carries, so the
   * backend can reconcile redemptions. No personal data.
   */
  'Coupon Issued': {
    coupon_id: string;
    campaign_id: string;
    game_id: string;
    kiosk_id: string;
    key_id: string;
    kiosk_coupon_seq: number;
    issued_at: string;
    expires_at: string;
    reward_kind: 'gift' | 'percent-off' | 'amount-off';
    reward_value: number;
    token: string;
  };
  /** A shopper won but the host could not sign or record the coupon. */
  'Coupon Not Issued': { campaign_id: string; game_id: string; reason: string };
  /** A touchless gesture did something: a click by pinch or dwell, a swipe, a wave. Only the kind, never an image. */
  'Gesture Used': { gesture: 'pinch' | 'dwell' | 'swipe-left' | 'swipe-right' | 'wave' };
}

/** The outbox numbers a heartbeat carries (the admin panel shows the same ones). */
export interface OutboxHealthProperties {
  queue_depth: number;
  queue_bytes: number;
  oldest_unsent_age_ms: number | null;
  last_success_at: string | null;
  shed_total: number;
  quarantined_total: number;
  storage_persisted: boolean;
  uptime_ms: number;
}

export type EventName = keyof EventCatalogue;
