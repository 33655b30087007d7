// Which hand scanners the kiosk listens to, for its health: the keyboard wedge is always
// there; a HID-POS scanner when one is connected and opened.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export const useScannerStatus = defineStore('scanner-status', () => {
  const hidScanners = ref(0);
  const state = computed<'keyboard' | 'hid-connected'>(() => (hidScanners.value > 0 ? 'hid-connected' : 'keyboard'));

  function setHidScanners(count: number): void {
    hidScanners.value = count;
  }

  return { hidScanners, state, setHidScanners };
});
