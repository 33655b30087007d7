// The settings of the virtual kiosk (its /kiosk-config.json): the language asked for,
// no hub and no collector — it enrols nowhere, reports nothing and its coupons count
// nowhere — and no camera, so the console's browser is never asked for one.
import { KioskConfig } from '../../../content/schema/kiosk-config.ts';
import type { Locale } from '../../../content/schema/localized.ts';

export const PREVIEW_STORE_ID = 'preview';

export function previewConfig(locale: Locale): KioskConfig {
  return KioskConfig.parse({
    storeId: PREVIEW_STORE_ID,
    kioskName: 'Preview',
    defaultLocale: locale,
    scanner: { camera: false },
    gestures: { enabled: false },
  });
}
