/**
 * The services the gate knows without any settings: data, not code paths.
 * Each entry: where the service loads from or sends to, what it stores, and the category it waits for.
 * Facts: shared/reference/regulatory-facts.md §2 (GA4 cookies and hosts) and §3 (Metrica).
 * Settings can move a service to another category, switch it off, or add services.
 */
export interface CatalogueEntry {
  /** Default category; settings may override it. */
  readonly category: string;
  /** Host patterns: `a.b` matches `a.b` and its subdomains; a trailing `.*` matches any country domain. */
  readonly hosts: readonly string[];
  /** URL path prefixes that narrow a shared host (e.g. Yandex Maps' widget on yandex.ru). */
  readonly paths?: readonly string[];
  /** Cookie names; `*` matches any run of characters. */
  readonly cookies?: readonly string[];
  /** localStorage/sessionStorage keys. */
  readonly storage?: readonly string[];
}

export const CATALOGUE: { readonly [id: string]: CatalogueEntry } = {
  // GA4 via gtag.js: writes _ga and _ga_<container> (2 years) on the highest domain; _gid/_gat are Universal Analytics leftovers.
  'google-analytics': {
    category: 'analytics',
    hosts: ['google-analytics.com', 'analytics.google.com', 'www.googletagmanager.com/gtag'],
    cookies: ['_ga', '_ga_*', '_gid', '_gat', '_gat_*', '__utm*'],
    storage: ['_ga*'],
  },
  // GTM loads whatever the container holds: it waits for analytics, like GA4.
  'google-tag-manager': {
    category: 'analytics',
    hosts: ['www.googletagmanager.com', 'googletagmanager.com'],
    cookies: ['_dc_gtm_*'],
  },
  'google-ads': {
    category: 'marketing',
    hosts: [
      'doubleclick.net',
      'googleadservices.com',
      'googlesyndication.com',
      'google.com/pagead',
      'google.com/ads',
    ],
    cookies: ['_gcl_*', '_gac_*', 'FPAU', 'FPGCLAW', 'FPGCLDC'],
    storage: ['_gcl*'],
  },
  // Only first-party names are listed: a page cannot touch cookies of the tracker's own domain.
  // Metrica: mc.yandex.<any country domain>, Webvisor at mc.webvisor.com/org, the tag from yastatic.net too.
  'yandex-metrica': {
    category: 'analytics',
    hosts: ['mc.yandex.*', 'mc.webvisor.com', 'mc.webvisor.org', 'yastatic.net/metrika', 'metrika.yandex.*'],
    cookies: ['_ym*'],
    storage: ['_ym*'],
  },
  'meta-pixel': {
    category: 'marketing',
    hosts: ['connect.facebook.net', 'facebook.com/tr', 'www.facebook.com/tr'],
    cookies: ['_fbp', '_fbc'],
  },
  // VK pixel and Top@Mail.ru share the counter host.
  'vk-pixel': {
    category: 'marketing',
    hosts: ['top-fwz1.mail.ru', 'top.mail.ru', 'vk.com/rtrg', 'vk.com/js/api/openapi.js', 'ad.mail.ru'],
    cookies: ['tmr_*', '_tmr_*'],
    storage: ['tmr_*'],
  },
  hotjar: {
    category: 'analytics',
    hosts: ['hotjar.com', 'hotjar.io'],
    cookies: ['_hj*'],
    storage: ['_hj*', 'hj*'],
  },
  'microsoft-clarity': {
    category: 'analytics',
    hosts: ['clarity.ms'],
    cookies: ['_clck', '_clsk'],
    storage: ['_cl*'],
  },
  youtube: {
    category: 'marketing',
    hosts: [
      'youtube.com/embed',
      'www.youtube.com/embed',
      'youtube.com/iframe_api',
      'www.youtube.com/iframe_api',
      'youtube-nocookie.com',
      'ytimg.com',
    ],
    storage: ['yt-*', 'ytidb::*'],
  },
  'yandex-maps': {
    category: 'preferences',
    hosts: [
      'api-maps.yandex.ru',
      'yandex.ru/map-widget',
      'yandex.com/map-widget',
      'enterprise.api-maps.yandex.ru',
    ],
  },
};
