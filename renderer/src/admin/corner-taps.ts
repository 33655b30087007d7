// The hidden way into the admin screen: five quick taps in the top-left corner.

export const CORNER_TAPS = { count: 5, withinMs: 3000, sizePx: 120 } as const;

export function createCornerTapDetector(onOpen: () => void, now: () => number = () => performance.now()) {
  let taps: number[] = [];
  return (x: number, y: number): void => {
    if (x > CORNER_TAPS.sizePx || y > CORNER_TAPS.sizePx) {
      taps = [];
      return;
    }
    const t = now();
    taps = [...taps.filter((at) => t - at < CORNER_TAPS.withinMs), t];
    if (taps.length >= CORNER_TAPS.count) {
      taps = [];
      onOpen();
    }
  };
}
