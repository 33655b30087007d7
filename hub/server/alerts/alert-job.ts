// Every minute, one hub process looks at every kiosk: opens the alerts whose cause holds
// while its store is open, resolves those whose cause ended, and tells the webhook about
// each opening and resolution once (retried next minute when the webhook fails).
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { AlertSettings, DEFAULT_ALERT_SETTINGS, type AlertKind } from '../../../content/schema/hub-api/console/alerts.ts';
import type { Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import { alertsToNotify, applyAlertChanges, markNotified, openAlerts } from '../../store/queries/alerts.ts';
import { listKiosks, parseMarks } from '../../store/queries/kiosks.ts';
import { readSetting } from '../../store/queries/settings.ts';
import type { HubContext } from '../hub-context.ts';
import { alertCauses, alertChanges } from './alert-rules.ts';
import { openingView, type OpeningView } from './opening-hours.ts';
import { storeHoursById } from '../routes/console/stores.ts';
import { postWebhook } from './webhook.ts';

export const ALERT_SETTINGS_KEY = 'alerts';

export async function alertSettings(hub: HubContext): Promise<AlertSettings> {
  const stored = await readSetting<unknown>(hub.store, ALERT_SETTINGS_KEY);
  const parsed = AlertSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

/** The last heartbeat as stored (it was checked against the contract when it arrived). */
function heartbeatOf(json: string | null): Heartbeat | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as Heartbeat;
  } catch {
    return null;
  }
}

/** Kiosks looked at between two turns of the event loop: the job never holds up requests for long. */
const KIOSKS_PER_TURN = 200;

export async function evaluateAlerts(hub: HubContext): Promise<void> {
  const now = hub.clock.now();
  const settings = await alertSettings(hub);
  const hours = await storeHoursById(hub);
  // Each store's hours worked out once for this run, however many kiosks it has.
  const views = new Map<string, OpeningView>();
  const viewOf = (storeId: string) => views.get(storeId) ?? views.set(storeId, openingView(hours(storeId), now)).get(storeId)!;
  const open = await openAlerts(hub.store);
  const openByKiosk = new Map<string, Map<string, (typeof open)[number]>>();
  for (const a of open) {
    const m = openByKiosk.get(a.deviceId) ?? new Map();
    m.set(a.kind, a);
    openByKiosk.set(a.deviceId, m);
  }
  let seen = 0;
  let raise: Parameters<typeof applyAlertChanges>[1][number][] = [];
  let resolve: Parameters<typeof applyAlertChanges>[2][number][] = [];
  const flush = async () => {
    await applyAlertChanges(hub.store, raise, resolve);
    raise = [];
    resolve = [];
  };
  for (const kiosk of await listKiosks(hub.store, { storeIds: null })) {
    if (++seen % KIOSKS_PER_TURN === 0) {
      await flush();
      await yieldToRequests();
    }
    const store = viewOf(kiosk.storeId);
    const mine = openByKiosk.get(kiosk.deviceId) ?? new Map();
    const causes = alertCauses(
      {
        enrolledAt: kiosk.enrolledAt,
        revoked: kiosk.revokedAt !== null,
        lastHeartbeatAt: kiosk.lastHeartbeatAt,
        heartbeat: heartbeatOf(kiosk.heartbeat),
        seqGaps: kiosk.seqGaps,
        gapsSince: kiosk.gapsSince,
        crashMarks: parseMarks(kiosk.crashMarks),
      },
      store,
      settings,
      now,
      mine.get('pack-rollback')?.detail ?? null,
      hub.options.onlineWithinMs,
    );
    const changes = alertChanges(causes, new Set(mine.keys()) as Set<AlertKind>, store);
    for (const { kind, detail } of changes.raise) raise.push({ kind, deviceId: kiosk.deviceId, storeId: kiosk.storeId, at: now, detail });
    for (const kind of changes.resolve) resolve.push({ id: mine.get(kind)!.id, at: now });
  }
  await flush();
  await notifyWebhook(hub, settings);
}

async function notifyWebhook(hub: HubContext, settings: AlertSettings): Promise<void> {
  const pending = await alertsToNotify(hub.store);
  if (pending.length === 0) return;
  const kiosks = new Map((await listKiosks(hub.store, { storeIds: null })).map((k) => [k.deviceId, k]));
  for (const alert of pending) {
    const state = alert.notifiedOpen ? 'resolved' : 'opened';
    if (!settings.webhookUrl) {
      // Nobody to tell: shown in the console only.
      await markNotified(hub.store, alert.id, state === 'opened' ? 'open' : 'resolved');
      continue;
    }
    const kiosk = kiosks.get(alert.deviceId);
    const sent = await postWebhook(settings.webhookUrl, settings.webhookFormat, {
      state,
      kind: alert.kind as AlertKind,
      alertId: alert.id,
      at: state === 'opened' ? alert.openedAt : (alert.resolvedAt ?? hub.clock.now()),
      kiosk: { deviceId: alert.deviceId, name: kiosk?.name ?? alert.deviceId, storeId: alert.storeId },
      detail: alert.detail,
      consoleUrl: `${hub.options.publicUrl}/console/alerts`,
    });
    if (!sent.ok) {
      hub.log.warn({ alertId: alert.id, problem: sent.problem }, 'alert webhook failed; trying again next minute');
      return;
    }
    await markNotified(hub.store, alert.id, state === 'opened' ? 'open' : 'resolved');
  }
}
