import { CATALOGUE } from './catalogue';
import { compileCookieFilter, compileNames, indexHosts, lookupHost } from './patterns';

/** A service as the gate enforces it. */
export interface GateService {
  readonly id: string;
  readonly category: string;
  readonly hosts: readonly string[];
  readonly cookies?: readonly string[];
  readonly storage?: readonly string[];
  /** `false`: blocked outright (settings or a region rule), whatever the visitor chooses. */
  readonly enabled?: boolean;
}

/** What the gate needs to know of the settings. Before settings load it works from the catalogue alone. */
export interface GatePolicy {
  /** Category ids in the settings, required ones included. Empty before settings load. */
  readonly categories: readonly string[];
  readonly required: readonly string[];
  readonly services: readonly GateService[];
  /** Category-level extra cookie/storage/host patterns from the settings. */
  readonly categoryPatterns: {
    readonly [category: string]: {
      cookies?: readonly string[];
      storage?: readonly string[];
      hosts?: readonly string[];
    };
  };
  /** Consentry's own cookie: always passes (G6, G8). */
  readonly ownCookie: string;
}

/** What a URL, cookie or storage key belongs to. */
export interface Match {
  readonly service: string;
  readonly category: string;
  readonly enabled: boolean;
}

interface CompiledService extends Match {
  readonly hosts: readonly string[];
  readonly cookies: RegExp | undefined;
  readonly storage: RegExp | undefined;
}

export function cataloguePolicy(ownCookie = 'consentry'): GatePolicy {
  return {
    categories: [],
    required: [],
    services: Object.keys(CATALOGUE).map((id) => ({ id, ...CATALOGUE[id]! })),
    categoryPatterns: {},
    ownCookie,
  };
}

function compile(policy: GatePolicy) {
  const services: CompiledService[] = [
    ...policy.services.map((service) => ({
      service: service.id,
      category: service.category,
      enabled: service.enabled !== false,
      hosts: service.hosts,
      cookies: compileNames(service.cookies ?? []),
      storage: compileNames(service.storage ?? []),
    })),
    ...Object.keys(policy.categoryPatterns).map((category) => {
      const extra = policy.categoryPatterns[category]!;
      return {
        service: `category:${category}`,
        category,
        enabled: true,
        hosts: extra.hosts ?? [],
        cookies: compileNames(extra.cookies ?? []),
        storage: compileNames(extra.storage ?? []),
      };
    }),
  ];
  // Most cookie writes and storage keys belong to no service: one combined test says so at once.
  const all = (kind: 'cookies' | 'storage') =>
    policy.services
      .flatMap((service) => service[kind] ?? [])
      .concat(Object.values(policy.categoryPatterns).flatMap((extra) => extra[kind] ?? []));
  return {
    services,
    hosts: indexHosts(services.flatMap((entry) => entry.hosts.map((host) => [host, entry] as const))),
    anyCookie: compileNames(all('cookies')),
    anyStorage: compileNames(all('storage')),
    cookiePatterns: all('cookies'),
  };
}

/** The decisions of the gate: what belongs where, and what is granted now. Reconfigured when settings arrive. */
export function createRules(initial: GatePolicy) {
  let policy = initial;
  /** Compiled on first use: the script tag configures the settings before anything is asked. */
  let compiledFor: ReturnType<typeof compile> | undefined;
  const current = () => (compiledFor ??= compile(policy));
  /** Counts `configure` calls, so that what others derive from the rules knows when to derive again. */
  let version = 0;
  let granted: ReadonlySet<string> = new Set();
  /** `allGranted()`, counted again when the settings or the grants change (it is asked on every held write). */
  let everyGranted = false;
  const recount = () => {
    everyGranted =
      policy.categories.length > 0 &&
      policy.categories.every((category) => granted.has(category) || policy.required.includes(category));
  };

  const find = (kind: 'cookies' | 'storage', name: string): Match | undefined =>
    (kind === 'cookies' ? current().anyCookie : current().anyStorage)?.test(name)
      ? current().services.find((entry) => entry[kind]?.test(name))
      : undefined;

  const rules = {
    get policy() {
      return policy;
    },
    configure(next: GatePolicy) {
      policy = next;
      compiledFor = undefined;
      version += 1;
      recount();
    },
    /** The service a URL belongs to, or undefined for everything not catalogued. */
    forUrl(url: string | URL, base?: string): Match | undefined {
      let parsed: URL;
      try {
        parsed = typeof url === 'string' ? new URL(url, base) : url;
      } catch {
        return undefined;
      }
      if (!/^(https?|wss?):$/.test(parsed.protocol)) return undefined;
      return lookupHost(current().hosts, parsed.hostname, parsed.pathname);
    },
    get version() {
      return version;
    },
    /**
     * The test for whole `document.cookie` writes ("name=value; …"): false means surely a session
     * cookie that no service claims and none of the `exact` names. Built again when `version` changes.
     */
    cookieWriteFilter: (exact: Iterable<string> = []) =>
      compileCookieFilter(current().cookiePatterns, [...exact]),
    forCookie: (name: string) => (name === policy.ownCookie ? undefined : find('cookies', name)),
    forStorageKey: (key: string) => find('storage', key),
    setGranted(categories: Iterable<string>) {
      granted = new Set(categories);
      recount();
    },
    /** Every optional category of the settings is granted (undeclared persistent cookies wait for this, G6). */
    allGranted: (): boolean => everyGranted,
    /**
     * Whether something of this category may run or be stored now.
     * A category the settings do not have (a catalogue default such as `preferences` on a site with
     * only analytics and marketing) opens only when every category is granted.
     */
    isAllowed(match: Match | string): boolean {
      const category = typeof match === 'string' ? match : match.category;
      if (typeof match !== 'string' && !match.enabled) return false;
      if (policy.required.includes(category)) return true;
      if (!policy.categories.includes(category)) return rules.allGranted();
      return granted.has(category);
    },
  };
  return rules;
}

export type Rules = ReturnType<typeof createRules>;
