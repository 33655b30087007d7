// An alert as a webhook message: generic JSON, or the text message of a WeCom (企业微信)
// or DingTalk (钉钉) group robot, in Chinese and English, with the "resolved" message
// when its cause ends.
import type { AlertKind } from '../../../content/schema/hub-api/console/alerts.ts';

export interface AlertNotice {
  state: 'opened' | 'resolved';
  kind: AlertKind;
  alertId: number;
  at: number;
  kiosk: { deviceId: string; name: string; storeId: string };
  detail: Record<string, string | number | null>;
  consoleUrl: string;
}

const TITLES: Record<AlertKind, [zh: string, en: string]> = {
  offline: ['互动屏离线', 'Kiosk offline'],
  untouched: ['长时间无顾客互动', 'No shopper has touched the kiosk'],
  'outbox-stale': ['事件积压未上传', 'Events waiting to be sent'],
  'seq-gap': ['事件序号缺失', 'Events missing at the hub'],
  'renderer-crashes': ['画面反复崩溃', 'Screen keeps crashing'],
  'pack-rollback': ['内容包已回退', 'Content pack rolled back'],
};

function facts(n: AlertNotice): [zh: string, en: string] {
  const d = n.detail;
  switch (n.kind) {
    case 'offline':
      return [`营业时间内已离线 ${d.offlineOpenMinutes} 分钟`, `offline for ${d.offlineOpenMinutes} minutes of opening hours`];
    case 'untouched':
      return [`营业时间内 ${d.untouchedOpenHours} 小时无人互动`, `untouched for ${d.untouchedOpenHours} hours of opening hours`];
    case 'outbox-stale':
      return [`最早的事件已等待 ${d.oldestUnsentMinutes} 分钟（共 ${d.outboxDepth} 条）`, `oldest event waiting ${d.oldestUnsentMinutes} minutes (${d.outboxDepth} waiting)`];
    case 'seq-gap':
      return [`缺失 ${d.missing} 条事件`, `${d.missing} events missing`];
    case 'renderer-crashes':
      return [`最近一小时崩溃 ${d.crashesLastHour} 次`, `${d.crashesLastHour} crashes in the last hour`];
    case 'pack-rollback':
      return [`当前内容包 ${d.pack ?? '无'}`, `now on pack ${d.pack ?? 'none'}`];
  }
}

export function noticeText(n: AlertNotice): string {
  const [zh, en] = TITLES[n.kind];
  const [fzh, fen] = facts(n);
  const where = `${n.kiosk.storeId} · ${n.kiosk.name} (${n.kiosk.deviceId})`;
  const time = new Date(n.at).toISOString();
  return n.state === 'opened'
    ? `【告警】${zh}：${where}，${fzh}。\n[Alert] ${en}: ${where}, ${fen}.\n${time}\n${n.consoleUrl}`
    : `【已恢复】${zh}：${where}。\n[Resolved] ${en}: ${where}.\n${time}\n${n.consoleUrl}`;
}

export type WebhookFormat = 'json' | 'wecom' | 'dingtalk';

export function webhookBody(format: WebhookFormat, n: AlertNotice): unknown {
  if (format === 'wecom' || format === 'dingtalk') return { msgtype: 'text', text: { content: noticeText(n) } };
  return { type: 'shopfront.alert', state: n.state, kind: n.kind, alertId: n.alertId, at: new Date(n.at).toISOString(), kiosk: n.kiosk, detail: n.detail, text: noticeText(n), consoleUrl: n.consoleUrl };
}

/**
 * Posts one notice; true when the receiver took it. WeCom and DingTalk answer 200 with
 * `errcode` in the body, non-zero when they refused it.
 */
export async function postWebhook(url: string, format: WebhookFormat, n: AlertNotice, fetchImpl: typeof fetch = fetch): Promise<{ ok: boolean; problem: string | null }> {
  try {
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webhookBody(format, n)),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    if (!res.ok) return { ok: false, problem: `HTTP ${res.status}: ${text.slice(0, 200)}` };
    if (format !== 'json') {
      const errcode = (() => {
        try {
          return (JSON.parse(text) as { errcode?: number }).errcode ?? 0;
        } catch {
          return 0;
        }
      })();
      if (errcode !== 0) return { ok: false, problem: `the robot refused it: ${text.slice(0, 200)}` };
    }
    return { ok: true, problem: null };
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
}
