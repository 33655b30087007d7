// Work that can wait until the frame now being built is on screen (related products,
// anything a shopper does not need in the first frame of a page).

/** Resolves once the next frame has been painted: a task queued from its animation callback runs after it. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
