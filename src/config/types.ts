/**
 * The settings a site admin writes (JSON file, inline JSON or `createConsentry(settings)`).
 *
 * This file is the single source of truth: `npm run schema` generates
 * `schema/consentry.schema.json` from {@link ConsentrySettings}, and the runtime
 * validator checks settings against that same generated schema.
 *
 * TSDoc tags here become JSON Schema keywords: `@default`, `@minimum`, `@maximum`,
 * `@pattern`, `@asType integer`, `@format` (`cookie-pattern`, `host-pattern`, `url`, `language`).
 * Region codes (ISO 3166) are checked across fields in `cross-checks.ts`.
 */

/** A cookie or storage-key name; `*` stands for any run of characters, e.g. `_ga_*`. @format cookie-pattern */
export type NamePattern = string;

/** A host name; `*.example.com` matches subdomains, a trailing `.*` any country domain (`mc.yandex.*`). @format host-pattern */
export type HostPattern = string;

/** An `http(s):` URL or a relative URL (`/privacy`). Other schemes are refused. @format url */
export type Url = string;

/** A BCP 47 language tag such as `en`, `ru`, `de-AT`. @format language */
export type LanguageTag = string;

/** Text for one language, or per language: `"Analytics"` or `{ "en": "Analytics", "ru": "Аналитика" }`. */
export type LocalizedText = string | { [language: string]: string };

export type PresetName = 'gdpr' | 'ru-152fz';

/** How a decision was made; stored in the consent record. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'gpc';

/** A consent category such as `necessary`, `analytics`, `marketing`, `preferences`. */
export interface CategorySettings {
  /**
   * Strictly necessary: always on, shown locked in the dialog.
   * @default false
   */
  required?: boolean;
  /** Title shown in the dialog; built-in texts exist for `necessary`, `analytics`, `marketing`, `preferences`. */
  title?: LocalizedText;
  /** What the category is for, shown under its title. */
  description?: LocalizedText;
  /** Extra cookie names that belong to this category (held until it is granted, deleted on withdrawal). */
  cookies?: NamePattern[];
  /** Extra localStorage/sessionStorage keys that belong to this category. */
  storage?: NamePattern[];
  /** Extra hosts whose scripts, frames, pixels and requests wait for this category. */
  hosts?: HostPattern[];
}

/** A cookie or storage key a service sets, for the dialog's table. */
export interface CookieDeclaration {
  /** Name or pattern, e.g. `_ga_*`. */
  name: NamePattern;
  /** What it is for. */
  purpose?: LocalizedText;
  /** How long it lives, as text: `"2 years"`, `"session"`. */
  lifetime?: LocalizedText;
  /** Where it is stored. @default "cookie" */
  kind?: 'cookie' | 'localStorage' | 'sessionStorage';
}

/**
 * A service: a catalogue id (`google-analytics`, `yandex-metrica`, …) to adjust it,
 * or any other id to declare a custom one.
 */
export interface ServiceSettings {
  /** The category that must be granted before the service runs. Required for custom services. */
  category?: string;
  /** Display name, e.g. `"Yandex Metrica"`. */
  name?: string;
  /** The legal entity that receives the data, e.g. `"YANDEX LLC"`. */
  provider?: LocalizedText;
  /** What the service does for the site. */
  description?: LocalizedText;
  /** Hosts it loads from or sends to. */
  hosts?: HostPattern[];
  /** Cookies it sets (names or patterns). */
  cookies?: NamePattern[];
  /** localStorage/sessionStorage keys it writes. */
  storage?: NamePattern[];
  /** Rows for the dialog's cookie table. */
  declarations?: CookieDeclaration[];
  /** Data leaves the operator for a third party. @default true */
  thirdParty?: boolean;
  /** Data is transferred abroad; a string names where, e.g. `"USA"`. @default false */
  abroad?: boolean | string;
  /** Set `false` to block the service outright, whatever the visitor chooses. @default true */
  enabled?: boolean;
}

/** Texts of the banner and the dialog. Every key is optional: built-in English and Russian fill the rest. */
export interface TextSettings {
  bannerTitle?: string;
  bannerDescription?: string;
  acceptAll?: string;
  rejectAll?: string;
  preferences?: string;
  save?: string;
  close?: string;
  dialogTitle?: string;
  dialogDescription?: string;
  privacyPolicy?: string;
  consentDocument?: string;
  operator?: string;
  alwaysOn?: string;
  saved?: string;
  gpcHonoured?: string;
  reopen?: string;
  services?: string;
  cookieName?: string;
  cookiePurpose?: string;
  cookieLifetime?: string;
  provider?: string;
  thirdParty?: string;
  abroad?: string;
}

