import { beforeEach, expect, test, vi } from 'vitest';

import { googleAnalyticsTag, googleTagManagerTag, loadScript } from './tag-loader';

const isArguments = (value: unknown) => Object.prototype.toString.call(value) === '[object Arguments]';
const asArrays = (layer: unknown[] = []) =>
  layer.map((entry) => (isArguments(entry) ? [...(entry as IArguments)] : entry));

let doc: Document;
beforeEach(() => {
  // happy-dom never fetches scripts; treat that as a load instead of logging an error. The element is what we test.
  const happyDOM = (
    window as unknown as { happyDOM?: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }
  ).happyDOM;
  if (happyDOM) happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
  doc = document.implementation.createHTMLDocument('');
});

const scripts = () => [...doc.getElementsByTagName('script')];

test('inserts one async script with the nonce and attributes', () => {
  const script = loadScript(doc, 'https://example.test/a.js', {
    nonce: 'n0nce',
    attributes: { 'data-consentry': '' },
  });
  expect(scripts()).toEqual([script]);
  expect(script?.async).toBe(true);
  expect(script?.getAttribute('src')).toBe('https://example.test/a.js');
  expect(script?.getAttribute('nonce')).toBe('n0nce');
  expect(script?.hasAttribute('data-consentry')).toBe(true);
});

test('loads each URL at most once per page', () => {
  loadScript(doc, 'https://example.test/a.js');
  expect(loadScript(doc, 'https://example.test/a.js')).toBeUndefined();
  loadScript(doc, 'https://example.test/b.js');
  expect(scripts().map((s) => s.getAttribute('src'))).toEqual([
    'https://example.test/a.js',
    'https://example.test/b.js',
  ]);
});

test('does not load a URL the page already has as a script', () => {
  const pasted = doc.createElement('script');
  pasted.setAttribute('src', 'https://example.test/a.js');
  doc.head.appendChild(pasted);
  expect(loadScript(doc, 'https://example.test/a.js')).toBeUndefined();
  expect(scripts()).toHaveLength(1);
});

test('loads GA4 with js and config queued as gtag commands, once', () => {
  const win: { dataLayer?: unknown[]; gtag?: unknown } = {};
  const script = googleAnalyticsTag(
    win,
    doc,
    { measurementId: 'G-ABC123', config: { send_page_view: true } },
    'n',
  );
  googleAnalyticsTag(win, doc, { measurementId: 'G-ABC123' });
  expect(script?.getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC123');
  expect(script?.getAttribute('nonce')).toBe('n');
  expect(scripts()).toHaveLength(1);
  expect(typeof win.gtag).toBe('function');
  expect(win.dataLayer?.every(isArguments)).toBe(true);
  const [js, config, ...rest] = asArrays(win.dataLayer) as unknown[][];
  expect(js?.[0]).toBe('js');
  expect(js?.[1]).toBeInstanceOf(Date);
  expect(config).toEqual(['config', 'G-ABC123', { send_page_view: true }]);
  expect(rest).toEqual([]);
});

test('tells gtag.js about a renamed dataLayer', () => {
  const win: Record<string, unknown> = {};
  const script = googleAnalyticsTag(win, doc, { measurementId: 'G-ABC123' }, undefined, 'myLayer');
  expect(script?.getAttribute('src')).toBe('https://www.googletagmanager.com/gtag/js?id=G-ABC123&l=myLayer');
  expect(asArrays(win.myLayer as unknown[])[1]).toEqual(['config', 'G-ABC123']);
});

test('loads GTM with its own gtm.js bootstrap event, once', () => {
  vi.spyOn(Date, 'now').mockReturnValue(1234);
  const win: { dataLayer?: unknown[] } = {};
  const script = googleTagManagerTag(win, doc, { containerId: 'GTM-XYZ9' }, 'n');
  googleTagManagerTag(win, doc, { containerId: 'GTM-XYZ9' });
  expect(script?.getAttribute('src')).toBe('https://www.googletagmanager.com/gtm.js?id=GTM-XYZ9');
  expect(scripts()).toHaveLength(1);
  expect(win.dataLayer).toEqual([{ 'gtm.start': 1234, event: 'gtm.js' }]);
});
