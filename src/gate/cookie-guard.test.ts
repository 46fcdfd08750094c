import { describe, expect, test } from 'vitest';
import { installCookieGuard } from './cookie-guard';
import { cataloguePolicy, createRules, type GatePolicy } from './rules';

const sitePolicy = (changes: Partial<GatePolicy> = {}): GatePolicy => ({
  ...cataloguePolicy('consentry'),
  categories: ['necessary', 'analytics', 'marketing'],
  required: ['necessary'],
  ...changes,
});

/**
 * A document whose `cookie` accessor (on its prototype, as in browsers) records every write that
 * reaches the browser. What the guard passes, and in which order, is exactly this list.
 */
function page(pathname = '/shop/item', logging = true) {
  const written: string[] = [];
  const proto = {};
  Object.defineProperty(proto, 'cookie', {
    configurable: true,
    get: () => written.join('\n'),
    set: (text: string) => void written.push(text),
  });
  const document = Object.create(proto) as Document;
  const win = { document, location: { pathname } } as unknown as Window & typeof globalThis;
  const rules = createRules(sitePolicy());
  const logged: string[] = [];
  const log = Object.assign((message: string) => void logged.push(message), { on: logging });
  const guard = installCookieGuard(win, rules, log);
  const set = (text: unknown) => {
    (document as { cookie: unknown }).cookie = text;
  };
  return { written, document, rules, guard, set, logged };
}

describe('the cookie guard (G6)', () => {
  test('a session cookie no service claims passes untouched, exactly as written', () => {
    const { written, set } = page();
    for (const text of ['cart=1; path=/; SameSite=Lax', 'a_ga=1', 'x=_ga=1', 'ga=2; Secure']) set(text);
    expect(written).toEqual(['cart=1; path=/; SameSite=Lax', 'a_ga=1', 'x=_ga=1', 'ga=2; Secure']);
  });

  test('a catalogued cookie waits for its category, in any spacing and with any attributes', () => {
    const { written, set, rules, guard, logged } = page();
    set('_ga=GA1.1.1.1; path=/; max-age=63072000');
    set(' _ym_uid = 17; path=/');
    set('_fbp=fb.1; path=/');
    expect(written).toEqual([]);
    expect(logged).toEqual([
      'held cookie _ga (analytics)',
      'held cookie _ym_uid (analytics)',
      'held cookie _fbp (marketing)',
    ]);
    rules.setGranted(['analytics']);
    guard.release();
    expect(written).toEqual(['_ga=GA1.1.1.1; path=/; max-age=63072000', ' _ym_uid = 17; path=/']);
    expect([...guard.held.values()].map((cookie) => cookie.name)).toEqual(['_fbp']);
  });

  test('with the debug log off, holding writes no message, and holds alike', () => {
    const { written, set, rules, guard, logged } = page('/', false);
    set('_ga=1; path=/');
    set('pref=1; path=/; max-age=60');
    expect(logged).toEqual([]);
    expect(written).toEqual(['pref=1; path=/']);
    rules.setGranted(['analytics', 'marketing']);
    guard.release();
    expect(written).toEqual(['pref=1; path=/', '_ga=1; path=/', 'pref=1; path=/; max-age=60']);
  });

  test('an undeclared persistent cookie is a session cookie until every category is granted', () => {
    const { written, set, rules, guard } = page();
    set('visited=1; path=/; Max-Age=3600; SameSite=Lax');
    set('seen=2; EXPIRES=Wed, 01 Jan 2031 00:00:00 GMT; path=/');
    // Blanks around "=" are allowed in attributes (RFC 6265 §5.2.3): the session copy has no lifetime either.
    set('spaced=3; max-age =60 ;path=/');
    expect(written).toEqual(['visited=1; path=/; SameSite=Lax', 'seen=2; path=/', 'spaced=3;path=/']);
    rules.setGranted(['analytics']);
    guard.release();
    expect(written).toHaveLength(3);
    rules.setGranted(['analytics', 'marketing']);
    guard.release();
    expect(written.slice(3)).toEqual([
      'visited=1; path=/; Max-Age=3600; SameSite=Lax',
      'seen=2; EXPIRES=Wed, 01 Jan 2031 00:00:00 GMT; path=/',
      'spaced=3; max-age =60 ;path=/',
    ]);
  });

  test('a later write of the same cookie replaces the held one, so a release never overwrites newer values', () => {
    const { written, set, rules, guard } = page('/shop/item');
    set('visited=1; path=/shop; max-age=3600');
    // No Path: the page's directory, /shop — the same cookie as above (RFC 6265 §5.1.4).
    set('visited=2');
    set('_ga=old; path=/');
    set('_ga=new; path=/');
    set('kept=1; path=/; max-age=60');
    set('kept=x; path=/other');
    rules.setGranted(['analytics', 'marketing']);
    guard.release();
    expect(written).toEqual([
      'visited=1; path=/shop',
      'visited=2',
      'kept=1; path=/',
      'kept=x; path=/other',
      '_ga=new; path=/',
      'kept=1; path=/; max-age=60',
    ]);
  });

  test('deletions pass and drop what was held for that cookie; Consentry’s own cookie passes', () => {
    const { written, set, rules, guard } = page();
    set('_ga=1; path=/');
    set('_ga=; path=/; max-age=0');
    set('consentry=%7B%7D; path=/; max-age=31536000');
    rules.setGranted(['analytics', 'marketing']);
    guard.release();
    expect(written).toEqual(['_ga=; path=/; max-age=0', 'consentry=%7B%7D; path=/; max-age=31536000']);
  });

  test('settings that arrive later are used at once, by the fast test too', () => {
    const { written, set, rules } = page();
    set('my_stats=1; path=/');
    rules.configure(sitePolicy({ categoryPatterns: { analytics: { cookies: ['my_stats*'] } } }));
    set('my_stats=2; path=/');
    set('my_statsX=3');
    expect(written).toEqual(['my_stats=1; path=/']);
  });

  test('non-string values are written as the browser would write them', () => {
    const { written, set } = page();
    set(12);
    set({ toString: () => 'obj=1' });
    expect(written).toEqual(['12', 'obj=1']);
  });

  test('reads are untouched', () => {
    const { document, set } = page();
    set('a=1');
    set('_ga=1');
    expect(document.cookie).toBe('a=1');
  });
});
