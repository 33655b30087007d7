// The console's language: zh-CN unless this browser chose English before.
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../../content/schema/localized.ts';

export const LOCALE_STORAGE_KEY = 'hub-console.locale';

export function savedLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  let value: string | null = null;
  try {
    value = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be switched off; the default then.
  }
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

export function saveLocale(locale: Locale, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, still switched.
  }
}

/**
 * The locale dates and numbers are written in: the browser's own when it speaks the
 * console's language (en-GB writes 03/05), the console's language otherwise.
 */
export function formatLocale(locale: Locale, browserLanguages: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const primary = locale.split('-')[0];
  return browserLanguages.find((l) => l.split('-')[0] === primary) ?? locale;
}
