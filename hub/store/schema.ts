// The hub's tables as Kysely sees them: one typed description over SQLite and
// PostgreSQL. Times are epoch milliseconds (bigint), flags are 0/1 integers and JSON is
// text, so both databases store and return the same values.
import type { ColumnType, Generated } from 'kysely';

/** An auto-numbered id: absent on insert, a number on select. */
type Id = Generated<number>;

export interface EventIdTable {
  /** Every messageId ever stored, forever: exactly once by messageId. */
  message_id: string;
  device_id: string;
  received_at: number;
}

export interface EventTable {
  message_id: string;
  device_id: string;
  seq: number | null;
  event: string;
  /** When it happened by the kiosk's clock, epoch ms (null when the message had no time). */
  original_at: number | null;
  /** When the hub stored it (the partition key on PostgreSQL). */
  received_at: number;
  /** The message as received, JSON. */
  body: string;
  /** What in it breaks the tracking plan (it is stored all the same); null when nothing. */
  plan_problem: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RejectedEventTable {
  id: Id;
  message_id: string | null;
  device_id: string | null;
  seq: number | null;
  reason: string;
  received_at: number;
}

/** Seq numbers received from a device, as merged ranges [from_seq, to_seq]. */
export interface SeqRangeTable {
  device_id: string;
  from_seq: number;
  to_seq: number;
}

/** Seq numbers a device reported it dropped (Events Dropped), as ranges. */
export interface DroppedRangeTable {
  device_id: string;
  from_seq: number;
  to_seq: number;
}

export interface KioskTable {
  device_id: string;
  store_id: string;
  name: string;
  /** The public half of the kiosk's credential (`kt_<token_id>_<secret>`). */
  token_id: string | null;
  /** SHA-256 of the secret half, hex. */
  token_hash: string | null;
  enrolled_at: number;
  revoked_at: number | null;
  app_version: string | null;
  platform: string | null;
  /** The kiosk's coupon public key record, JSON. */
  coupon_key: string | null;
  /** Its key id (16 hex digits), to find the key a coupon was signed with. */
  coupon_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  last_heartbeat_at: number | null;
  /** The last heartbeat as received, JSON. */
  heartbeat: string | null;
  last_event_at: number | null;
  /** Seq numbers missing, not explained by drops. */
  seq_gaps: ColumnType<number, number | undefined, number>;
  /** Since when there have been gaps (null: none). */
  gaps_since: number | null;
  /** Renderer crashes seen in heartbeats, with when (JSON array of [at, total]) for the crash-rate alert. */
  crash_marks: string | null;
  /** Kiosk groups (e.g. pilot), JSON array; rollouts can target them. */
  groups: ColumnType<string, string | undefined, string>;
}

export interface KioskHealthTable {
  device_id: string;
  at: number;
  outbox_depth: number | null;
  js_heap_bytes: number | null;
  fps: number | null;
}

export interface EnrolmentSecretTable {
  id: Id;
  kind: 'code' | 'token';
  /** SHA-256 of the secret, hex (codes are compared without their dash). */
  secret_hash: string;
  store_id: string;
  kiosk_name: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  uses: ColumnType<number, number | undefined, number>;
  revoked_at: number | null;
}

export interface CommandTable {
  id: string;
  device_id: string;
  kind: string;
  state: 'pending' | 'delivered' | 'done' | 'failed' | 'expired';
  created_by: string;
  created_at: number;
  expires_at: number;
  /** Delivered to the kiosk until then; delivered again after it when no result came. */
  lease_until: number | null;
  delivered_at: number | null;
  finished_at: number | null;
  message: string | null;
  screenshot: Uint8Array | null;
  screenshot_width: number | null;
  screenshot_height: number | null;
  /** `logs`: the lines asked for, how many came back, and the lines ("\n"-joined). */
  lines_wanted: number | null;
  log_line_count: number | null;
  log_text: string | null;
}

export interface StoreTable {
  id: string;
  name: string;
  timezone: string;
  /** WeeklyHours, JSON. */
  hours: string;
  /** Holiday[], JSON. */
  holidays: string;
  updated_at: number;
}

export interface UserTable {
  id: Id;
  username: string;
  password_hash: string;
  role: 'admin' | 'merchandiser' | 'store-manager' | 'analyst';
  /** JSON array of store ids, or null for every store. */
  store_ids: string | null;
  disabled: ColumnType<number, number | undefined, number>;
  created_at: number;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: number | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's value, hex. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface AuditTable {
  id: Id;
  at: number;
  actor: string;
  action: string;
  target: string | null;
  /** JSON object. */
  detail: string;
}

export interface AlertTable {
  id: Id;
  kind: string;
  device_id: string;
  store_id: string;
  opened_at: number;
  resolved_at: number | null;
  /** JSON object: what was seen. */
  detail: string;
  /** The webhook heard of the opening / the resolution (0/1). */
  notified_open: ColumnType<number, number | undefined, number>;
  notified_resolved: ColumnType<number, number | undefined, number>;
}

export interface SettingTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface ShopperSessionTable {
  anonymous_id: string;
  device_id: string;
  store_id: string;
  /** packId@version on screen when the session started ('' when none). */
  pack: string;
  hour: number;
  started_at: number;
  steps: ColumnType<number, number | undefined, number>;
  duration_ms: number | null;
}

/** The dimensions every rollup row carries. */
interface RollupKey {
  device_id: string;
  store_id: string;
  pack: string;
}
type Counter = ColumnType<number, number | undefined, number>;

export interface FunnelHourlyTable extends RollupKey {
  hour: number;
  sessions: Counter;
  home: Counter;
  scan: Counter;
  play: Counter;
  offers: Counter;
  /** Sessions that scanned, played or opened the offers (each once). */
  engaged: Counter;
  game_finished: Counter;
  coupon_issued: Counter;
  coupon_redeemed: Counter;
  dwell_ms: Counter;
  dwell_sessions: Counter;
}

export interface DwellHourlyTable extends RollupKey {
  hour: number;
  bucket: number;
  sessions: Counter;
}

export interface EventHourlyTable extends RollupKey {
  hour: number;
  event: string;
  /** The event's kind where it has one (trigger, source, gesture, screen…), or ''. */
  variant: string;
  count: Counter;
}

export interface ScanDailyTable extends RollupKey {
  day: number;
  product_id: string;
  /** 1 found in the catalogue, 0 not. */
  found: number;
  scans: Counter;
}

export interface GameDailyTable extends RollupKey {
  day: number;
  game_id: string;
  campaign_id: string;
  /** The configured odds as the kiosk reported them ('' when unknown). */
  odds: string;
  plays: Counter;
  completed: Counter;
  /** Games where the prize was drawn against the odds (won, or lost to them). */
  draws: Counter;
  won: Counter;
}

/** The daily rollups (008): the hourly tables' rows of one day summed, built once the day is over. */
export type FunnelDailyTable = Omit<FunnelHourlyTable, 'hour'> & { day: number };
export type DwellDailyTable = Omit<DwellHourlyTable, 'hour'> & { day: number };
export type EventDailyTable = Omit<EventHourlyTable, 'hour'> & { day: number };
/** scan_daily summed over a store's kiosks, and over the fleet's. */
export type ScanStoreDailyTable = Omit<ScanDailyTable, 'device_id'>;
export type ScanFleetDailyTable = Omit<ScanDailyTable, 'device_id' | 'store_id'>;

export interface RollupDayTable {
  day: number;
  /** Uploads that changed the day's hourly counts since it was last built (0: up to date). */
  changes: ColumnType<number, number | undefined, number>;
  /** When its daily rows were last built (null: never). */
  built: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CouponTable {
  coupon_id: string;
  kiosk_id: string;
  device_id: string;
  store_id: string;
  pack: string;
  campaign_id: string;
  game_id: string | null;
  seq: number;
  issued_at: number;
  expires_at: number;
  reward_kind: string;
  reward_value: number;
  token: string;
  anonymous_id: string | null;
}

export interface TillTable {
  till_id: string;
  store_id: string;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
}

export interface RedemptionTable {
  id: Id;
  coupon_id: string;
  kiosk_id: string;
  campaign_tag: string;
  coupon_seq: number;
  store_id: string;
  till: string;
  redeemed_at: number;
  received_at: number;
  expires_at: number;
  outcome: 'first' | 'again';
}

export interface PackTable {
  /** The hub's id for the upload (pk_…). */
  id: string;
  pack_id: string;
  version: string;
  /** SHA-256 of the .kpack, hex; its file in the pack folder is named by it. */
  sha256: string;
  bytes: number;
  /** {zh, en}, JSON. */
  title: string;
  signed_by: string;
  key_id: string;
  uploaded_at: number;
  uploaded_by: string;
  product_count: number;
  valid_from: string | null;
  valid_to: string | null;
  /** {stores, kiosks}, JSON. */
  targets: string;
}

export interface PackKeyTable {
  key_id: string;
  name: string;
  public_key: string;
  added_by: string;
  added_at: number;
}

export interface AccessTokenTable {
  /** The public half of the token (`pt_<id>_<secret>`). */
  id: string;
  user_id: number;
  name: string;
  /** SHA-256 of the secret half, hex. */
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface RolloutTable {
  id: Id;
  /** packs.id of the upload it publishes. */
  pack: string;
  pack_id: string;
  version: string;
  /** JSON arrays; both empty: every kiosk. */
  stores: string;
  groups: string;
  /** RolloutStaging, JSON. */
  staging: string;
  phase: 'pilot' | 'full';
  percent: number | null;
  starts_at: number;
  created_at: number;
  created_by: string;
  promoted_at: number | null;
  rolled_back_at: number | null;
  rolled_back_by: string | null;
}

export interface HubDatabase {
  packs: PackTable;
  pack_keys: PackKeyTable;
  access_tokens: AccessTokenTable;
  rollouts: RolloutTable;
  shopper_sessions: ShopperSessionTable;
  funnel_hourly: FunnelHourlyTable;
  dwell_hourly: DwellHourlyTable;
  event_hourly: EventHourlyTable;
  scan_daily: ScanDailyTable;
  game_daily: GameDailyTable;
  funnel_daily: FunnelDailyTable;
  dwell_daily: DwellDailyTable;
  event_daily: EventDailyTable;
  scan_store_daily: ScanStoreDailyTable;
  scan_fleet_daily: ScanFleetDailyTable;
  rollup_days: RollupDayTable;
  coupons: CouponTable;
  tills: TillTable;
  redemptions: RedemptionTable;
  event_ids: EventIdTable;
  events: EventTable;
  rejected_events: RejectedEventTable;
  seq_ranges: SeqRangeTable;
  dropped_ranges: DroppedRangeTable;
  kiosks: KioskTable;
  kiosk_health: KioskHealthTable;
  enrolment_secrets: EnrolmentSecretTable;
  commands: CommandTable;
  stores: StoreTable;
  users: UserTable;
  sessions: SessionTable;
  setup_tokens: SetupTokenTable;
  audit_log: AuditTable;
  alerts: AlertTable;
  settings: SettingTable;
  pack_drafts: PackDraftTable;
}

export interface PackDraftTable {
  id: string;
  name: string;
  pack_id: string;
  version: string;
  /** {zh, en}, JSON. */
  title: string;
  started_from: string;
  product_count: number;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
  /** {packId, version, at}, JSON; null before the first build. */
  last_build: string | null;
}
