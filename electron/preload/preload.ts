// Exposes KioskApi, and nothing else, to the sandboxed renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { Channels, type InvokeArgs, type InvokeChannel, type InvokeResult } from '../common/channels.ts';
import type { ActivePack, KioskApi } from '../common/kiosk-api.ts';

const invoke = <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>) =>
  ipcRenderer.invoke(channel, ...args) as Promise<InvokeResult<C>>;

const api: KioskApi = {
  mode: 'electron',
  getDeviceIdentity: () => invoke(Channels.deviceGet),
  getConfig: () => invoke(Channels.configGet),
  getActivePack: () => invoke(Channels.packGetActive),
  onPackChanged(listener) {
    const handler = (_event: unknown, pack: ActivePack) => listener(pack);
    ipcRenderer.on(Channels.packChanged, handler);
    return () => void ipcRenderer.removeListener(Channels.packChanged, handler);
  },
  setSessionState: (state) => invoke(Channels.sessionSet, state),
  reportReady: (pack) => invoke(Channels.rendererReady, pack),
  getHealth: () => invoke(Channels.healthGet),
  admin: {
    unlock: (pin) => invoke(Channels.adminUnlock, pin),
    lock: () => invoke(Channels.adminLock),
    exitKiosk: () => invoke(Channels.adminExit),
  },
};

contextBridge.exposeInMainWorld('kiosk', api);
