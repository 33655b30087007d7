// Long-polls waiting for commands, by kiosk: woken when a command is made for that kiosk
// (in this process, or announced by another through the store), when their time is up,
// or when stopped (the kiosk went away, or the poll is answering). A fleet holds one open
// per kiosk, thousands at once, so a wait is a timer and a callback and nothing more.
export interface CommandWait {
  /** Resolves when woken, when the time is up, or once stopped. */
  woken: Promise<void>;
  /** Ends the wait now (again: nothing). */
  stop(): void;
}

export interface CommandWaiters {
  /** Waits up to `ms` for a command for `deviceId`. */
  wait(deviceId: string, ms: number): CommandWait;
  notify(deviceId: string): void;
  /** Long-polls open now. */
  size(): number;
}

export function createCommandWaiters(): CommandWaiters {
  const waiting = new Map<string, Set<() => void>>();
  let open = 0;
  return {
    wait(deviceId, ms) {
      let stop!: () => void;
      const woken = new Promise<void>((resolve) => {
        open += 1;
        const set = waiting.get(deviceId) ?? new Set();
        waiting.set(deviceId, set);
        let ended = false;
        stop = () => {
          if (ended) return;
          ended = true;
          clearTimeout(timer);
          set.delete(stop);
          if (set.size === 0 && waiting.get(deviceId) === set) waiting.delete(deviceId);
          open -= 1;
          resolve();
        };
        const timer = setTimeout(stop, ms);
        set.add(stop);
      });
      return { woken, stop };
    },
    notify(deviceId) {
      for (const wake of [...(waiting.get(deviceId) ?? [])]) wake();
    },
    size: () => open,
  };
}
