// The audit page.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  title: '操作记录',
  empty: '还没有操作记录。',
  older: '加载更早的记录',
  end: '已显示全部记录。',
  actor: { user: '账号 {name}', kiosk: '设备 {name}', hub: '服务器' },
  col: { at: '时间', actor: '操作者', action: '操作', target: '对象', detail: '详情' },
} as const;

const en: Widen<typeof zhCN> = {
  title: 'Audit log',
  empty: 'Nothing has been changed yet.',
  older: 'Load older entries',
  end: 'That is everything.',
  actor: { user: 'User {name}', kiosk: 'Kiosk {name}', hub: 'The hub' },
  col: { at: 'When', actor: 'Who', action: 'Action', target: 'On', detail: 'Detail' },
};

export const auditMessages = { 'zh-CN': zhCN, en };
