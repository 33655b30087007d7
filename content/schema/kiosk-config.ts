import { z } from 'zod';
import { LOCALES } from './localized.ts';

/** A public key the kiosk trusts to sign content packs. */
export const TrustedKey = z
  .object({
    name: z.string().max(80),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    /** Raw 32-byte Ed25519 public key, base64. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  })
  .strict();
export type TrustedKey = z.infer<typeof TrustedKey>;

/** A wall-clock time of day, "HH:MM" (24 h), in the kiosk's time zone. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as "HH:MM" (24 h), e.g. "03:30"');

/** An IANA time zone the runtime knows ("Asia/Shanghai"). */
const TimeZoneName = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as "Asia/Shanghai"');

/** Which hand model touchless control runs (gestures.model). */
export const HAND_MODEL_CHOICES = ['auto', 'lite', 'full'] as const;
export type HandModelChoice = (typeof HAND_MODEL_CHOICES)[number];

/** How long a coupon stays on screen without a touch when kiosk.json does not say (idle.couponTimeoutSec). */
export const COUPON_TIMEOUT_DEFAULT_SEC = 180;

/**
 * The kiosk's own settings (not content): written by the installer or the admin
 * screen, read by main and handed to the renderer through KioskApi.
 */
export const KioskConfig = z
  .object({
    storeId: z.string().min(1).max(64).default('demo-store'),
    kioskName: z.string().max(80).default('Kiosk'),
    defaultLocale: z.enum(LOCALES).default('zh-CN'),
    idle: z
      .object({
        /** Seconds without any activity before the kiosk returns to the attract loop. */
        timeoutSec: z.number().int().min(10).max(3600).default(45),
        /** The last seconds of that timeout show a "still there?" countdown. */
        warningSec: z.number().int().min(3).max(60).default(10),
        /**
         * While a coupon is on screen the shopper is busy with their phone: the session
         * waits this long without a touch instead (or until they press Done). Optional:
         * COUPON_TIMEOUT_DEFAULT_SEC; never shorter than timeoutSec.
         */
        couponTimeoutSec: z.number().int().min(30).max(3600).optional(),
      })
      .strict()
      .default({ timeoutSec: 45, warningSec: 10 }),
    collector: z
      .object({
        url: z.string().url().optional(),
        writeKey: z.string().max(200).optional(),
        /** The outbox never grows beyond this; low-value events are shed first. */
        budgetBytes: z.number().int().min(1_000_000).default(50_000_000),
        heartbeatSec: z.number().int().min(30).default(300),
      })
      .strict()
      .default({ budgetBytes: 50_000_000, heartbeatSec: 300 }),
    hub: z
      .object({
        /** The hub's base URL (http or https). Set: the kiosk enrols, reports its health, takes commands and sends its events there. */
        url: z.url({ protocol: /^https?$/ }).optional(),
        /** A pre-seeded enrolment token (`et_…`) for a mass roll-out: used once, at the first start, to enrol. */
        enrolmentToken: z.string().min(8).max(200).startsWith('et_').optional(),
        /** Seconds between two health reports to the hub. */
        heartbeatSec: z.number().int().min(15).default(60),
        /** Seconds the hub may hold a request for commands open (long-poll). */
        commandWaitSec: z.number().int().min(5).max(55).default(25),
      })
      .strict()
      .default({ heartbeatSec: 60, commandWaitSec: 25 }),
    packs: z
      .object({
        trustedKeys: z.array(TrustedKey).default([]),
        /** Folders (USB mount points, a shared folder) watched for *.kpack files. */
        watchFolders: z.array(z.string()).default([]),
        updateUrl: z.string().url().optional(),
        pollIntervalSec: z.number().int().min(30).default(300),
        /** Disk kept for packs (active + previous + staging). */
        diskBudgetBytes: z.number().int().min(50_000_000).default(4_000_000_000),
      })
      .strict()
      .default({ trustedKeys: [], watchFolders: [], pollIntervalSec: 300, diskBudgetBytes: 4_000_000_000 }),
    scanner: z
      .object({
        prefix: z.string().max(8).default(''),
        suffix: z.string().max(8).default(''),
        /** Keys further apart than this are a person typing, not a scanner. */
        maxInterKeyMs: z.number().int().min(5).max(200).default(40),
        minLength: z.number().int().min(1).max(64).default(6),
        camera: z.boolean().default(true),
      })
      .strict()
      .default({ prefix: '', suffix: '', maxInterKeyMs: 40, minLength: 6, camera: true }),
    gestures: z
      .object({
        enabled: z.boolean().default(false),
        click: z.enum(['pinch', 'dwell', 'both']).default('both'),
        dwellMs: z.number().int().min(300).max(5000).default(1200),
        /** Part of the camera image (0–1) that maps onto the whole screen. */
        zone: z
          .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1), width: z.number().min(0.1).max(1), height: z.number().min(0.1).max(1) })
          .strict()
          .default({ x: 0.15, y: 0.1, width: 0.7, height: 0.7 }),
        mirror: z.boolean().default(true),
        /**
         * The hand model: 'full' (the default) everywhere; 'auto' runs the lite one
         * (MediaPipe's model complexity 0: cheaper per frame) on the CPU and the full one on
         * a GPU; 'lite' forces the lite one. The lite model loses a fast-moving hand more
         * often (the swipe e2e missed a swipe with it), so it is a choice for kiosks whose
         * CPU cannot afford the full one, not the default.
         */
        model: z.enum(HAND_MODEL_CHOICES).default('full'),
      })
      .strict()
      .default({ enabled: false, click: 'both', dwellMs: 1200, zone: { x: 0.15, y: 0.1, width: 0.7, height: 0.7 }, mirror: true, model: 'full' }),
    /** The time zone of the night window and the nightly restart; the system's when not set. */
    timeZone: TimeZoneName.optional(),
    updates: z
      .object({
        enabled: z.boolean().default(true),
        /** Where latest-linux.yml and the AppImage/.deb are published; with hub.url set and this not, the hub's /v1/app-updates/. */
        url: z.url({ protocol: /^https?$/ }).optional(),
        checkEveryMin: z.number().int().min(5).max(24 * 60).default(60),
        /** A downloaded update is installed only between shoppers; with a night window, only between shoppers inside it. */
        nightWindow: z.object({ from: TimeOfDay, to: TimeOfDay }).strict().optional(),
        /** A new version that does not show its screen within this many seconds is replaced by the previous one. */
        readyTimeoutSec: z.number().int().min(30).max(1800).default(180),
      })
      .strict()
      .default({ enabled: true, checkEveryMin: 60, readyTimeoutSec: 180 }),
    display: z
      .object({
        /** Keeps the screen from blanking or sleeping while the kiosk runs. */
        preventSleep: z.boolean().default(true),
        /** Restarts the app once a night at this time, between shoppers (optional). */
        nightlyRestartAt: TimeOfDay.optional(),
        /** A visible screen that draws no frame for this long is reloaded, as a hung one is. */
        frozenAfterSec: z.number().int().min(10).max(600).default(30),
      })
      .strict()
      .default({ preventSleep: true, frozenAfterSec: 30 }),
    logs: z
      .object({
        level: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
        /** Each log file is rolled over at this size. */
        maxFileMb: z.number().int().min(1).max(100).default(5),
        /** Files kept, the current one included: the folder never holds more than maxFileMb × files. */
        files: z.number().int().min(2).max(20).default(5),
      })
      .strict()
      .default({ level: 'info', maxFileMb: 5, files: 5 }),
  })
  .strict();
export type KioskConfig = z.infer<typeof KioskConfig>;
export type KioskConfigInput = z.input<typeof KioskConfig>;

export const DEFAULT_KIOSK_CONFIG: KioskConfig = KioskConfig.parse({});
