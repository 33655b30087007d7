// Audit entries in words: who acted, and the detail as short key: value pairs.
import type { AuditEntry } from '../../../../content/schema/hub-api/console/alerts.ts';

export type Actor = { kind: 'user' | 'kiosk'; name: string } | { kind: 'hub' } | { kind: 'other'; name: string };

export function actorOf(actor: string): Actor {
  if (actor === 'hub') return { kind: 'hub' };
  const m = /^(user|kiosk):(.+)$/.exec(actor);
  return m ? { kind: m[1] as 'user' | 'kiosk', name: m[2]! } : { kind: 'other', name: actor };
}

export function detailText(detail: AuditEntry['detail']): string {
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}
