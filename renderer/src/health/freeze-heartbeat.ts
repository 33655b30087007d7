// The renderer's side of the freeze detector: requestAnimationFrame drives it, so a page
// whose main thread or compositor stops drawing stops ticking, and the host treats a
// visible screen without ticks as hung (electron/main/unattended/freeze-detector.ts).
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import { FreezeTicker } from './freeze-ticker.ts';

/** Starts ticking; returns a function that stops it. */
export function startFreezeHeartbeat(host: Pick<KioskApi, 'reportFrame'>): () => void {
  const ticker = new FreezeTicker();
  // The host's answer does not matter: a host that cannot take a tick must not disturb the page.
  const send = (tick: ReturnType<FreezeTicker['frame']>) => void (tick && host.reportFrame(tick).catch(() => undefined));
  let frame = 0;
  const onFrame = (at: number) => {
    send(ticker.frame(at));
    frame = requestAnimationFrame(onFrame);
  };
  frame = requestAnimationFrame(onFrame);
  const onVisibility = () => send(ticker.visibility(document.hidden));
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
