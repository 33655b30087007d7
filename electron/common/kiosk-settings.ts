// The kiosk's settings as they cross the boundary. The schema that validates them is
// content/schema/kiosk-config.ts; electron/main/config.ts checks at compile time that
// the two describe the same shape.

export interface KioskSettings {
  storeId: string;
  kioskName: string;
  defaultLocale: 'zh-CN' | 'en';
  idle: { timeoutSec: number; warningSec: number };
  collector: { url?: string | undefined; writeKey?: string | undefined; budgetBytes: number; heartbeatSec: number };
  packs: {
    trustedKeys: { name: string; keyId: string; publicKey: string }[];
    watchFolders: string[];
    updateUrl?: string | undefined;
    pollIntervalSec: number;
    diskBudgetBytes: number;
  };
  scanner: { prefix: string; suffix: string; maxInterKeyMs: number; minLength: number; camera: boolean };
  gestures: {
    enabled: boolean;
    click: 'pinch' | 'dwell' | 'both';
    dwellMs: number;
    zone: { x: number; y: number; width: number; height: number };
    mirror: boolean;
  };
}
