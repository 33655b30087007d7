// KioskApi: everything the renderer may ask of the host, declared once. Each entry is a
// call (argument and result schemas) or an event (payload schema); its IPC channel is
// its path (`kiosk:admin:unlock`). Main implements `HostHandlers` (checked by the
// compiler), its IPC door checks arguments against these schemas, the preload builds
// the exposed object from this table, and the web host implements the same `KioskApi`.
//
// Adding a host call: one entry here, one handler in electron/main/host-handlers.ts,
// and the web host's answer in renderer/src/host/web-host.ts.
import { z } from 'zod';
import { KioskConfig } from '../../content/schema/kiosk-config.ts';
import { call, defineHostApi, event, type ClientOf, type HandlersOf } from './host-contract.ts';
import {
  ActivePack,
  AdminActionResult,
  AdminPin,
  AdminUnlockResult,
  AppHealth,
  CameraAvailability,
  CouponClaim,
  CouponIssueResult,
  CouponPublicKey,
  DeviceIdentity,
  PackRef,
  SessionState,
  type HostMode,
} from './host-payloads.ts';
import { HostNotice, PackCheckReport, PackFileCandidate, PackFileId } from './pack-admin.ts';
import { EnrolmentSecretInput, EventsTarget, HostCommand, HubEnrolResult, HubStatus, RendererHealth } from './hub-agent/hub-payloads.ts';
import { FrameTick, RendererLogLine } from './unattended-payloads.ts';

export const HOST_API = defineHostApi({
  getDeviceIdentity: call([], DeviceIdentity),
  /** The kiosk's settings, defaults applied. */
  getConfig: call([], KioskConfig),
  getActivePack: call([], ActivePack.nullable()),
  /** Sent after the host switched packs (only while the session is idle). */
  onPackChanged: event(ActivePack),
  /** The renderer tells the host when a shopper session starts and ends, so packs switch between shoppers. */
  setSessionState: call([SessionState], z.void()),
  /**
   * The renderer has started: on `pack`, or with no pack to show (null). The supervisor
   * counts a stable run from here either way; the host keeps a new pack only after it.
   */
  reportReady: call([PackRef.nullable()], z.void()),
  /** The renderer cannot show the active pack; the host goes back to the previous one. */
  reportPackFailed: call([PackRef, z.string().max(2000)], z.void()),
  /** The camera's state changed (for the host's health). */
  reportCameraState: call([CameraAvailability], z.void()),
  /** Host notices (pack activated, import failed, rolled back) not yet acknowledged. */
  getHostNotices: call([], z.array(HostNotice)),
  /** The renderer has recorded every notice up to this id as an engagement event. */
  ackHostNotices: call([z.number().int()], z.void()),
  onHostNotice: event(HostNotice),
  getHealth: call([], AppHealth),
  /** The renderer's part of the hub heartbeat (outbox, memory, fps, last interaction, session, scanner), every 30 s. */
  reportRendererHealth: call([RendererHealth], z.void()),
  /** A hub command only the renderer can carry out (`upload-events`: wake the uploader now). */
  onHostCommand: event(HostCommand),
  /** A frame was drawn (every couple of seconds while the page is visible), or the page was hidden: main's freeze detector. */
  reportFrame: call([FrameTick], z.void()),
  /** A line for the kiosk's log file: main redacts and rate-limits it; the browser host writes it to the console. */
  log: call([RendererLogLine], z.void()),
  hub: {
    /** The hub agent's state: off, not enrolled, enrolling, enrolled (to which hub, store and name), revoked; last heartbeat and error. */
    status: call([], HubStatus),
    /** Enrols with a one-time code from the console; in the kiosk app only while the admin screen is unlocked. */
    enrol: call([EnrolmentSecretInput], HubEnrolResult),
    /** Where the uploader sends events while enrolled: the hub and the kiosk's credential (never shown or logged); null otherwise. */
    eventsTarget: call([], EventsTarget.nullable()),
    /** Every change of the hub status. */
    onStatus: event(HubStatus),
  },
  admin: {
    unlock: call([AdminPin], AdminUnlockResult),
    /** Ends the admin session early. */
    lock: call([], z.void()),
    /** Leaves kiosk mode and quits; only after unlock. */
    exitKiosk: call([], AdminActionResult),
    /** Pack files on USB sticks and in the watched folders. */
    listPackFiles: call([], z.array(PackFileCandidate)),
    /** Checks a pack file completely without installing it. */
    checkPackFile: call([PackFileId], PackCheckReport),
    /** Installs a checked pack file; it starts at the next idle moment. */
    installPackFile: call([PackFileId], AdminActionResult),
    /** Goes back to the pack that was active before. */
    rollbackPack: call([], AdminActionResult),
  },
  coupons: {
    /** Signs a coupon with the kiosk's key and the next coupon number. */
    issue: call([CouponClaim], CouponIssueResult),
    publicKey: call([], CouponPublicKey.nullable()),
  },
});

export type HostApi = typeof HOST_API;

/** What the renderer holds: the preload's object in Electron, the web host in a browser. */
export type KioskApi = ClientOf<HostApi> & { readonly mode: HostMode };
export type AdminApi = KioskApi['admin'];
export type HubApi = KioskApi['hub'];
export type CouponApi = KioskApi['coupons'];

/** What main must answer on every call: a missing or mistyped handler does not compile. */
export type HostHandlers = HandlersOf<HostApi>;

export type { Unsubscribe } from './host-contract.ts';
export type {
  ActivePack,
  AdminActionResult,
  AdminUnlockResult,
  AppHealth,
  CameraAvailability,
  CouponClaim,
  CouponIssueResult,
  CouponPublicKey,
  DeviceIdentity,
  HostMode,
  IssuedCoupon,
  PackRef,
  SessionState,
} from './host-payloads.ts';
export type { EventsTarget, HostCommand, HubEnrolResult, HubState, HubStatus, RendererHealth } from './hub-agent/hub-payloads.ts';
export type { FrameTick, RendererLogLevel, RendererLogLine } from './unattended-payloads.ts';
