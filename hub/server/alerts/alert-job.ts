// Every minute, one hub process looks at every kiosk: opens the alerts whose cause holds
// while its store is open, resolves those whose cause ended, and tells the webhook about
// each opening and resolution once (retried next minute when the webhook fails).
import { AlertSettings, DEFAULT_ALERT_SETTINGS, type AlertKind } from '../../../content/schema/hub-api/console/alerts.ts';
import { Heartbeat } from '../../../content/schema/hub-api/heartbeat.ts';
import { alertsToNotify, markNotified, openAlerts, raiseAlert, resolveAlert } from '../../store/queries/alerts.ts';
import { listKiosks, parseMarks } from '../../store/queries/kiosks.ts';
import { readSetting } from '../../store/queries/settings.ts';
import type { HubContext } from '../hub-context.ts';
import { alertCauses, alertChanges } from './alert-rules.ts';
import { storeHoursById } from '../routes/console/stores.ts';
import { postWebhook } from './webhook.ts';

export const ALERT_SETTINGS_KEY = 'alerts';

export async function alertSettings(hub: HubContext): Promise<AlertSettings> {
  const stored = await readSetting<unknown>(hub.store, ALERT_SETTINGS_KEY);
  const parsed = AlertSettings.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

function heartbeatOf(json: string | null): Heartbeat | null {
  if (!json) return null;
  const parsed = Heartbeat.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export async function evaluateAlerts(hub: HubContext): Promise<void> {
  const now = hub.clock.now();
  const settings = await alertSettings(hub);
  const hours = await storeHoursById(hub);
  const open = await openAlerts(hub.store);
  const openByKiosk = new Map<string, Map<string, (typeof open)[number]>>();
  for (const a of open) {
    const m = openByKiosk.get(a.deviceId) ?? new Map();
    m.set(a.kind, a);
    openByKiosk.set(a.deviceId, m);
  }
  for (const kiosk of await listKiosks(hub.store, { storeIds: null })) {
    const store = hours(kiosk.storeId);
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
    const changes = alertChanges(causes, new Set(mine.keys()) as Set<AlertKind>, store, now);
    for (const { kind, detail } of changes.raise) await raiseAlert(hub.store, { kind, deviceId: kiosk.deviceId, storeId: kiosk.storeId, at: now, detail });
    for (const kind of changes.resolve) await resolveAlert(hub.store, mine.get(kind)!.id, now);
  }
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
