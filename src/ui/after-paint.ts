/**
 * Resolves once the page has shown its own content: parsed, and a frame later. The banner is drawn
 * after that paint, never in front of it (issue 16: a consent tool must not delay the page's first
 * contentful paint; drawing the banner costs about 100 ms of the main thread at 4× CPU).
 * `requestAnimationFrame` runs just before a paint; the task it queues runs after it.
 */
export function afterPaint(win: (Window & typeof globalThis) | null): Promise<void> {
  return new Promise((done) => {
    const paint = () => win!.requestAnimationFrame(() => win!.setTimeout(done));
    if (!win?.requestAnimationFrame) done();
    else if (win.document.readyState === 'loading')
      win.document.addEventListener('DOMContentLoaded', paint, { once: true });
    else paint();
  });
}
