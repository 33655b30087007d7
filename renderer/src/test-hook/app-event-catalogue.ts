// Every app event the kiosk emits for tests to wait on, with its payload: the one list
// that emitAppEvent and the end-to-end helpers accept, so a renamed event or a changed
// field is a compile error, not a test that times out.
//
// App events are not engagement events: they never leave the page, carry nothing a
// backend stores, and exist so that tests wait for what happened instead of sleeping.

type ScreenName = 'attract' | 'home' | 'scan' | 'product' | 'games' | 'game' | 'offers' | 'admin';
type Locale = 'zh-CN' | 'en';
type ScanSource = 'scanner' | 'camera';
type CameraState = 'unknown' | 'available' | 'absent' | 'denied';

export interface AppEventMap {
  // Start-up
  'app-ready': { mode: 'electron' | 'web'; pack: string | null };
  'boot-error': { message: string };
  'pack-loaded': { packId: string; version: string; activation: number };
  'pack-missing': Record<string, never>;
  'pack-error': { message: string | null };
  'events-ready': { collector: string | null };
  'events-error': { message: string };
  'outbox-upload': {
    status: number | 'network-error';
    sent: number;
    accepted: number;
    rejected: number;
    retry: number;
    nextInMs: number | null;
    reason: string | null;
  };
  'track-failed': { event: string; message: string };
  'coupon-key': { kind: 'kiosk-coupon-key'; keyId: string; publicKey: string; kioskId: string; deviceId: string; storeId: string; kioskName: string; createdAt: string };

  // Shopper session and screens
  'session-started': { trigger: 'touch' | 'key' | 'scan' | 'gesture' };
  'session-ended': { reason: 'idle' | 'admin'; durationMs: number };
  'idle-warning': { remainingSec: number };
  /** Extra string fields are the screen's parameters (the game id, a product code). */
  screen: { screen: ScreenName } & Record<string, string>;
  locale: { locale: Locale };
  'admin-opened': Record<string, never>;
  'admin-unlock': { ok: boolean; reason: string | null };

  // Scanning and products
  scan:
    | { source: ScanSource; recognised: false; reason: string; codeType: string | null; at: number }
    | { source: ScanSource; recognised: true; codeType: string; key: string; found: boolean; at: number };
  'scan-ignored': { source: ScanSource; screen: ScreenName };
  'product-shown': { gtin: string; found: true; via: 'scan' | 'related' } | { gtin: string | null; found: false; unavailable: boolean };
  'catalog-error': { message: string };
  'catalog-invalid-product': { gtin: string; message: string };
  /** The active pack's shards are in the catalogue mirror (copied: this time; ms: the copy's time). */
  'catalog-mirrored': { shards: number; copied: number; skipped: number; deleted: number; ms: number };
  'camera-started': { width: number; height: number };
  'camera-released': { liveTracks: number };
  'camera-read': { verdict: string; format: string };
  'camera-unavailable': { reason: string | null };

  // Games
  'game-ready': { id: string; kind: string };
  'game-started': { id: string; kind: string };
  'game-problem': { id: string; message: string };
  'game-error': { id: string; message: string };
  'game-finished': { id: string | undefined; score: number };
  'game-result': { id: string | undefined; outcome: 'coupon' | 'no-prize' | 'coupon-error'; reason: string | null; couponId: string | null };

  // The hub
  /** The hub agent's state changed (off, not-enrolled, enrolling, enrolled, revoked) or its store did. */
  'hub-status': { state: 'off' | 'not-enrolled' | 'enrolling' | 'enrolled' | 'revoked'; storeId: string | null };
  /** The kiosk ran a hub command (once; a re-delivered one is not run again). */
  'hub-command': { id: string; kind: string; ok: boolean };
  /** An enrolment code typed on the admin screen was sent: the hub took it, or why not. */
  'hub-enrol': { ok: boolean; message: string | null };

  // Touchless control
  'camera-state': { state: CameraState };
  /** The hand model's engine: once ready, where it runs (delegate) and which model (full, or lite on the CPU). */
  /** The hand model that analyses frames from now on (the lite one while a game is played on the CPU). */
  'gesture-model': { model: 'full' | 'lite' };
  'gesture-engine': { state: 'off' | 'loading' | 'ready' | 'failed'; delegate?: 'GPU' | 'CPU'; model?: 'full' | 'lite'; numHands?: number; problem?: string };
  'gesture-hint': { text: string | null };
  gesture: { gesture: string };
  'hand-presence': { present: boolean; hands: number; landmarks: number[] };
  'gesture-frame-error': { message: string };
  'gesture-feed': { mode: string };
  'gesture-stats': {
    frames: number;
    handFrames: number;
    inferenceMedianMs: number | null;
    inferenceP90Ms: number | null;
    mainThreadMedianMs: number | null;
    mainThreadP90Ms: number | null;
    latencyMedianMs: number | null;
    latencyP90Ms: number | null;
  };
}

export type AppEventName = keyof AppEventMap;

/** One app event as recorded: its name, its payload, the order and the page time it happened at. */
export type AppEvent<K extends AppEventName = AppEventName> = K extends AppEventName
  ? { seq: number; type: K; detail: AppEventMap[K]; at: number }
  : never;
