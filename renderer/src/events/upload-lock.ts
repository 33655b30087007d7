// One uploader at a time across all windows of the kiosk: the upload runs while its
// window holds a Web Lock, and the next window takes over when that one goes.

export const UPLOAD_LOCK = 'kiosk-outbox-uploader';

/**
 * Runs `task` while holding the named lock (navigator.locks where there is one). A
 * window still waiting for the lock stops waiting when `signal` aborts.
 */
export type LockRunner = (name: string, task: () => Promise<void>, signal: AbortSignal) => Promise<void>;

export const webLock: LockRunner = (name, task, signal) =>
  typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request(name, { signal }, task).then(() => undefined) : task();
