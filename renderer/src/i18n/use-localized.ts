// Pack text ({ "zh-CN": …, en: … }) in the shopper's current language.
import { useI18n } from 'vue-i18n';
import { localize, type Locale, type LocalizedText } from '../../../content/schema/localized.ts';

export function useLocalized() {
  const { locale } = useI18n();
  return (text: LocalizedText | undefined) => localize(text, locale.value as Locale);
}
