// A clock for unit tests whose waits end only when the test moves time on; between
// steps it lets every pending promise settle, so a loop runs as far as it can.
import type { AgentClock } from '../agent-clock.ts';

/** Lets pending promises (and the fetch stub's Responses) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

export function manualClock(start = Date.UTC(2026, 10, 23, 10, 0, 0)) {
  let now = start;
  const sleepers = new Set<{ at: number; wake: () => void }>();
  const clock: AgentClock & { advance(ms: number): Promise<void>; pending(): number[] } = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const sleeper = {
          at: now + Math.max(0, ms),
          wake: () => {
            sleepers.delete(sleeper);
            signal.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal.addEventListener('abort', sleeper.wake, { once: true });
      }),
    /** Moves time on by `ms`, waking each wait at its moment, in order. */
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await settle();
        const due = [...sleepers].filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = Math.max(now, due.at);
        due.wake();
      }
      now = end;
      await settle();
    },
    /** When the waits in progress end, ms from now. */
    pending: () => [...sleepers].map((s) => s.at - now).sort((a, b) => a - b),
  };
  return clock;
}
