// The heartbeat a kiosk sends the hub, made from what the host knows of itself and what
// the renderer last reported. Both hosts (main, the browser) build it here, so the two
// cannot report differently.
import type { AppUpdateReport, Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import type { CameraAvailability, HostMode, SessionState } from '../host-payloads.ts';
import type { RendererHealth } from './hub-payloads.ts';

/** What the renderer has told the host: kept by the host's handlers, read by the heartbeat. */
export interface RendererReports {
  camera: CameraAvailability;
  session: SessionState;
  /** The last reportRendererHealth, or null before the first. */
  health: RendererHealth | null;
}

export function newRendererReports(): RendererReports {
  return { camera: 'unknown', session: 'idle', health: null };
}

/** What the host knows of itself. */
export interface HostFacts {
  appVersion: string;
  mode: HostMode;
  platform: string;
  bootId: string;
  uptimeSec: number;
  pack: { packId: string; version: string } | null;
  /** The last pack import that failed, as the admin screen shows it. */
  packProblem: string | null;
  rendererRestarts: number;
  rendererCrashes: number;
  packRollbacks: number;
  /** The app's self-update; null where the host does not update itself (browser mode). */
  update: AppUpdateReport | null;
}

/** A heartbeat without its sentAt (the agent stamps it when it sends). */
export type HeartbeatFacts = Omit<Heartbeat, 'sentAt'>;

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1) + '…' : text);

export function heartbeatFacts(host: HostFacts, reports: RendererReports): HeartbeatFacts {
  const renderer = reports.health;
  return {
    appVersion: cut(host.appVersion, 40),
    mode: host.mode,
    platform: cut(host.platform, 40),
    bootId: cut(host.bootId, 100),
    uptimeSec: Math.max(0, Math.round(host.uptimeSec)),
    pack: host.pack ? { packId: cut(host.pack.packId, 100), version: cut(host.pack.version, 100) } : null,
    packProblem: host.packProblem === null ? null : cut(host.packProblem, 2000),
    rendererRestarts: host.rendererRestarts,
    rendererCrashes: host.rendererCrashes,
    packRollbacks: host.packRollbacks,
    camera: reports.camera,
    // Before the renderer reports, nothing listens to a scanner yet.
    scanner: renderer?.scanner ?? 'none',
    outbox: renderer?.outbox ?? null,
    jsHeapBytes: renderer?.jsHeapBytes ?? null,
    fps: renderer?.fps ?? null,
    lastInteractionAt: renderer?.lastInteractionAt ?? null,
    session: reports.session,
    update: host.update
      ? {
          ...host.update,
          currentVersion: cut(host.update.currentVersion, 40),
          availableVersion: host.update.availableVersion === null ? null : cut(host.update.availableVersion, 40),
          message: host.update.message === null ? null : cut(host.update.message, 500),
        }
      : null,
  };
}
