// The hidden way into the admin screen: five quick taps in the top-left corner — on
// its very edge, where no control is. The Back button sits near that corner on every
// screen but home: a shopper tapping Back (or the spot where it was, once it has taken
// them home) must never open the PIN pad. So the corner is a strip along the left edge,
// inside the top bar's margin, and a tap that lands on a control never counts and
// breaks the chain.
//
// "Quick" is a chain: each tap within `maxGapMs` of the one before, timed by when the
// screen was touched (the event's timestamp), not when the page got round to it. The
// tap that wakes the kiosk is the first of the five, and drawing the home screen after
// it can hold the page up for a second on a weak kiosk; a fixed window for all five
// would then refuse an installer who tapped quickly.

export const CORNER_TAPS = { count: 5, maxGapMs: 1500, widthPx: 40, heightPx: 120 } as const;

/** What a shopper may touch: buttons, links, fields and anything marked as a control. */
const CONTROLS = 'button, a[href], input, select, textarea, label, [role="button"], [role="link"], [data-control]';

/** True when the touched element is a control or inside one. */
export function isControl(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest(CONTROLS) !== null;
}

export function createCornerTapDetector(onOpen: () => void) {
  let chain = 0;
  let lastAt = -Infinity;
  return (x: number, y: number, at: number, onControl = false): void => {
    if (onControl || x > CORNER_TAPS.widthPx || y > CORNER_TAPS.heightPx) {
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
