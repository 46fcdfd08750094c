import { installCookieGuard, type CookieGuard, type CookieWriters, type Log } from './cookie-guard';
import { installElementGuard, type ElementGuard, type Kinds } from './element-guard';
import type { Releaser } from './held-elements';
import { installNetworkGuard } from './network-guard';
import { cataloguePolicy, createRules, type GatePolicy } from './rules';
import { installStorageGuard, type StorageGuard } from './storage-guard';

interface Realm {
  readonly win: Window & typeof globalThis;
  readonly doc: Document;
  readonly cookies: CookieGuard;
  readonly storage: StorageGuard;
  readonly elements: ElementGuard;
}

export interface GateOptions {
  readonly win: Window & typeof globalThis;
  /** The page's CSP nonce, given to released scripts when they have none of their own (G7). */
  readonly nonce?: string;
  /** Log every held element, request and cookie. @default `?consentry_debug=1` in the page's URL */
  readonly debug?: boolean;
  /** Consentry's own cookie name before settings are known. */
  readonly ownCookie?: string;
  /** Releases held elements; without it (the script tag's synchronous file) `useReleaser` gives it later. */
  readonly releaser?: Releaser;
  /** Held elements are allowed now but nothing can release them yet. */
  readonly onPending?: () => void;
}

/**
 * Close the gate: from this call on, everything the catalogue knows and every undeclared persistent
 * cookie waits (G4). `configure` (settings) and `grant` (stored or new consent) then open doors.
 * Installing patches the page's DOM, network and storage functions, so it is done once per page,
 * by the script-tag entry or by `createConsentry` — never at import.
 */
export function installGate({
  win,
  nonce,
  debug = /[?&]consentry_debug=1\b/.test(win.location.search),
  ownCookie = 'consentry',
  releaser,
  onPending = () => {},
}: GateOptions) {
  let debugging = debug;
  const rules = createRules(cataloguePolicy(ownCookie));
  const log = Object.defineProperty(
    (message: string) => {
      if (debugging) win.console.info(`consentry: ${message}`);
    },
    'on',
    { get: () => debugging },
  ) as Log;
  // A warning is for the site's developer and never urgent: it is written after the current task,
  // not in the middle of the parse (with DevTools attached, as in Lighthouse, each console message
  // records its stack: the pasted-tag warning cost several ms at 4× CPU before first paint).
  const warn = (message: string) => void win.setTimeout(() => win.console.warn(`consentry: ${message}`));
  const ran = new Set<string>();
  /** The page, then every same-origin frame window it reached (each a realm with its own functions). */
  const realms: Realm[] = [];
  const guarded = new WeakSet<Document>();
  const cookieWriters: CookieWriters = new WeakMap();
  const kinds: Kinds = new WeakMap();
  const release = { current: releaser, pending: () => onPending() };

  function guard(target: Window & typeof globalThis): Realm {
    const doc = target.document;
    guarded.add(doc);
    const realm: Realm = {
      win: target,
      doc,
      cookies: installCookieGuard(target, rules, log, cookieWriters),
      storage: installStorageGuard(target, rules, log),
      elements: installElementGuard({
        win: target,
        rules,
        nonce,
        log,
        warn,
        ran,
        adopt,
        kinds,
        releaser: release,
      }),
    };
    installNetworkGuard(target, rules, log);
    // A popup opened by code starts as a same-origin about:blank window, as fresh as a new frame.
    const openWindow = target.open;
    if (typeof openWindow === 'function') {
      target.open = function (this: Window, ...args: Parameters<Window['open']>) {
        const opened = openWindow.apply(this, args);
        adopt(opened);
        return opened;
      };
    }
    realms.push(realm);
    return realm;
  }

  /**
   * A same-origin frame (an about:blank one made by code, or a page of the site) is a fresh realm
   * whose fetch, cookie setter, appendChild… are untouched: a way around the gate for any script
   * that makes one. Its window is guarded like the page's before the script gets it. Frames of
   * another origin have their own cookies and cannot be reached (their scripts are theirs).
   */
  function adopt(frame: Window | null) {
    let frameDoc: Document | undefined;
    try {
      frameDoc = frame?.document;
    } catch {
      return;
    }
    if (!frame || !frameDoc || guarded.has(frameDoc)) return;
    log(`guarding a frame's window (${frameDoc.URL})`);
    prune();
    guard(frame as Window & typeof globalThis);
  }

  /** Forget frames removed or navigated since (their realms are gone), so none is kept alive. */
  function prune() {
    for (let index = realms.length - 1; index > 0; index -= 1) {
      const realm = realms[index]!;
      let gone = true;
      try {
        gone = realm.win.closed || realm.win.document !== realm.doc;
      } catch {
        // Navigated to another origin.
      }
      if (gone) realms.splice(index, 1);
    }
  }

  const page = guard(win);

  function open(): Promise<void> {
    prune();
    return Promise.all(
      realms.map((realm) => {
        realm.cookies.release();
        realm.storage.release();
        return realm.elements.release();
      }),
    ).then(() => undefined);
  }

  return {
    rules,
    /** Apply the settings' services, categories and region rules; what they allow opens. */
    configure(policy: GatePolicy, options: { debug?: boolean } = {}) {
      debugging ||= options.debug === true;
      rules.configure(policy);
      return open();
    },
    /** From now on held elements are released (the deferred file brings `releaseAllowed`). */
    useReleaser(next: Releaser): Promise<void> {
      release.current = next;
      return open();
    },
    /** Open what these categories allow; close what they no longer allow (required ones stay open). */
    grant(categories: Iterable<string>): Promise<void> {
      rules.setGranted(categories);
      return open();
    },
    /** The page's cookie guard: the browser's own `document.cookie`, for the cleanup (R2, `removeDenied`). */
    cookies: page.cookies,
    /** Categories whose scripts or frames have run in this page (a running script cannot be unloaded). */
    ran: ran as ReadonlySet<string>,
  };
}

export type Gate = ReturnType<typeof installGate>;
