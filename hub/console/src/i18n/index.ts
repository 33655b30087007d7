// The console's messages: zh-CN first, English second, one file per feature.
import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, type Locale } from '../../../../content/schema/localized.ts';
import { alertsMessages } from '../alerts/alerts-messages.ts';
import { analyticsMessages } from '../analytics/analytics-messages.ts';
import { auditMessages } from '../audit/audit-messages.ts';
import { authMessages } from '../auth/auth-messages.ts';
import { chartsMessages } from '../charts/charts-messages.ts';
import { couponsMessages } from '../coupons/coupons-messages.ts';
import { enrolmentMessages } from '../enrolment/enrolment-messages.ts';
import { fleetMessages } from '../fleet/fleet-messages.ts';
import { kioskMessages } from '../kiosk/kiosk-messages.ts';
import { builderMessages } from '../packs/builder/builder-messages.ts';
import { packDiffMessages } from '../packs/diff/diff-messages.ts';
import { packKeysMessages } from '../packs/keys/keys-messages.ts';
import { packsMessages } from '../packs/packs-messages.ts';
import { rolloutMessages } from '../packs/rollout/rollout-messages.ts';
import { periodMessages } from '../period/period-messages.ts';
import { shellMessages } from '../shell/shell-messages.ts';
import { storesMessages } from '../stores/stores-messages.ts';
import { tillMessages } from '../till/till-messages.ts';
import { usersMessages } from '../users/users-messages.ts';
import { commonMessages } from './common-messages.ts';

const FEATURES = {
  common: commonMessages,
  shell: shellMessages,
  auth: authMessages,
  fleet: fleetMessages,
  kiosk: kioskMessages,
  charts: chartsMessages,
  stores: storesMessages,
  enrolment: enrolmentMessages,
  alerts: alertsMessages,
  users: usersMessages,
  audit: auditMessages,
  period: periodMessages,
  analytics: analyticsMessages,
  till: tillMessages,
  coupons: couponsMessages,
  packs: packsMessages,
  packDiff: packDiffMessages,
  rollout: rolloutMessages,
  packKeys: packKeysMessages,
  builder: builderMessages,
} as const;

type Features = typeof FEATURES;
export type MessageSchema = { [K in keyof Features]: Features[K]['en'] };

function messagesFor(locale: Locale): MessageSchema {
  return Object.fromEntries(Object.entries(FEATURES).map(([name, m]) => [name, m[locale]])) as MessageSchema;
}

export function createConsoleI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { 'zh-CN': messagesFor('zh-CN'), en: messagesFor('en') },
  });
}

export type ConsoleI18n = ReturnType<typeof createConsoleI18n>;
