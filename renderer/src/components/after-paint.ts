// Work that can wait until the frame now being built is on screen (related products,
// the events a page records — anything a shopper does not need in the first frame of a
// page).

/** A page that draws no frames (hidden, or a window the system stopped painting) still gets its work done after this long. */
export const PAINT_WAIT_MAX_MS = 250;

/** Resolves once the next frame has been painted (a task queued from its animation callback runs after it), or after PAINT_WAIT_MAX_MS. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MAX_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
