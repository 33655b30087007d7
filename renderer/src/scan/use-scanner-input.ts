// Every hand scanner the kiosk may have, listening app-wide: keyboard-wedge (any
// screen, any focus) and HID-POS. Paused while the admin panel is open.
import type { KioskSettings } from '../../../electron/common/kiosk-settings.ts';
import { useHidPosScanner } from './hid/use-hid-pos-scanner.ts';
import { useScanHandler } from './use-scan-handler.ts';
import { useWedgeScanner } from './wedge/use-wedge-scanner.ts';

export function useScannerInput(settings: KioskSettings['scanner'], paused: () => boolean): void {
  const handleScan = useScanHandler();
  useWedgeScanner(settings, ({ text, at }) => void handleScan({ text, source: 'scanner', at }), paused);
  useHidPosScanner(({ text, symbologyId, at }) => void handleScan({ text, symbologyId: symbologyId ?? undefined, source: 'scanner', at }), paused);
}
