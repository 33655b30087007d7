// Watches the UI thread's frames: the share that came late (a frame took more than 1.5
// display refreshes) over each second goes to the worker, which slows the hand model
// down while the UI struggles.

export function startJankMonitor(report: (lateShare: number) => void, periodMs = 1000): () => void {
  let last = 0;
  let refresh = Infinity;
  let frames = 0;
  let late = 0;
  let raf = 0;
  const tick = (now: number) => {
    if (last) {
      const delta = now - last;
      refresh = Math.min(refresh, Math.max(4, delta));
      frames++;
      if (delta > refresh * 1.5 + 2) late++;
    }
    last = now;
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);
  const timer = setInterval(() => {
    if (frames > 0) report(late / frames);
    frames = late = 0;
  }, periodMs);
  return () => {
    cancelAnimationFrame(raf);
    clearInterval(timer);
  };
}
