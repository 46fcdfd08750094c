/**
 * One cookie's value from `document.cookie`, decoded as js-cookie writes it (percent-encoded
 * sequences only), or `undefined`. Reading needs no library: the synchronous script-tag file reads
 * the consent cookie with this, and js-cookie comes with the deferred part that writes it.
 * C5: a `document.cookie` that throws (a sandboxed frame) means no cookie.
 */
export function readCookie(doc: Pick<Document, 'cookie'>, name: string): string | undefined {
  let jar: string;
  try {
    jar = doc.cookie;
  } catch {
    return undefined;
  }
  for (const pair of jar ? jar.split('; ') : []) {
    const separator = pair.indexOf('=');
    if (separator < 0 || decode(pair.slice(0, separator)) !== name) continue;
    // A quoted value (RFC 6265 allows it) is read as js-cookie reads it: without the quotes.
    return decode(pair.slice(separator + 1).replace(/^"(.*)"$/, '$1'));
  }
  return undefined;
}

/** RFC 6265 allows any octets; js-cookie percent-encodes what it must, so only those are decoded. */
function decode(text: string): string {
  try {
    return text.replace(/(%[\dA-F]{2})+/gi, decodeURIComponent);
  } catch {
    return text;
  }
}
