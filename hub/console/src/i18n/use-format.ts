// Formatting in the console's current language (dates in the browser's time zone).
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../../../../content/schema/localized.ts';
import { ageOf, formatDateTime, formatNumber } from './format.ts';
import { formatLocale } from './locale.ts';

export function useFormat() {
  const { t, locale } = useI18n();
  const intlLocale = computed(() => formatLocale(locale.value as Locale));

  function ago(at: number | null, now: number): string {
    if (at === null) return t('common.never');
    const age = ageOf(now - at);
    return age.unit === 'now' ? t('common.ago.now') : t(`common.ago.${age.unit}`, age.n);
  }

  /** A duration such as the oldest unsent event's age: "3 min", "5 h". */
  function duration(ms: number | null): string {
    if (ms === null) return '—';
    const age = ageOf(ms);
    return age.unit === 'now' ? t('common.duration.underMin') : t(`common.duration.${age.unit}`, age.n);
  }

  function num(value: number | null | undefined, digits = 0): string {
    return value === null || value === undefined ? '—' : formatNumber(value, intlLocale.value, digits);
  }

  function dateTime(at: number | string | null): string {
    return at === null ? '—' : formatDateTime(at, intlLocale.value);
  }

  return { ago, duration, num, dateTime, intlLocale };
}
