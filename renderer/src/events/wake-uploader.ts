// Wakes the uploader when events are committed: in this window directly, and in the
// other windows of the kiosk through a BroadcastChannel (at most one message per 250 ms),
// so whichever window holds the upload lock sends them.
import type { Outbox } from './outbox.ts';
import type { Uploader } from './uploader.ts';

const WAKE_CHANNEL = 'kiosk-outbox';
const MIN_POST_INTERVAL_MS = 250;

/** Returns a function that stops it. `uploader` answers the uploader of the moment (none while events are only kept). */
export function wakeUploaderOnAppend(outbox: Outbox, uploader: () => Uploader | null): () => void {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(WAKE_CHANNEL);
  let lastPost = 0;
  const stopListening = outbox.onCommitted(() => {
    uploader()?.wake();
    const now = Date.now();
    if (channel && now - lastPost > MIN_POST_INTERVAL_MS) {
      lastPost = now;
      channel.postMessage('appended');
    }
  });
  if (channel) channel.onmessage = () => uploader()?.wake();
  return () => {
    stopListening();
    channel?.close();
  };
}
