/**
 * WCAG 2.2 SC 2.4.11 (Focus Not Obscured): while a bar is shown, the page scrolls a focused element
 * clear of it. `html { scroll-padding-* }` does that without moving any content (U8: no layout shift).
 * A bottom bar also adds that much scroll room after the page (`html::after`), or the last lines of a page
 * could never scroll out from under it; growing the page at its end moves nothing either.
 *
 * Under a strict CSP neither `<style>` nor `style=` may be used on the host page, so the rule lives in a
 * constructable stylesheet appended to `document.adoptedStyleSheets` (never replacing the page's own)
 * and follows the bar's height through a ResizeObserver.
 *
 * Returns a function that removes the rule again.
 */
export function reservePageSpace(doc: Document, bar: HTMLElement, edge: 'top' | 'bottom'): () => void {
  const view = doc.defaultView;
  if (
    !view ||
    typeof view.CSSStyleSheet?.prototype.replaceSync !== 'function' ||
    !('adoptedStyleSheets' in doc)
  ) {
    return () => {};
  }
  const sheet = new view.CSSStyleSheet();
  let height = 0;
  const update = (): void => {
    // The spacer only once the page is parsed: added earlier, it would move down as the rest of the
    // page arrives above it — a layout shift (U8), measured by the bench.
    const room =
      edge === 'bottom' && doc.readyState !== 'loading'
        ? `html::after{content:"";display:block;height:${height}px}`
        : '';
    sheet.replaceSync(`html{scroll-padding-${edge}:${height}px}${room}`);
  };
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  // The bar's height comes from the ResizeObserver, after the browser's own layout: asking for it here
  // would force a layout of the whole page while it is still loading (about 45 ms at 4× CPU).
  const measure = (box?: readonly ResizeObserverSize[]): void => {
    height = Math.ceil(box?.[0]?.blockSize ?? bar.getBoundingClientRect().height);
    update();
  };
  const observer =
    typeof view.ResizeObserver === 'function'
      ? new view.ResizeObserver((entries) => measure(entries[0]?.borderBoxSize))
      : undefined;
  if (observer) observer.observe(bar);
  else measure();
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', update, { once: true });
  // Scroll padding cannot scroll above the top of the page: a top bar that would still cover the
  // focused element moves to the bottom edge while that element has focus (nothing in the page moves).
  const dodge = (event: FocusEvent): void => {
    const target = event.target as Element | null;
    if (edge !== 'top' || !target?.getBoundingClientRect) return;
    // After the browser has scrolled the element into view: would a bar at the top cover it?
    view.requestAnimationFrame(() =>
      bar.classList.toggle('dodge', target.getBoundingClientRect().top < bar.offsetHeight),
    );
  };
  doc.addEventListener('focusin', dodge);
  return () => {
    doc.removeEventListener('focusin', dodge);
    doc.removeEventListener('DOMContentLoaded', update);
    observer?.disconnect();
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}
