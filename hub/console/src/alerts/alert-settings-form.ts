// The alert settings form, pure: inputs as text, checked with the contract's AlertSettings.
import { AlertSettings } from '../../../../content/schema/hub-api/console/alerts.ts';

export const THRESHOLDS = ['offlineMin', 'untouchedHours', 'outboxStaleMin', 'seqGapMin', 'crashesPerHour'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** The ranges the contract allows, for the hints next to the inputs. */
export const THRESHOLD_RANGES: Record<Threshold, { min: number; max: number }> = {
  offlineMin: { min: 5, max: 1440 },
  untouchedHours: { min: 1, max: 72 },
  outboxStaleMin: { min: 10, max: 1440 },
  seqGapMin: { min: 10, max: 1440 },
  crashesPerHour: { min: 1, max: 100 },
};

export interface AlertSettingsDraft {
  webhookUrl: string;
  webhookFormat: AlertSettings['webhookFormat'];
  values: Record<Threshold, string>;
}

export function draftFromSettings(s: AlertSettings): AlertSettingsDraft {
  return {
    webhookUrl: s.webhookUrl ?? '',
    webhookFormat: s.webhookFormat,
    values: Object.fromEntries(THRESHOLDS.map((k) => [k, String(s[k])])) as Record<Threshold, string>,
  };
}

export type AlertSettingsCheck = { ok: true; settings: AlertSettings } | { ok: false; errors: Partial<Record<'webhookUrl' | 'webhookFormat' | Threshold, true>> };

export function checkAlertSettings(draft: AlertSettingsDraft): AlertSettingsCheck {
  const candidate = {
    webhookUrl: draft.webhookUrl.trim() === '' ? null : draft.webhookUrl.trim(),
    webhookFormat: draft.webhookFormat,
    ...Object.fromEntries(THRESHOLDS.map((k) => [k, draft.values[k].trim() === '' ? Number.NaN : Number(draft.values[k])])),
  };
  const parsed = AlertSettings.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<'webhookUrl' | 'webhookFormat' | Threshold, true>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string') errors[field as keyof typeof errors] = true;
  }
  return { ok: false, errors };
}
