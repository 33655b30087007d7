import { describe, expect, it } from 'vitest';
import type { AlertRow } from '../../../../content/schema/hub-api/console/alerts.ts';
import { createConsoleI18n } from '../i18n/index.ts';
import { alertSentence } from './alert-sentence.ts';

function say(alert: Pick<AlertRow, 'kind' | 'detail'>, locale: 'zh-CN' | 'en'): string {
  const { t } = createConsoleI18n(locale).global;
  const s = alertSentence(alert, {
    num: (v) => v.toLocaleString(locale),
    duration: (ms) => (ms >= 3_600_000 ? t('common.duration.hours', Math.floor(ms / 3_600_000)) : t('common.duration.min', Math.floor(ms / 60_000))),
    dateTime: (at) => new Date(at).toISOString(),
  });
  return t(`alerts.seen.${s.key}`, s.values);
}

describe('alert kinds as sentences', () => {
  it('says how long a kiosk has been silent while its store is open', () => {
    const detail = { lastHeartbeatAt: 1_746_000_000_000, offlineOpenMinutes: 25 };
    expect(say({ kind: 'offline', detail }, 'en')).toBe('No heartbeat for 25 min of opening hours.');
    expect(say({ kind: 'offline', detail }, 'zh-CN')).toBe('营业时间内已有 25 分钟没有收到心跳。');
  });

  it('uses every number it is given, and says less without them', () => {
    expect(say({ kind: 'outbox-stale', detail: { outboxDepth: 1250, oldestUnsentMinutes: 125 } }, 'en')).toBe(
      'Online, but 1,250 events are unsent; the oldest has waited 2 h.',
    );
    expect(say({ kind: 'untouched', detail: { lastInteractionAt: null, untouchedOpenHours: 5.5 } }, 'zh-CN')).toBe('营业时间内已有 5 小时没有顾客触摸、扫码或挥手。');
    expect(say({ kind: 'seq-gap', detail: { missing: 17, since: 1_746_000_000_000 } }, 'en')).toBe('Events missing at the hub (seq gap) that the kiosk did not report dropping: 17.');
    expect(say({ kind: 'renderer-crashes', detail: { crashesLastHour: 4 } }, 'zh-CN')).toBe('一小时内界面崩溃 4 次。');
    expect(say({ kind: 'pack-rollback', detail: { pack: 'spring@2025.04.1', rollbacks: 1, problem: 'products.json is missing' } }, 'en')).toBe(
      'A new content pack failed, so the kiosk went back and now runs spring 2025.04.1. The problem: products.json is missing',
    );
    expect(say({ kind: 'seq-gap', detail: {} }, 'en')).toBe('The hub is missing events (a seq gap) that the kiosk did not report dropping.');
  });
});