export type Layout = 'bar-bottom' | 'bar-top' | 'box' | 'modal';
export type Theme = 'light' | 'dark' | 'auto';

export interface UiSettings {
  /** Where the first layer shows. @default "bar-bottom" */
  layout?: Layout;
  /** @default "auto" */
  theme?: Theme;
  /** Show a × that closes the banner without recording a choice. @default false */
  closeButton?: boolean;
  /** Show a small floating button that reopens the preferences. @default false */
  reopenButton?: boolean;
  /** CSS colours, e.g. `{ "accent": "#0b57d0" }`. */
  colors?: {
    background?: string;
    text?: string;
    accent?: string;
    accentText?: string;
    border?: string;
  };
  /** CSS length for corner radius, e.g. `"8px"`. */
  radius?: string;
  /** CSS font-family. */
  font?: string;
  /** Load the UI chunk from this URL instead of next to `consentry.min.js`. */
  src?: Url;
}

export interface CookieSettings {
  /** @default "consentry" @pattern ^[A-Za-z0-9_.-]+$ */
  name?: string;
  /** Share the choice across subdomains, e.g. `"example.com"`. Defaults to the current host only. */
  domain?: string;
  /** @default "/" */
  path?: string;
  /** @default "Lax" */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Defaults to `true` on https pages. */
  secure?: boolean;
  /**
   * How long a consent is kept, in days (CNIL: at most 13 months).
   * @default 365
   * @asType integer
   * @minimum 1
   * @maximum 395
   */
  consentDays?: number;
  /**
   * How long a refusal is kept before asking again, in days.
   * @default 182
   * @asType integer
   * @minimum 1
   * @maximum 395
   */
  refusalDays?: number;
}

/** One of Google Consent Mode's seven signals. */
export type GoogleSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface GoogleConsentModeSettings {
  /** @default true */
  enabled?: boolean;
  /**
   * `basic` holds Google tags until consent. `advanced` lets them load denied and send
   * cookieless pings (which still carry IP address and user agent): not suitable by default for EEA or RU visitors.
   * @default "basic"
   */
  mode?: 'basic' | 'advanced';
  /** Milliseconds Google tags wait for the `update` command. @default 500 @asType integer @minimum 0 @maximum 10000 */
  waitForUpdate?: number;
  /** Which signals each category grants. Default: analytics → analytics_storage; marketing → ad_*; preferences → functionality/personalization. */
  signals?: { [category: string]: GoogleSignal[] };
  /** Extra `default` commands scoped to ISO 3166 regions, e.g. `{ "region": ["US-CA"], "granted": ["analytics_storage"] }`. */
  regions?: { region: string[]; granted?: GoogleSignal[] }[];
  /** @default true */
  adsDataRedaction?: boolean;
  /** @default false */
  urlPassthrough?: boolean;
}

export interface YandexCounter {
  /** Counter number. @asType integer @minimum 1 */
  id: number;
  /** Options passed to `ym(id, "init", …)`; `webvisor` is forced off unless `yandexMetrica.webvisor` allows it. */
  options?: { [option: string]: unknown };
}

export interface IntegrationSettings {
  googleConsentMode?: GoogleConsentModeSettings;
  /** Let Consentry load GA4 (gtag.js) itself on grant. */
  googleAnalytics?: {
    /** @pattern ^G-[A-Z0-9]+$ */
    measurementId: string;
    /** Extra `gtag('config', id, …)` parameters. */
    config?: { [key: string]: unknown };
  };
  /** Let Consentry load a GTM container itself on grant. */
  googleTagManager?: {
    /** @pattern ^GTM-[A-Z0-9]+$ */
    containerId: string;
  };
  yandexMetrica?: {
    /** Counters Consentry loads itself on grant. Leave empty when the page pastes its own snippet. */
    counters?: YandexCounter[];
    /** Allow Webvisor (session recording); also disclose it in the category text. @default false */
    webvisor?: boolean;
    /** Category that Webvisor needs, when it should differ from Metrica's. */
    webvisorCategory?: string;
  };
  /** GTM dataLayer events `consentry_default` / `consentry_update`. */
  dataLayer?: {
    /** @default "dataLayer" */
    name?: string;
    /** @default true */
    events?: boolean;
  };
}

