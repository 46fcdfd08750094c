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
 * The store writes a record marked unsent before this sends it, and keeps earlier unsent records
 * in the cookie when a new decision replaces it; each leaves the cookie only when the server
 * answers 2xx. On load and after each decision, every unsent record is sent, oldest first and
 * one after another (so the endpoint receives decisions in the order they were made), and at most
 * once per page: a failure waits for the next load, never a loop.
 *
 * Idempotency: a response lost when the page closes means the server got the record but the
 * cookie still lists it, so the same record is sent again on a later load. Every payload carries
 * the record's `id` and `decidedAt`; that pair is the idempotency key the endpoint uses to drop
 * duplicates.
 *
 * Inert until called; returns a function that stops logging.
 */
export function connectConsentLog(store: ConsentStore, options: ConsentLogOptions = {}): () => void {
  const endpoint = store.settings.consentLog?.endpoint;
  if (!endpoint) return () => undefined;
  const send = options.send ?? sendToEndpoint;
  const url = options.pageUrl ?? currentPage();
  const sent = new Set<string>();
  const queue: ConsentRecord[] = [];
  let busy = false;

  function deliver(record: ConsentRecord): void {
    const key = `${record.id}@${record.decidedAt}`;
    if (sent.has(key)) return;
    sent.add(key);
    queue.push(record);
    if (!busy) next();
  }

  function next(): void {
    const record = queue.shift();
    busy = record !== undefined;
    if (record) void post(record).then(next, next);
  }

  /** Resolves once the attempt is over; never rejects. */
  function post(record: ConsentRecord): Promise<void> {
    const payload: ConsentLogPayload = { ...record, url };
    let request: Promise<boolean>;
    try {
      request = send(endpoint as string, JSON.stringify(payload));
    } catch {
      return Promise.resolve();
    }
    return request.then(
      (ok) => {
        if (ok) store.markSent(record);
      },
      () => undefined, // Still unsent in the cookie: the next load retries.
    );
  }

  const sendUnsent = () => store.unsentRecords().forEach(deliver);
  sendUnsent();

  return store.on('change', ({ record, source }) => {
    // A decision heard from another tab is that tab's to send; a bfcache restore retries on its next real load.
    if (source !== 'local' || !record) return;
    sendUnsent();
    deliver(record); // Also when the cookie could not be written.
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
