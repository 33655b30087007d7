// The audit log: every state-changing action, who did it and to what. Never anything
// personal about shoppers; never a password, token or code.
import type { HubStore } from '../open-store.ts';

export interface AuditInput {
  at: number;
  /** `user:<name>`, `kiosk:<deviceId>`, `hub`. */
  actor: string;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(store: HubStore, entry: AuditInput): Promise<void> {
  await store.db
    .insertInto('audit_log')
    .values({ at: entry.at, actor: entry.actor, action: entry.action, target: entry.target ?? null, detail: JSON.stringify(entry.detail ?? {}) })
    .execute();
}

export async function listAudit(store: HubStore, page: { before?: number | undefined; limit: number }) {
  let query = store.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(page.limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const rows = await query.execute();
  return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
