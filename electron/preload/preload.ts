// Exposes KioskApi, and nothing else, to the sandboxed renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { Channels, type InvokeArgs, type InvokeChannel, type InvokeResult } from '../common/channels.ts';
import type { ActivePack, KioskApi } from '../common/kiosk-api.ts';
import type { HostNotice } from '../common/pack-admin.ts';

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
  reportPackFailed: (pack, reason) => invoke(Channels.rendererPackFailed, pack, reason),
  reportCameraState: (state) => invoke(Channels.healthReportCamera, state),
  getHostNotices: () => invoke(Channels.noticesGet),
  ackHostNotices: (uptoId) => invoke(Channels.noticesAck, uptoId),
  onHostNotice(listener) {
    const handler = (_event: unknown, notice: HostNotice) => listener(notice);
    ipcRenderer.on(Channels.noticeAdded, handler);
    return () => void ipcRenderer.removeListener(Channels.noticeAdded, handler);
  },
  getHealth: () => invoke(Channels.healthGet),
  admin: {
    unlock: (pin) => invoke(Channels.adminUnlock, pin),
    lock: () => invoke(Channels.adminLock),
    exitKiosk: () => invoke(Channels.adminExit),
    listPackFiles: () => invoke(Channels.adminPackList),
    checkPackFile: (id) => invoke(Channels.adminPackCheck, id),
    installPackFile: (id) => invoke(Channels.adminPackInstall, id),
    rollbackPack: () => invoke(Channels.adminPackRollback),
  },
  coupons: {
    issue: (claim) => invoke(Channels.couponIssue, claim),
    publicKey: () => invoke(Channels.couponPublicKey),
  },
};

contextBridge.exposeInMainWorld('kiosk', api);
