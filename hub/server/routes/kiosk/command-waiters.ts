// Long-polls waiting for commands, by kiosk: woken when a command is made for that kiosk
// (in this process, or announced by another through the store), or when their time is up.
export interface CommandWaiters {
  /** Resolves when woken for `deviceId`, after `ms`, or when `signal` aborts. */
  wait(deviceId: string, ms: number, signal: AbortSignal): Promise<void>;
  notify(deviceId: string): void;
  /** Long-polls open now. */
  size(): number;
}

export function createCommandWaiters(): CommandWaiters {
  const waiting = new Map<string, Set<() => void>>();
  let open = 0;
  return {
    wait(deviceId, ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        open += 1;
        const set = waiting.get(deviceId) ?? new Set();
        waiting.set(deviceId, set);
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          set.delete(done);
          if (set.size === 0) waiting.delete(deviceId);
          open -= 1;
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        set.add(done);
      });
    },
    notify(deviceId) {
      for (const wake of [...(waiting.get(deviceId) ?? [])]) wake();
    },
    size: () => open,
  };
}
