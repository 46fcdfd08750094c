import { isAllowedHeld, type Held, type ReleaseTools } from './held-elements';

/** Attributes that belong to the gate or to the markup convention, not to the released element. */
const OWN_ATTRIBUTES =
  /^(type|src|srcset|srcdoc|data-src|data-srcset|data-category|data-type|data-consentry-[\w-]+)$/i;

function byDocumentOrder(a: Held, b: Held): number {
  if (!a.element.isConnected || !b.element.isConnected) return 0;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.element.compareDocumentPosition(b.element) & 4 ? -1 : 1;
}

function waitForScript(script: HTMLScriptElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
    // A script the network never answers must not hold the rest back forever.
    setTimeout(done, 10_000);
  });
}

function releaseScript(held: Held, tools: ReleaseTools): HTMLScriptElement | undefined {
  const { element, url } = held;
  const type = held.markup ? element.getAttribute('data-type') : held.originalType;
  if (!element.isConnected) {
    // Never inserted, so never prepared: restoring the type is enough; it runs when the page inserts it.
    if (type === null) tools.removeAttribute(element, 'type');
    else tools.setAttribute(element, 'type', type);
    return undefined;
  }
  const absolute = url && new URL(url, tools.doc.baseURI).href;
  if (absolute && tools.executed.has(absolute)) {
    tools.log(`skipped ${absolute}: already ran in this page`);
    return undefined;
  }
  const fresh = tools.doc.createElement('script');
  for (const { name, value } of Array.from(element.attributes)) {
    if (!OWN_ATTRIBUTES.test(name)) tools.setAttribute(fresh, name, value);
  }
  if (type !== null) tools.setAttribute(fresh, 'type', type);
  // G7: the released script carries the page's CSP nonce (the attribute is hidden after load; the property keeps it).
  const nonce = (element as HTMLScriptElement).nonce || tools.nonce;
  if (nonce) fresh.nonce = nonce;
  if (absolute) {
    tools.executed.add(absolute);
    // A script that was not async keeps its place in the order (async=false: "in order as soon as possible").
    fresh.async = element.hasAttribute('async');
    tools.setAttribute(fresh, 'src', url);
  } else {
    fresh.text = (element as HTMLScriptElement).text;
  }
  element.replaceWith(fresh);
  return absolute && !fresh.async ? fresh : undefined;
}

/**
 * Release every held element whose category is now granted, in document order (G5). A script that
 * was not async is awaited before the next one runs, so an inline script that uses a library still
 * finds it loaded.
 */
export async function releaseAllowed(held: Held[], tools: ReleaseTools): Promise<void> {
  const ready = held.filter((item) => isAllowedHeld(item, tools.rules)).sort(byDocumentOrder);
  for (const item of ready) held.splice(held.indexOf(item), 1);
  for (const item of ready) {
    const category = item.match?.category ?? item.categories.join(' ');
    tools.log(`released ${item.kind} ${item.url || '(inline)'} (${category})`);
    if (item.element.isConnected)
      for (const c of item.match ? [item.match.category] : item.categories) tools.ran.add(c);
    if (item.kind === 'script') {
      const wait = releaseScript(item, tools);
      if (wait) await waitForScript(wait);
      continue;
    }
    if (item.markup) {
      tools.removeAttribute(item.element, 'data-src');
      tools.removeAttribute(item.element, 'data-srcset');
    }
    if (item.srcdoc !== undefined) tools.setAttribute(item.element, 'srcdoc', item.srcdoc);
    if (item.srcset) tools.setAttribute(item.element, 'srcset', item.srcset);
    if (item.url) tools.setAttribute(item.element, item.kind === 'image' ? 'href' : 'src', item.url);
  }
}
