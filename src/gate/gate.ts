import { removeDenied } from './cleanup';
import { installCookieGuard } from './cookie-guard';
import { installElementGuard } from './element-guard';
import { installNetworkGuard } from './network-guard';
import { cataloguePolicy, createRules, type GatePolicy } from './rules';
import { installStorageGuard } from './storage-guard';

export interface GateOptions {
  readonly win: Window & typeof globalThis;
  /** The page's CSP nonce, given to released scripts when they have none of their own (G7). */
  readonly nonce?: string;
  /** Log every held element, request and cookie (`?consentry_debug=1` or `debug: true`). */
  readonly debug?: boolean;
  /** Consentry's own cookie name before settings are known. */
  readonly ownCookie?: string;
}

/**
 * Close the gate: from this call on, everything the catalogue knows and every undeclared persistent
 * cookie waits (G4). `configure` (settings) and `grant` (stored or new consent) then open doors.
 * Installing patches the page's DOM, network and storage functions, so it is done once per page,
 * by the script-tag entry or by `createConsentry` — never at import.
 */
export function installGate({ win, nonce, debug = false, ownCookie = 'consentry' }: GateOptions) {
  let debugging = debug;
  const rules = createRules(cataloguePolicy(ownCookie));
  const log = (message: string) => {
    if (debugging) win.console.info(`consentry: ${message}`);
  };
  const warn = (message: string) => win.console.warn(`consentry: ${message}`);
  const cookies = installCookieGuard(win, rules, log);
  const storage = installStorageGuard(win, rules, log);
  installNetworkGuard(win, rules, log);
  const elements = installElementGuard({ win, rules, nonce, log, warn });

  function open(): Promise<void> {
    cookies.release();
    storage.release();
    return elements.release();
  }

  return {
    rules,
    /** Apply the settings' services, categories and region rules; what they allow opens. */
    configure(policy: GatePolicy, options: { debug?: boolean } = {}) {
      debugging ||= options.debug === true;
      rules.configure(policy);
      return open();
    },
    /** Open what these categories allow; close what they no longer allow (required ones stay open). */
    grant(categories: Iterable<string>): Promise<void> {
      rules.setGranted(categories);
      return open();
    },
    /** R2: delete cookies and storage keys of every category that is not granted now. */
    removeDenied: () => removeDenied(win, rules, cookies),
    /** Categories whose scripts or frames have run in this page (a running script cannot be unloaded). */
    ran: elements.ran,
    /** What is waiting now: elements, and cookies by `name;domain;path`. */
    held: { elements: elements.held, cookies: cookies.held },
  };
}

export type Gate = ReturnType<typeof installGate>;
