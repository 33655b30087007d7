// The renderer's lines for the kiosk's log: uncaught errors and refused promises, sent to
// the host (main writes them, redacted, to its log file; the browser host to the console).
// At most a few a second leave the page, so an error in a frame loop cannot flood the
// host; main rate-limits again.
import type { KioskApi, RendererLogLevel } from '../../../electron/common/kiosk-api.ts';

export interface RendererLog {
  write(level: RendererLogLevel, message: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Lines allowed per second from the page (the rest are counted and said with the next one). */
const PER_SECOND = 5;

export function createRendererLog(host: Pick<KioskApi, 'log'>, now: () => number = () => performance.now()): RendererLog {
  let second = -1;
  let count = 0;
  let dropped = 0;
  return {
    write(level, message, fields) {
      const s = Math.floor(now() / 1000);
      if (s !== second) [second, count] = [s, 0];
      if (++count > PER_SECOND) {
        dropped += 1;
        return;
      }
      const all: Record<string, string | number | boolean | null> = { ...fields };
      if (dropped > 0) all.droppedBefore = dropped;
      dropped = 0;
      void host.log({ level, message: message.slice(0, 2_000), fields: all }).catch(() => undefined);
    },
  };
}

/** Sends uncaught errors and unhandled rejections to the log; returns a function that stops it. */
export function logUncaughtErrors(log: RendererLog): () => void {
  const onError = (event: ErrorEvent) => log.write('error', `uncaught error: ${event.message}`, { source: event.filename ? event.filename.split('/').pop() ?? null : null, line: event.lineno });
  const onRejection = (event: PromiseRejectionEvent) => {
    const reason = event.reason as { message?: unknown } | undefined;
    log.write('error', `unhandled rejection: ${typeof reason?.message === 'string' ? reason.message : String(event.reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  };
}
