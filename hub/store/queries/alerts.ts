// Alerts: at most one open per kind and kiosk; opening one that is open does nothing,
// resolving one closes it; the webhook is told of each opening and resolution once.
import type { HubStore } from '../open-store.ts';

export interface AlertRecord {
  id: number;
  kind: string;
  deviceId: string;
  storeId: string;
  openedAt: number;
  resolvedAt: number | null;
  detail: Record<string, string | number | null>;
  notifiedOpen: boolean;
  notifiedResolved: boolean;
}

type Row = { id: number; kind: string; device_id: string; store_id: string; opened_at: number; resolved_at: number | null; detail: string; notified_open: number; notified_resolved: number };
const toRecord = (r: Row): AlertRecord => ({
  id: Number(r.id),
  kind: r.kind,
  deviceId: r.device_id,
  storeId: r.store_id,
  openedAt: r.opened_at,
  resolvedAt: r.resolved_at,
  detail: JSON.parse(r.detail) as AlertRecord['detail'],
  notifiedOpen: Number(r.notified_open) === 1,
  notifiedResolved: Number(r.notified_resolved) === 1,
});

export async function openAlerts(store: HubStore): Promise<AlertRecord[]> {
  const rows = await store.db.selectFrom('alerts').selectAll().where('resolved_at', 'is', null).orderBy('opened_at', 'desc').execute();
  return rows.map((r) => toRecord(r as Row));
}

export async function recentAlerts(store: HubStore, since: number): Promise<AlertRecord[]> {
  const rows = await store.db
    .selectFrom('alerts')
    .selectAll()
    .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('opened_at', '>=', since)]))
    .orderBy('opened_at', 'desc')
    .limit(2000)
    .execute();
  return rows.map((r) => toRecord(r as Row));
}

/** Opens an alert unless one of that kind is open for the kiosk; true when this call opened it. */
export async function raiseAlert(store: HubStore, a: { kind: string; deviceId: string; storeId: string; at: number; detail: AlertRecord['detail'] }): Promise<boolean> {
  const inserted = await store.db
    .insertInto('alerts')
    .values({ kind: a.kind, device_id: a.deviceId, store_id: a.storeId, opened_at: a.at, detail: JSON.stringify(a.detail) })
    .onConflict((oc) => oc.columns(['kind', 'device_id']).where('resolved_at', 'is', null).doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

/** Opens and resolves many alerts in one transaction (one disk write on SQLite, not one each). */
export async function applyAlertChanges(
  store: HubStore,
  raise: readonly { kind: string; deviceId: string; storeId: string; at: number; detail: AlertRecord['detail'] }[],
  resolve: readonly { id: number; at: number }[],
): Promise<void> {
  if (raise.length === 0 && resolve.length === 0) return;
  await store.db.transaction().execute(async (trx) => {
    for (const a of raise) {
      await trx
        .insertInto('alerts')
        .values({ kind: a.kind, device_id: a.deviceId, store_id: a.storeId, opened_at: a.at, detail: JSON.stringify(a.detail) })
        .onConflict((oc) => oc.columns(['kind', 'device_id']).where('resolved_at', 'is', null).doNothing())
        .execute();
    }
    for (const r of resolve) await trx.updateTable('alerts').set({ resolved_at: r.at }).where('id', '=', r.id).where('resolved_at', 'is', null).execute();
  });
}

export async function resolveAlert(store: HubStore, id: number, at: number): Promise<void> {
  await store.db.updateTable('alerts').set({ resolved_at: at }).where('id', '=', id).where('resolved_at', 'is', null).execute();
}

/** Alerts the webhook has not heard of yet: openings, and resolutions of ones it heard open. */
export async function alertsToNotify(store: HubStore): Promise<AlertRecord[]> {
  const rows = await store.db
    .selectFrom('alerts')
    .selectAll()
    .where((eb) => eb.or([eb('notified_open', '=', 0), eb.and([eb('resolved_at', 'is not', null), eb('notified_resolved', '=', 0)])]))
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map((r) => toRecord(r as Row));
}

export async function markNotified(store: HubStore, id: number, what: 'open' | 'resolved'): Promise<void> {
  await store.db
    .updateTable('alerts')
    .set(what === 'open' ? { notified_open: 1 } : { notified_resolved: 1 })
    .where('id', '=', id)
    .execute();
}
