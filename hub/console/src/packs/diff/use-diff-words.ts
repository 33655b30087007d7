// The diff's words: a changed field's name and its values, in the console's language.
import { useI18n } from 'vue-i18n';
import { useFormat } from '../../i18n/use-format.ts';
import { formatValue, leafOf } from './diff-values.ts';

/** Fields the console names in words; any other shows its path as the pack holds it. */
export const NAMED_FIELDS = [
  'version', 'title', 'name', 'validFrom', 'validTo', 'stores', 'kiosks', 'packId',
  'reward', 'kind', 'amount', 'minSpend', 'percent', 'terms', 'couponValidDays', 'dailyCapPerKiosk', 'inventoryPerKiosk', 'capPerSession', 'cooldownSec', 'windows', 'minScore', 'claimUrlTemplate',
  'playlist', 'games', 'days', 'from', 'to', 'items',
  'body', 'badge', 'image', 'products',
  'howTo', 'durationSec', 'difficulty', 'segments', 'goodItems', 'badItems', 'basket', 'symbols', 'cover', 'theme', 'colours',
  'storeName', 'logo', 'callToAction', 'currency', 'productUrlTemplate', 'primary', 'accent', 'background', 'text', 'icon',
] as const;
const NAMED: ReadonlySet<string> = new Set(NAMED_FIELDS);

export function useDiffWords() {
  const { t, locale } = useI18n();
  const { intlLocale } = useFormat();
  const words = {
    notSet: t('packDiff.notSet'),
    yes: t('packDiff.yes'),
    no: t('packDiff.no'),
    weekday: (d: number) => t(`packDiff.weekday.d${d}`),
    seconds: (n: string) => t('packDiff.seconds', { n }),
  };

  /** The field's name in words, and its path when the name alone does not say where. */
  function label(field: string): { name: string; path: string | null } {
    const leaf = leafOf(field);
    if (!NAMED.has(leaf)) return { name: field, path: null };
    return { name: t(`packDiff.field.${leaf}`), path: field.includes('.') ? field : null };
  }

  function value(field: string, v: unknown): string {
    return formatValue(field, v, locale.value, intlLocale.value, words);
  }

  return { label, value };
}
