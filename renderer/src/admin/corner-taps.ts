// The hidden way into the admin screen: five quick taps in the top-left corner.
//
// "Quick" is a chain: each tap within `maxGapMs` of the one before, timed by when the
// screen was touched (the event's timestamp), not when the page got round to it. The
// tap that wakes the kiosk is the first of the five, and drawing the home screen after
// it can hold the page up for a second on a weak kiosk; a fixed window for all five
// would then refuse an installer who tapped quickly.

export const CORNER_TAPS = { count: 5, maxGapMs: 1500, sizePx: 120 } as const;

export function createCornerTapDetector(onOpen: () => void) {
  let chain = 0;
  let lastAt = -Infinity;
  return (x: number, y: number, at: number): void => {
    if (x > CORNER_TAPS.sizePx || y > CORNER_TAPS.sizePx) {
      chain = 0;
      return;
    }
    chain = at - lastAt <= CORNER_TAPS.maxGapMs ? chain + 1 : 1;
    lastAt = at;
    if (chain >= CORNER_TAPS.count) {
      chain = 0;
      lastAt = -Infinity;
      onOpen();
    }
  };
}
