// The alerts page: each kind as a sentence, and the settings.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  title: '告警',
  tabOpen: '未处理',
  tabAll: '最近 30 天',
  noneOpen: '没有未处理的告警，所有设备运行正常。',
  noneAll: '最近 30 天没有告警。',
  open: '未处理',
  resolvedAt: '已于 {time} 恢复',
  col: { kind: '类型', kiosk: '设备', store: '门店', since: '开始时间', seen: '情况', state: '状态' },
  kind: {
    offline: '离线',
    untouched: '无人互动',
    outboxStale: '事件积压',
    seqGap: '事件缺失',
    rendererCrashes: '界面崩溃',
    packRollback: '内容包回退',
  },
  seen: {
    offline: {
      for: '营业时间内已有 {duration}没有收到心跳。',
      since: '门店营业期间没有心跳，最后一次心跳在 {time}。',
      plain: '门店营业期间没有收到心跳。',
    },
    untouched: {
      for: '营业时间内已有 {duration}没有顾客触摸、扫码或挥手。',
      since: '门店营业期间没有顾客互动，最后一次在 {time}。',
      plain: '门店营业期间长时间没有顾客互动。',
    },
    outboxStale: {
      depthAge: '设备在线，但有 {depth} 条事件未发出，最久的已等待 {duration}。',
      age: '设备在线，但最久的未发事件已等待 {duration}。',
      plain: '设备在线，但事件长时间没有发出。',
    },
    seqGap: {
      count: '服务器缺少 {count} 条事件（序号缺口），且设备没有报告丢弃。',
      plain: '服务器收到的事件序号有缺口，且设备没有报告丢弃。',
    },
    rendererCrashes: {
      count: '一小时内界面崩溃 {count} 次。',
      plain: '一小时内界面多次崩溃。',
    },
    packRollback: {
      packProblem: '新内容包无法运行，设备已回退，现在运行 {pack}。问题：{problem}',
      pack: '新内容包无法运行，设备已回退，现在运行 {pack}。',
      problem: '新内容包无法运行，设备已回退到上一个内容包。问题：{problem}',
      plain: '新内容包无法运行，设备已回退到上一个内容包。',
    },
  },
  settings: {
    title: '告警设置',
    webhookUrl: 'Webhook 地址',
    webhookHint: '告警会推送到这个地址；留空则只在管理台显示。',
    webhookError: '请输入以 http:// 或 https:// 开头的完整地址（最多 500 个字符）',
    format: '推送格式',
    formats: { json: '通用 JSON', wecom: '企业微信机器人', dingtalk: '钉钉机器人' },
    thresholds: {
      offlineMin: '营业时间内离线超过',
      untouchedHours: '营业时间内无人互动超过',
      outboxStaleMin: '在线时事件积压超过',
      seqGapMin: '事件缺口持续超过',
      crashesPerHour: '每小时界面崩溃达到',
    },
    units: { offlineMin: '分钟', untouchedHours: '小时', outboxStaleMin: '分钟', seqGapMin: '分钟', crashesPerHour: '次' },
    range: '{min}–{max}',
    rangeError: '请输入 {min} 到 {max} 之间的整数',
  },
} as const;

const en: Widen<typeof zhCN> = {
  title: 'Alerts',
  tabOpen: 'Open',
  tabAll: 'Last 30 days',
  noneOpen: 'No open alerts: every kiosk is doing fine.',
  noneAll: 'No alerts in the last 30 days.',
  open: 'Open',
  resolvedAt: 'Resolved {time}',
  col: { kind: 'Kind', kiosk: 'Kiosk', store: 'Store', since: 'Since', seen: 'What was seen', state: 'State' },
  kind: {
    offline: 'Offline',
    untouched: 'Untouched',
    outboxStale: 'Events stuck',
    seqGap: 'Events missing',
    rendererCrashes: 'Screen crashes',
    packRollback: 'Pack rolled back',
  },
  seen: {
    offline: {
      for: 'No heartbeat for {duration} of opening hours.',
      since: 'No heartbeat while the store is open; the last one came at {time}.',
      plain: 'No heartbeat while the store is open.',
    },
    untouched: {
      for: 'No shopper has touched, scanned or waved for {duration} of opening hours.',
      since: 'No shopper interaction while the store is open; the last was at {time}.',
      plain: 'No shopper interaction for a long time while the store is open.',
    },
    outboxStale: {
      depthAge: 'Online, but {depth} events are unsent; the oldest has waited {duration}.',
      age: 'Online, but the oldest unsent event has waited {duration}.',
      plain: 'Online, but its events have not been sent for a long time.',
    },
    seqGap: {
      count: 'Events missing at the hub (seq gap) that the kiosk did not report dropping: {count}.',
      plain: 'The hub is missing events (a seq gap) that the kiosk did not report dropping.',
    },
    rendererCrashes: {
      count: 'Screen crashes within an hour: {count}.',
      plain: 'The screen crashed several times within an hour.',
    },
    packRollback: {
      packProblem: 'A new content pack failed, so the kiosk went back and now runs {pack}. The problem: {problem}',
      pack: 'A new content pack failed, so the kiosk went back and now runs {pack}.',
      problem: 'A new content pack failed and the kiosk went back to the previous one. The problem: {problem}',
      plain: 'A new content pack failed and the kiosk went back to the previous one.',
    },
  },
  settings: {
    title: 'Alert settings',
    webhookUrl: 'Webhook URL',
    webhookHint: 'Alerts are posted here; leave it empty to see them in the console only.',
    webhookError: 'Enter a full address starting with http:// or https:// (at most 500 characters)',
    format: 'Format',
    formats: { json: 'Plain JSON', wecom: 'WeCom bot', dingtalk: 'DingTalk bot' },
    thresholds: {
      offlineMin: 'Offline while open for more than',
      untouchedHours: 'Untouched while open for more than',
      outboxStaleMin: 'Events unsent while online for more than',
      seqGapMin: 'A seq gap open for more than',
      crashesPerHour: 'Screen crashes per hour reaching',
    },
    units: { offlineMin: 'min', untouchedHours: 'h', outboxStaleMin: 'min', seqGapMin: 'min', crashesPerHour: 'crashes' },
    range: '{min}–{max}',
    rangeError: 'Enter a whole number from {min} to {max}',
  },
};

export const alertsMessages = { 'zh-CN': zhCN, en };
