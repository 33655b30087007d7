import { z } from 'zod';

/** Languages a shopper can choose; zh-CN is the default and must always be present. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Shopper-facing text in every language: zh-CN is required, English falls back to it. */
export const LocalizedText = z
  .object({
    'zh-CN': z.string().trim().min(1, { message: 'needs Chinese (zh-CN) text' }),
    en: z.string().trim().min(1).optional(),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text['zh-CN'];
}
