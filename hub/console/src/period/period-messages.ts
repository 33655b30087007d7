// The period picker.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  label: '时间范围',
  preset: { today: '今天', last7: '最近 7 天', last30: '最近 30 天', custom: '自定义' },
  from: '开始日期',
  to: '结束日期',
  range: '{from} 至 {to}',
  browserDays: '日期按本机时区（{zone}）计算。',
} as const;

const en: Widen<typeof zhCN> = {
  label: 'Period',
  preset: { today: 'Today', last7: 'Last 7 days', last30: 'Last 30 days', custom: 'Custom' },
  from: 'From',
  to: 'To',
  range: '{from} to {to}',
  browserDays: 'Days are counted in this computer’s time zone ({zone}).',
};

export const periodMessages = { 'zh-CN': zhCN, en };
