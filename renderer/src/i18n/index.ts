import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../../../content/schema/localized.ts';
import { en } from './en.ts';
import { zhCN, type MessageSchema } from './zh-CN.ts';

export function createKioskI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN as MessageSchema, en },
  });
}

export type KioskI18n = ReturnType<typeof createKioskI18n>;
