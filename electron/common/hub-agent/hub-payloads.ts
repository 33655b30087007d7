// What crosses the host boundary about the hub: the agent's status, the answer to an
// enrolment, the renderer's part of the heartbeat, and the commands the renderer itself
// carries out. Schemas first; each type follows from its schema.
import { z } from 'zod';
import { CommandKind } from '../../../content/schema/hub-api/commands.ts';
import { OutboxReport, ScannerState } from '../../../content/schema/hub-api/heartbeat.ts';
import { SessionState } from '../host-payloads.ts';

/**
 * off: no hub.url; not-enrolled: waiting for a code (or the token failed); enrolling: a
 * request is on its way; enrolled: reporting to the hub; revoked: the hub refused the
 * kiosk's credential (401) — it is forgotten and the kiosk waits for a new enrolment.
 */
export const HubState = z.enum(['off', 'not-enrolled', 'enrolling', 'enrolled', 'revoked']);
export type HubState = z.infer<typeof HubState>;

/** The last command the kiosk ran for the hub. */
export const HubCommandRun = z.object({ id: z.string(), kind: CommandKind, ok: z.boolean(), message: z.string(), at: z.number() });
export type HubCommandRun = z.infer<typeof HubCommandRun>;

export const HubStatus = z.object({
  state: HubState,
  hubUrl: z.string().nullable(),
  /** As the hub confirmed them at enrolment (null before). */
  storeId: z.string().nullable(),
  kioskName: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** When the hub last took a heartbeat, epoch ms. */
  lastHeartbeatAt: z.number().nullable(),
  /** What is wrong, as a sentence an installer can act on; null when all is well. */
  lastError: z.string().nullable(),
  lastCommand: HubCommandRun.nullable(),
});
export type HubStatus = z.infer<typeof HubStatus>;

export const HubEnrolResult = z.union([
  z.object({ ok: z.literal(true), status: HubStatus }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type HubEnrolResult = z.infer<typeof HubEnrolResult>;

/** A code as typed on the admin screen (checked and tidied by the agent), or an `et_…` token. */
export const EnrolmentSecretInput = z.string().max(200);

/**
 * Where the renderer's uploader sends events while the kiosk is enrolled: the hub's base
 * URL and the kiosk's credential, sent as the write key (the Basic auth user name).
 */
export const EventsTarget = z.object({ url: z.string(), writeKey: z.string() });
export type EventsTarget = z.infer<typeof EventsTarget>;

/** The renderer's part of the heartbeat, reported every 30 s. */
export const RendererHealth = z.strictObject({
  /** Null when the outbox cannot be opened. */
  outbox: OutboxReport.nullable(),
  jsHeapBytes: z.number().nonnegative().nullable(),
  /** Frames drawn per second over the last minute; null while the page is hidden. */
  fps: z.number().nonnegative().nullable(),
  /** When a shopper last touched, scanned or waved, epoch ms. */
  lastInteractionAt: z.number().nullable(),
  session: SessionState,
  scanner: ScannerState,
});
export type RendererHealth = z.infer<typeof RendererHealth>;

/** A hub command only the renderer can carry out. */
export const HostCommand = z.object({ id: z.string(), kind: z.enum(['upload-events']) });
export type HostCommand = z.infer<typeof HostCommand>;
