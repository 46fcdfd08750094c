/**
 * The custom `@format`s of types.ts: a test and the expectation shown when it fails.
 * Only these formats are checked; an unknown format passes (JSON Schema draft-07 §7.2).
 */
export const FORMATS: { readonly [format: string]: readonly [test: RegExp, expected: string] } = {
  // RFC 6265 §4.1.1: a cookie name is an RFC 2616 token; `*` (itself a token character) stands for any run.
  'cookie-pattern': [
    /^[\w!#$%&'*+.^`|~-]+$/,
    'is not a valid pattern (expected a cookie or storage key name, * for any characters)',
  ],
  // RFC 1123 §2.1 host labels, with an optional leading `*.` (subdomains) or trailing `.*` (any country domain).
  'host-pattern': [
    /^(\*\.)?[a-z\d]([a-z\d-]*[a-z\d])?(\.[a-z\d]([a-z\d-]*[a-z\d])?)*(\.\*)?$/i,
    'is not a valid host pattern (expected a host name such as example.com, *.example.com or mc.yandex.*)',
  ],
  // S3: links are http(s) or relative. A colon before the first `/`, `?` or `#` would be a scheme
  // (javascript:, data:, …). Browsers strip tabs and newlines inside a scheme, so no control
  // characters or spaces are allowed anywhere.
  url: [
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    /^(?:https?:\/\/|(?![^/?#]*:))[^\x00-\x20\x7f]+$/i,
    'is not a safe URL (expected an http:, https: or relative URL)',
  ],
  // BCP 47, simplified: a primary language subtag, then subtags (region, script, variant).
  language: [/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i, 'is not a language tag (expected e.g. "en", "ru" or "de-AT")'],
};
