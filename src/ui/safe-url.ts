/**
 * S3: links come only from declared settings fields and only as `http(s):` or relative URLs.
 * Checked again here, at render time, so a value that slipped past validation
 * (`javascript:`, `data:`, `vbscript:`, scheme hidden behind control characters) never becomes an `href`.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // WHATWG URL parsing drops tabs and newlines anywhere and other C0 controls at the ends: refuse them outright.
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || /[\u0000-\u001f\u007f\\]/.test(trimmed)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (scheme) return /^https?$/i.test(scheme[1] ?? '') ? trimmed : undefined;
  // Protocol-relative `//host` leaves the site: allow it only as an explicit http(s) URL.
  return trimmed.startsWith('//') ? undefined : trimmed;
}