/** Rules for visitors from one region. */
export interface RegionRule {
  /** IANA time zones that suggest this region when no `data-region` is given, e.g. `["Europe/Moscow"]`. */
  timeZones?: string[];
  /** Categories shown to these visitors; others are not offered (and stay denied). */
  categories?: string[];
  /** Services disabled outright for these visitors, e.g. `["google-analytics"]` for RU. */
  disabledServices?: string[];
}

export interface ConsentLogSettings {
  /** Where each consent record is POSTed as JSON. */
  endpoint: Url;
}

export interface PolicySettings {
  /** Privacy / personal-data processing policy. */
  privacyUrl?: Url;
  /** Version of the policy; a change asks again. */
  privacyVersion?: string;
  /** Separate consent document (152-FZ art. 9 since 1 Sep 2025). Must differ from `privacyUrl`. */
  consentDocumentUrl?: Url;
  consentDocumentVersion?: string;
  /** Operator's legal name, e.g. `"ООО «Ромашка»"`. */
  operatorName?: string;
}

/** Settings for Consentry. Every key is optional; a preset fills the rest. */
export interface ConsentrySettings {
  /** JSON Schema reference for editors; ignored at run time. */
  $schema?: string;
  /** Start from a complete preset, then override. @default "gdpr" */
  preset?: PresetName;
  /** Change it when categories or services change: visitors are asked again. @default "1" */
  revision?: string | number;
  /** Language of the UI; defaults to `<html lang>`, then the browser. */
  language?: LanguageTag;
  /** Categories in display order. `necessary` should be `required: true`. */
  categories?: { [id: string]: CategorySettings };
  /** Catalogue services to adjust, or custom services to add. */
  services?: { [id: string]: ServiceSettings };
  /** Texts per language, e.g. `{ "en": { "bannerTitle": "Cookies" } }`. */
  texts?: { [language: string]: TextSettings };
  ui?: UiSettings;
  cookie?: CookieSettings;
  integrations?: IntegrationSettings;
  /** Region rules keyed by region code, e.g. `{ "RU": { "disabledServices": ["google-analytics"] } }`. */
  regions?: { [region: string]: RegionRule };
  consentLog?: ConsentLogSettings;
  policy?: PolicySettings;
  /** Reload the page when a category whose scripts already ran is withdrawn. @default true */
  reloadOnWithdraw?: boolean;
  /** Log every held element, request and cookie to the console. Also `?consentry_debug=1`. @default false */
  debug?: boolean;
}

type DeepRequired<T> = T extends (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { readonly [K in keyof T]-?: DeepRequired<T[K]> }
    : T;

/**
 * Settings after the preset and defaults are applied and validated; frozen.
 * Optional-by-nature parts (integrations, consent log, region rules, policy URLs) stay optional.
 */
export interface ResolvedSettings {
  readonly preset: PresetName;
  readonly revision: string;
  readonly language: string | undefined;
  readonly categories: { readonly [id: string]: Readonly<CategorySettings> & { readonly required: boolean } };
  readonly services: { readonly [id: string]: Readonly<ServiceSettings> };
  readonly texts: { readonly [language: string]: Readonly<TextSettings> };
  readonly ui: DeepRequired<Omit<UiSettings, 'colors' | 'radius' | 'font' | 'src'>> &
    Readonly<Pick<UiSettings, 'colors' | 'radius' | 'font' | 'src'>>;
  readonly cookie: Readonly<Omit<Required<CookieSettings>, 'domain' | 'secure'>> &
    Readonly<Pick<CookieSettings, 'domain' | 'secure'>>;
  readonly integrations: Readonly<IntegrationSettings>;
  readonly regions: { readonly [region: string]: Readonly<RegionRule> };
  readonly consentLog: Readonly<ConsentLogSettings> | undefined;
  readonly policy: Readonly<PolicySettings>;
  readonly reloadOnWithdraw: boolean;
  readonly debug: boolean;
}

/** One problem found in the settings. */
export interface SettingsProblem {
  /** `error` means the value was dropped for a safe default; `warning` means it was ignored (unknown key). */
  level: 'error' | 'warning';
  /** JSON path, e.g. `settings.categories.analytics.cookies[2]`. */
  path: string;
  /** The full message, e.g. `settings.cookie.consentDays: 999 is above the maximum 395`. */
  message: string;
}
