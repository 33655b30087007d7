// Scanners in HID-POS mode, through WebHID. Only devices the host already granted are
// used (the kiosk has no one to click a device chooser): in Electron, main grants HID
// usage page 0x8C with session.setDevicePermissionHandler. Optional: without WebHID or
// a granted scanner this does nothing.
import { onBeforeUnmount, onMounted } from 'vue';
import { useScannerStatus } from '../scanner-status.ts';
import { createHidPosAssembler, HID_POS_USAGE_PAGE, type HidPosScan } from './hid-pos-report.ts';

/** The parts of WebHID used here (not in TypeScript's DOM library). */
interface HidDevice extends EventTarget {
  opened: boolean;
  collections: { usagePage?: number }[];
  open(): Promise<void>;
  close(): Promise<void>;
}
interface HidInputReportEvent extends Event {
  data: DataView;
  device: HidDevice;
}
interface Hid extends EventTarget {
  getDevices(): Promise<HidDevice[]>;
}

const isScanner = (device: HidDevice) => device.collections.some((c) => c.usagePage === HID_POS_USAGE_PAGE);

export function useHidPosScanner(onScan: (scan: HidPosScan & { at: number }) => void, paused: () => boolean): void {
  const hid = (navigator as Navigator & { hid?: Hid }).hid;
  const devices = new Map<HidDevice, ReturnType<typeof createHidPosAssembler>>();
  const status = useScannerStatus();
  let stopped = false;

  const onReport = (event: Event) => {
    const { data, device } = event as HidInputReportEvent;
    const scan = devices.get(device)?.push(data);
    if (scan && !paused()) onScan({ ...scan, at: event.timeStamp });
  };

  async function attach(device: HidDevice) {
    if (stopped || devices.has(device) || !isScanner(device)) return;
    devices.set(device, createHidPosAssembler());
    try {
      if (!device.opened) await device.open();
      device.addEventListener('inputreport', onReport);
    } catch {
      devices.delete(device);
    }
    status.setHidScanners(devices.size);
  }
  const onConnect = (event: Event) => void attach((event as Event & { device: HidDevice }).device);
  const onDisconnect = (event: Event) => {
    const device = (event as Event & { device: HidDevice }).device;
    device.removeEventListener('inputreport', onReport);
    devices.delete(device);
    status.setHidScanners(devices.size);
  };

  onMounted(async () => {
    if (!hid) return;
    hid.addEventListener('connect', onConnect);
    hid.addEventListener('disconnect', onDisconnect);
    for (const device of await hid.getDevices().catch(() => [])) await attach(device);
  });
  onBeforeUnmount(() => {
    stopped = true;
    if (!hid) return;
    hid.removeEventListener('connect', onConnect);
    hid.removeEventListener('disconnect', onDisconnect);
    for (const device of devices.keys()) {
      device.removeEventListener('inputreport', onReport);
      void device.close().catch(() => undefined);
    }
    devices.clear();
    status.setHidScanners(0);
  });
}
