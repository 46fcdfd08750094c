import { within } from '@testing-library/preact';
import { mountUi } from './mount';
import { PreferencesDialog } from './preferences-dialog';
import { builtInFor } from './texts';
import type { ConsentrySettings, ResolvedSettings } from '../config/types';
import type { ConsentSnapshot } from '../consent/types';
import type { UiHost, UiService } from './types';

/** Test-only: a tiny in-memory stand-in for a Consentry instance, recording what the UI asked for. */
export interface TestHost extends UiHost {
  readonly calls: string[];
  setSnapshot(snapshot: Partial<ConsentSnapshot>): void;
}

export interface TestHostOptions {
  readonly language?: string;
  readonly preset?: ResolvedSettings['preset'];
  readonly ui?: Partial<ResolvedSettings['ui']>;
  readonly policy?: ResolvedSettings['policy'];
  readonly texts?: ConsentrySettings['texts'];
  readonly categories?: ResolvedSettings['categories'];
  readonly services?: readonly UiService[];
  readonly snapshot?: Partial<ConsentSnapshot>;
}

const defaultCategories: ResolvedSettings['categories'] = {
  necessary: { required: true },
  analytics: { required: false },
  marketing: { required: false },
};

export const analyticsService: UiService = {
  id: 'yandex-metrica',
  category: 'analytics',
  name: 'Yandex Metrica',
  provider: { en: 'YANDEX LLC', ru: 'ООО «ЯНДЕКС»' },
  declarations: [
    {
      name: '_ym_uid',
      purpose: { en: 'Tells visitors apart', ru: 'Различает посетителей' },
      lifetime: '1 year',
    },
    { name: '_ym_d', lifetime: '1 year', kind: 'cookie' },
  ],
  thirdParty: true,
  abroad: false,
};

export function createTestHost(options: TestHostOptions = {}): TestHost {
  const categories = options.categories ?? defaultCategories;
  const settings = {
    preset: options.preset ?? 'gdpr',
    revision: '1',
    language: options.language,
    categories,
    services: {},
    texts: options.texts ?? {},
    ui: { layout: 'bar-bottom', theme: 'auto', closeButton: false, reopenButton: false, ...options.ui },
    cookie: { name: 'consentry', path: '/', sameSite: 'Lax', consentDays: 365, refusalDays: 182 },
    integrations: {},
    regions: {},
    consentLog: undefined,
    policy: options.policy ?? { privacyUrl: '/privacy' },
    reloadOnWithdraw: true,
    debug: false,
  } as ResolvedSettings;
  const ids = Object.keys(categories);
  const required = ids.filter((id) => categories[id]?.required);
  const only = (granted: readonly string[]) =>
    Object.fromEntries(ids.map((id) => [id, granted.includes(id)]));
  let snapshot: ConsentSnapshot = {
    record: null,
    granted: only(required),
    needsDecision: true,
    gpc: false,
    ...options.snapshot,
  };
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const decide = (granted: readonly string[], call: string): void => {
    calls.push(call);
    snapshot = { ...snapshot, granted: only([...required, ...granted]), needsDecision: false };
    listeners.forEach((listener) => listener());
  };
  return {
    settings,
    language: options.language ?? 'en',
    texts: builtInFor(options.language ?? 'en'),
    loadDialog: () => PreferencesDialog,
    categories: ids,
    services: options.services ?? [analyticsService],
    calls,
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acceptAll: () => decide(ids, 'acceptAll'),
    rejectAll: () => decide([], 'rejectAll'),
    accept: (granted) => decide(granted, `accept:${JSON.stringify(granted)}`),
    notify: (event, view) => calls.push(`${event}:${view}`),
    setSnapshot: (next) => {
      snapshot = { ...snapshot, ...next };
      listeners.forEach((listener) => listener());
    },
  };
}

/** Test-only: mounts the UI for a fresh test host and returns queries scoped to its shadow root. */
export function mountForTest(options: TestHostOptions = {}) {
  const host = createTestHost(options);
  const ui = mountUi(host, document);
  const element = document.querySelector<HTMLElement>('[data-consentry-root]');
  if (!element?.shadowRoot) throw new Error('mountUi did not create an open shadow root');
  const shadow = element.shadowRoot;
  return { host, ui, element, shadow, view: within(shadow as unknown as HTMLElement) };
}
