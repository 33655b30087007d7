// Alerts that know opening hours, their webhook, and the audit log.
import { z } from 'zod';
import { ApiErrorBody } from '../errors.ts';
import { route } from '../route.ts';

export const ALERT_KINDS = ['offline', 'untouched', 'outbox-stale', 'seq-gap', 'renderer-crashes', 'pack-rollback'] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertRow = z.object({
  id: z.number(),
  kind: AlertKind,
  deviceId: z.string(),
  kioskName: z.string(),
  storeId: z.string(),
  openedAt: z.number(),
  resolvedAt: z.number().nullable(),
  /** What was seen, in the console's words (English and Chinese are made from kind + numbers). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type AlertRow = z.infer<typeof AlertRow>;

export const alertsRoute = route({
  method: 'GET',
  path: '/api/alerts',
  auth: 'console',
  summary: 'Open alerts, or every alert of the last 30 days.',
  query: z.object({ state: z.enum(['open', 'all']).default('open') }),
  responses: { 200: z.object({ alerts: z.array(AlertRow) }) },
});

export const WebhookFormat = z.enum(['json', 'wecom', 'dingtalk']);
export const AlertSettings = z.strictObject({
  /** Where alerts are POSTed; null: shown in the console only. */
  webhookUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  webhookFormat: WebhookFormat,
  /** Minutes a kiosk may miss heartbeats while its store is open. */
  offlineMin: z.number().int().min(5).max(24 * 60),
  /** Hours without a shopper touching a kiosk while its store is open. */
  untouchedHours: z.number().int().min(1).max(72),
  /** Minutes the oldest unsent event may wait while the kiosk is online. */
  outboxStaleMin: z.number().int().min(10).max(24 * 60),
  /** Minutes a seq gap may stay open. */
  seqGapMin: z.number().int().min(10).max(24 * 60),
  /** Renderer crashes within an hour that raise an alert. */
  crashesPerHour: z.number().int().min(1).max(100),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  webhookUrl: null,
  webhookFormat: 'json',
  offlineMin: 15,
  untouchedHours: 4,
  outboxStaleMin: 60,
  seqGapMin: 60,
  crashesPerHour: 3,
};

export const alertSettingsRoute = route({
  method: 'GET',
  path: '/api/settings/alerts',
  auth: 'console',
  summary: 'The alert thresholds and webhook.',
  responses: { 200: AlertSettings },
});

export const putAlertSettingsRoute = route({
  method: 'PUT',
  path: '/api/settings/alerts',
  auth: 'console',
  summary: 'Changes the alert thresholds and webhook.',
  body: AlertSettings,
  responses: { 200: AlertSettings, 400: ApiErrorBody, 403: ApiErrorBody },
});

export const AuditEntry = z.object({
  id: z.number(),
  at: z.number(),
  /** `user:<name>`, `kiosk:<deviceId>` or `hub`. */
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditRoute = route({
  method: 'GET',
  path: '/api/audit',
  auth: 'console',
  summary: 'Every state-changing action, newest first.',
  query: z.object({ before: z.coerce.number().int().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
  responses: { 200: z.object({ entries: z.array(AuditEntry) }), 403: ApiErrorBody },
});
