// The kiosk's settings as they cross the boundary: exactly what content/schema's
// KioskConfig yields once checked and defaulted, so the two can never drift apart.
import type { KioskConfig } from '../../content/schema/kiosk-config.ts';

export type KioskSettings = KioskConfig;
