// A failed call as one sentence for the page, never a stack trace: the hub's own
// sentence when it gave one, otherwise what the status means, in the console's language.
// The hub writes its sentences in English (the contract has no Chinese for them), so a
// Chinese console says what the status means first and adds the hub's words after it.
import { useI18n } from 'vue-i18n';
import { ApiError } from './api-error.ts';

const BY_STATUS: Record<number, string> = {
  400: 'common.errors.badRequest',
  401: 'common.errors.unauthorized',
  403: 'common.errors.forbidden',
  404: 'common.errors.notFound',
  409: 'common.errors.conflict',
  413: 'common.errors.tooLarge',
  429: 'common.errors.tooMany',
};

export function useErrorText() {
  const { t, locale } = useI18n();
  /** `overrides`: sentences this page has for some statuses (a login's 401 and 423). */
  return (err: unknown, overrides: Readonly<Record<number, string>> = {}): string => {
    if (!(err instanceof ApiError)) return t('common.errors.unknown');
    const own = overrides[err.status];
    if (own) return own;
    if (err.code === 'network') return t('common.errors.network');
    if (err.code === 'bad-answer') return t('common.errors.badAnswer');
    if (err.status >= 500) return t('common.errors.server');
    const key = BY_STATUS[err.status];
    if (err.fromHub) return locale.value === 'en' || !key ? err.message : t('common.errors.withHub', { sentence: t(key), hub: err.message });
    return key ? t(key) : t('common.errors.unknown');
  };
}
