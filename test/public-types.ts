/**
 * Compile-time test of the public API (STYLE.md): `npm run typecheck` fails if a call that must be
 * rejected is accepted (an unused `@ts-expect-error`), or if a valid call stops compiling.
 * Nothing here runs.
 */
import { createConsentry, type Consentry, type ConsentrySettings, type ConsentRecord } from '../src/index';
import { createConsentry as createHeadless } from '../src/headless';

export function typeChecks() {
  const settings: ConsentrySettings = {
    preset: 'ru-152fz',
    revision: 3,
    categories: { necessary: { required: true }, analytics: { cookies: ['_my_*'] } },
    services: { 'yandex-metrica': { category: 'analytics' } },
    ui: { layout: 'box', theme: 'dark' },
    integrations: { yandexMetrica: { counters: [{ id: 1, options: { clickmap: true } }] } },
  };
  const consentry: Consentry = createConsentry(settings);
  createHeadless();

  // Methods do not depend on `this`.
  const { acceptAll, accept, isGranted, on, subscribe, getSnapshot } = consentry;
  acceptAll();
  accept(['analytics']);
  const granted: boolean = isGranted('analytics');
  const off: () => void = on('change', ({ record, previous, source }) => {
    const id: string | undefined = record?.id;
    const before: ConsentRecord | null = previous;
    const from: 'local' | 'sync' | 'reset' = source;
    return [id, before, from];
  });
  on('show', ({ view }) => view satisfies 'banner' | 'preferences');
  subscribe(() => getSnapshot().granted.analytics);
  off();

  // @ts-expect-error: an unknown event
  on('accepted', () => {});
  // @ts-expect-error: categories are a list of ids
  accept('analytics');
  // @ts-expect-error: not a layout
  createConsentry({ ui: { layout: 'sidebar' } });
  // @ts-expect-error: not a preset
  createConsentry({ preset: 'ccpa' });
  // @ts-expect-error: SameSite is Lax, Strict or None
  createConsentry({ cookie: { sameSite: 'lax' } });
  // @ts-expect-error: a Metrica counter needs its id
  createConsentry({ integrations: { yandexMetrica: { counters: [{ options: {} }] } } });
  // @ts-expect-error: the snapshot is read-only
  getSnapshot().needsDecision = false;
  return granted;
}
