// Runs `load` now and again `intervalMs` after each run finishes, while `active()`
// says so; stops when the component goes away.
import { onBeforeUnmount } from 'vue';

export function usePolling(load: () => Promise<unknown>, intervalMs: number, active: () => boolean = () => true) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight: Promise<void> | null = null;

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (stopped || !active()) return;
    timer = setTimeout(() => void run(), intervalMs);
  }

  function run(): Promise<void> {
    if (inFlight) return inFlight;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    inFlight = load()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        inFlight = null;
        schedule();
      });
    return inFlight;
  }

  function stop(): void {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  onBeforeUnmount(stop);
  /** `run`: load now (and go on polling); `schedule`: start waiting again after a change. */
  return { run, schedule, stop };
}
