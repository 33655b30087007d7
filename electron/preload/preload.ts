// Exposes KioskApi, and nothing else, to the sandboxed renderer. Built from the shape of
// the one declaration (electron/common/kiosk-api.ts), which the build puts in as
// HOST_API_SHAPE: a new host call needs no edit here, and no schema library is loaded
// into the preload.
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient, type HostShape } from '../common/host-client.ts';
import type { KioskApi } from '../common/kiosk-api.ts';

declare const HOST_API_SHAPE: HostShape;

const api = {
  mode: 'electron',
  ...buildClient(HOST_API_SHAPE, {
    invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
    subscribe(channel, listener) {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => void ipcRenderer.removeListener(channel, handler);
    },
  }),
} as KioskApi;

contextBridge.exposeInMainWorld('kiosk', api);
