// Alerts in the console (open, or the last 30 days), their thresholds and webhook, and
// the audit log.
import type { FastifyInstance } from 'fastify';
import { alertSettingsRoute, alertsRoute, auditRoute, putAlertSettingsRoute, type AlertKind } from '../../../../content/schema/hub-api/console/alerts.ts';
import { audit, listAudit } from '../../../store/queries/audit.ts';
import { openAlerts, recentAlerts } from '../../../store/queries/alerts.ts';
import { listKiosks } from '../../../store/queries/kiosks.ts';
import { writeSetting } from '../../../store/queries/settings.ts';
import { ALERT_SETTINGS_KEY, alertSettings } from '../../alerts/alert-job.ts';
import { visibleStores } from '../../auth/authenticate.ts';
import { addRoute } from '../../http/add-route.ts';
import type { HubContext } from '../../hub-context.ts';
import { actorOf } from './users.ts';

export function registerAlerts(app: FastifyInstance, hub: HubContext): void {
  addRoute(app, hub, alertsRoute, async ({ input, principal }) => {
    const visible = visibleStores(principal);
    const alerts = input.query.state === 'open' ? await openAlerts(hub.store) : await recentAlerts(hub.store, hub.clock.now() - 30 * 86_400_000);
    const names = new Map((await listKiosks(hub.store, { storeIds: visible })).map((k) => [k.deviceId, k.name]));
    return {
      alerts: alerts
        .filter((a) => !visible || visible.includes(a.storeId))
        .map((a) => ({ id: a.id, kind: a.kind as AlertKind, deviceId: a.deviceId, kioskName: names.get(a.deviceId) ?? a.deviceId, storeId: a.storeId, openedAt: a.openedAt, resolvedAt: a.resolvedAt, detail: a.detail })),
    };
  });

  addRoute(app, hub, alertSettingsRoute, () => alertSettings(hub));

  addRoute(
    app,
    hub,
    putAlertSettingsRoute,
    async ({ input, principal }) => {
      await writeSetting(hub.store, ALERT_SETTINGS_KEY, input.body);
      // The webhook's address may hold a robot's key: the audit log says only that it changed.
      const { webhookUrl, ...rest } = input.body;
      await audit(hub.store, { at: hub.clock.now(), actor: actorOf(principal), action: 'alerts.settings-changed', detail: { ...rest, webhook: webhookUrl ? new URL(webhookUrl).host : null } });
      return input.body;
    },
    { roles: ['admin'], bodyLimit: 8 * 1024 },
  );

  addRoute(app, hub, auditRoute, async ({ input }) => ({ entries: await listAudit(hub.store, input.query) }), { roles: ['admin'] });
}
