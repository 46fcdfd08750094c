import { beforeEach, describe, expect, test, vi } from 'vitest';

import {
  countersInQueue,
  disableCounters,
  enforceWebvisor,
  loadMetrica,
  webvisorAllowed,
} from './yandex-metrica';

type Ym = ((...args: unknown[]) => void) & { a?: IArguments[]; l?: number };
type Win = { ym?: Ym; [key: string]: unknown };

/** Yandex's standard snippet, minus the script insertion (the gate would hold it). */
function pageSnippet(win: Win): Ym {
  const ym: Ym = function () {
    // eslint-disable-next-line prefer-rest-params -- as the real snippet does
    (ym.a = ym.a || []).push(arguments);
  };
  ym.l = Date.now();
  win.ym = ym;
  return ym;
}

const queued = (win: Win) => (win.ym?.a ?? []).map((entry) => [...entry]);

let doc: Document;
beforeEach(() => {
  // happy-dom never fetches scripts; treat that as a load instead of logging an error. The element is what we test.
  const happyDOM = (
    window as unknown as { happyDOM?: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }
  ).happyDOM;
  if (happyDOM) happyDOM.settings.handleDisabledFileLoadingAsSuccess = true;
  doc = document.implementation.createHTMLDocument('');
});
const tagScripts = () => [...doc.getElementsByTagName('script')].map((s) => s.getAttribute('src'));

describe('disableCounters', () => {
  test('sets and clears disableYaCounter<ID>', () => {
    const win: Win = {};
    disableCounters(win, [111, 222], true);
    expect(win.disableYaCounter111).toBe(true);
    expect(win.disableYaCounter222).toBe(true);
    disableCounters(win, [111], false);
    expect('disableYaCounter111' in win).toBe(false);
    expect(win.disableYaCounter222).toBe(true);
  });
});

describe('countersInQueue', () => {
  test('reads the counter ids the page snippet queued for init', () => {
    const win: Win = {};
    const ym = pageSnippet(win);
    ym(111, 'init', { clickmap: true });
    ym(111, 'reachGoal', 'x');
    ym('222', 'init', {});
    ym(111, 'init', {});
    expect(countersInQueue(win)).toEqual([111, 222]);
  });

  test('is empty without a snippet or once tag.js has replaced the stub', () => {
    expect(countersInQueue({})).toEqual([]);
    expect(countersInQueue({ ym: () => undefined })).toEqual([]);
  });
});

describe('enforceWebvisor', () => {
  test('turns webvisor off in queued init options unless allowed', () => {
    const win: Win = {};
    const ym = pageSnippet(win);
    const options = { clickmap: true, webvisor: true };
    ym(111, 'init', options);
    ym(222, 'init');
    enforceWebvisor(win, false);
    expect(queued(win)).toEqual([
      [111, 'init', { clickmap: true, webvisor: false }],
      [222, 'init'],
    ]);
    expect(options.webvisor).toBe(true);
  });

  test('leaves webvisor alone when allowed', () => {
    const win: Win = {};
    pageSnippet(win)(111, 'init', { webvisor: true });
    enforceWebvisor(win, true);
    expect(queued(win)).toEqual([[111, 'init', { webvisor: true }]]);
  });

  test('webvisorAllowed needs the setting and, if given, its own category', () => {
    expect(webvisorAllowed(undefined, { analytics: true })).toBe(false);
    expect(webvisorAllowed({ webvisor: true }, {})).toBe(true);
    expect(webvisorAllowed({ webvisor: true, webvisorCategory: 'recording' }, { recording: false })).toBe(
      false,
    );
    expect(webvisorAllowed({ webvisor: true, webvisorCategory: 'recording' }, { recording: true })).toBe(
      true,
    );
  });
});

describe('loadMetrica', () => {
  test('defines the standard ym queue, inits each counter once and loads tag.js once', () => {
    const win: Win = {};
    const counters = [{ id: 111, options: { clickmap: true } }, { id: 222 }];
    loadMetrica(win, doc, counters, { nonce: 'n' });
    loadMetrica(win, doc, counters);
    expect(typeof win.ym).toBe('function');
    expect(typeof win.ym?.l).toBe('number');
    expect(queued(win)).toEqual([
      [111, 'init', { clickmap: true, webvisor: false }],
      [222, 'init', { webvisor: false }],
    ]);
    expect(tagScripts()).toEqual(['https://mc.yandex.ru/metrika/tag.js']);
    expect(doc.querySelector('script')?.getAttribute('nonce')).toBe('n');
  });

  test('forces webvisor off in configured counters unless allowed', () => {
    const win: Win = {};
    loadMetrica(win, doc, [{ id: 111, options: { webvisor: true } }]);
    expect(queued(win)).toEqual([[111, 'init', { webvisor: false }]]);
    const allowed: Win = {};
    loadMetrica(allowed, doc, [{ id: 111, options: { webvisor: true } }], { webvisor: true });
    expect(queued(allowed)).toEqual([[111, 'init', { webvisor: true }]]);
  });

  test('turns webvisor on in configured counters when the settings allow it, unless a counter says false', () => {
    const win: Win = {};
    loadMetrica(
      win,
      doc,
      [
        { id: 111, options: { clickmap: true } },
        { id: 222, options: { webvisor: false } },
      ],
      { webvisor: true },
    );
    expect(queued(win)).toEqual([
      [111, 'init', { webvisor: true, clickmap: true }],
      [222, 'init', { webvisor: false }],
    ]);
  });

  test('does not init again a counter the page snippet already queued, and fixes its webvisor', () => {
    const win: Win = {};
    pageSnippet(win)(111, 'init', { webvisor: true });
    loadMetrica(win, doc, [{ id: 111, options: { clickmap: true } }, { id: 333 }]);
    expect(queued(win)).toEqual([
      [111, 'init', { webvisor: false }],
      [333, 'init', { webvisor: false }],
    ]);
  });

  test('remembers counters inited before tag.js replaced the stub', () => {
    const win: Win = {};
    loadMetrica(win, doc, [{ id: 111 }]);
    const real = vi.fn();
    win.ym = real; // tag.js replayed the queue and replaced ym
    loadMetrica(win, doc, [{ id: 111 }, { id: 222 }]);
    expect(real.mock.calls).toEqual([[222, 'init', { webvisor: false }]]);
    expect(tagScripts()).toHaveLength(1);
  });

  test('does not load tag.js when the page already has it from any Metrica host', () => {
    const pasted = doc.createElement('script');
    pasted.setAttribute('src', 'https://mc.yandex.com/metrika/tag.js?id=111');
    doc.head.appendChild(pasted);
    loadMetrica({}, doc, [{ id: 111 }]);
    expect(tagScripts()).toEqual(['https://mc.yandex.com/metrika/tag.js?id=111']);
  });
});
