import type { ConsentStore } from './store';
import type { ConsentRecord } from './types';

/** Deliver `body` to `endpoint`; resolves `true` only when the server acknowledged it. */
export type ConsentLogSend = (endpoint: string, body: string) => Promise<boolean>;

export interface ConsentLogOptions {
  /** The network call; injected so tests never touch the network. @default sendToEndpoint */
  readonly send?: ConsentLogSend;
  /** The page the decision was made on. @default `location` without query and hash */
  readonly pageUrl?: string;
}

/** What the endpoint receives. */
export interface ConsentLogPayload extends ConsentRecord {
  /** Origin and path only: a query or hash may carry personal data. */
  readonly url: string;
}

/**
 * C4: send each decision's record to `settings.consentLog.endpoint`.
 *
 * The store writes a record with a pending mark before this sends it; the mark is cleared only
 * when the server answers 2xx. A record still pending on a later load (the send failed, or the
 * page closed first) is sent once more on that load — once per load, never in a loop.
 *
 * Idempotency: a response lost when the page closes means the server got the record but the mark
 * stayed, so the same record is sent again. Every payload carries the record's `id` and
 * `decidedAt`; that pair is the idempotency key the endpoint uses to drop duplicates.
 *
 * Inert until called; returns a function that stops logging.
 */
export function connectConsentLog(store: ConsentStore, options: ConsentLogOptions = {}): () => void {
  const endpoint = store.settings.consentLog?.endpoint;
  if (!endpoint) return () => undefined;
  const send = options.send ?? sendToEndpoint;
  const url = options.pageUrl ?? currentPage();
  const sent = new Set<string>();

  function deliver(record: ConsentRecord): void {
    const key = `${record.id}@${record.decidedAt}`;
    if (sent.has(key)) return;
    sent.add(key);
    const payload: ConsentLogPayload = { ...record, url };
    let request: Promise<boolean>;
    try {
      request = send(endpoint as string, JSON.stringify(payload));
    } catch {
      return;
    }
    request.then(
      (ok) => {
        if (ok) store.markSent(record);
      },
      () => undefined, // Still pending in the cookie: the next load retries.
    );
  }

  const pending = store.pendingRecord();
  if (pending) deliver(pending);

  return store.on('change', ({ record, source }) => {
    // Other tabs send their own decisions; a bfcache restore retries on its next real load.
    if (source === 'local' && record) deliver(record);
  });
}

/**
 * The default network call: `fetch` with `keepalive` (it survives the page closing, and its
 * response tells whether the server took the record), else `navigator.sendBeacon` (which only
 * says the browser queued it). `text/plain` keeps the request CORS-simple: no preflight.
 */
export const sendToEndpoint: ConsentLogSend = async (endpoint, body) => {
  if (typeof fetch === 'function') {
    const response = await fetch(endpoint, {
      method: 'POST',
      keepalive: true,
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    return response.ok;
  }
  return typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function'
    ? navigator.sendBeacon(endpoint, body)
    : false;
};

function currentPage(): string {
  return typeof location === 'undefined' ? '' : location.origin + location.pathname;
}
