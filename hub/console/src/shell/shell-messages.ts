// The header and the menu.
import type { Widen } from '../i18n/messages.ts';

const zhCN = {
  menu: '主菜单',
  otherLanguage: 'English',
  signOut: '退出登录',
  pages: {
    fleet: '设备总览',
    kiosk: '设备详情',
    analytics: '数据分析',
    packs: '内容包',
    pack: '内容包详情',
    packBuilder: '制作内容包',
    rollouts: '发布',
    packKeys: '密钥与令牌',
    till: '收银核销',
    coupons: '优惠券对账',
    stores: '门店',
    enrolment: '设备注册',
    alerts: '告警',
    users: '账号',
    audit: '操作记录',
  },
} as const;

const en: Widen<typeof zhCN> = {
  menu: 'Main menu',
  otherLanguage: '中文',
  signOut: 'Sign out',
  pages: {
    fleet: 'Fleet',
    kiosk: 'Kiosk',
    analytics: 'Analytics',
    packs: 'Packs',
    pack: 'Pack',
    packBuilder: 'Build a pack',
    rollouts: 'Publishing',
    packKeys: 'Keys and tokens',
    till: 'Till',
    coupons: 'Coupons',
    stores: 'Stores',
    enrolment: 'Enrolment',
    alerts: 'Alerts',
    users: 'Users',
    audit: 'Audit log',
  },
};

export const shellMessages = { 'zh-CN': zhCN, en };
