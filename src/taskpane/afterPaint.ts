/**
 * What the first view does not show loads after it: `afterNextPaint()` resolves once the
 * next frame has been painted (a task queued from a frame callback runs after that
 * frame), so a download started then does not hold up the first view.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
