import { describe, expect, test } from 'vitest';
import { CATALOGUE } from './catalogue';
import { surelyUnconcerned, type CookieFilter } from './patterns';
import { cataloguePolicy, createRules, type GatePolicy } from './rules';

/** Whether a write gets a closer look, as the cookie guard decides it: the shortcut, then the expression. */
const mayConcern = (filter: CookieFilter, write: string) =>
  !surelyUnconcerned(filter, write) && filter.concerns.test(write);

const sitePolicy = (changes: Partial<GatePolicy> = {}): GatePolicy => ({
  ...cataloguePolicy('consentry'),
  categories: ['necessary', 'analytics', 'marketing'],
  required: ['necessary'],
  ...changes,
});

describe('catalogue matching', () => {
  const rules = createRules(cataloguePolicy());
  const category = (url: string) => rules.forUrl(url)?.service;

  test('knows every host the requirements name (G1)', () => {
    expect(category('https://www.googletagmanager.com/gtag/js?id=G-1')).toBe('google-analytics');
    expect(category('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toBe('google-tag-manager');
    expect(category('https://region1.google-analytics.com/g/collect')).toBe('google-analytics');
    expect(category('https://analytics.google.com/g/collect')).toBe('google-analytics');
    expect(category('https://www.googleadservices.com/pagead/conversion.js')).toBe('google-ads');
    expect(category('https://stats.g.doubleclick.net/j/collect')).toBe('google-ads');
    for (const tld of ['ru', 'com', 'by', 'kz', 'com.tr', 'ua', 'uz']) {
      expect(category(`https://mc.yandex.${tld}/metrika/tag.js`)).toBe('yandex-metrica');
    }
    expect(category('https://mc.webvisor.com/x')).toBe('yandex-metrica');
    expect(category('https://mc.webvisor.org/x')).toBe('yandex-metrica');
    expect(category('wss://mc.yandex.ru/solid.ws')).toBe('yandex-metrica');
  });

  test('finds hosts by their suffixes and country domains by their stem', () => {
    expect(category('https://EU.Mc.Yandex.RU/watch/1')).toBe('yandex-metrica');
    expect(category('https://mc.yandex.co.uk/x')).toBe('yandex-metrica');
    // A fully qualified name (a trailing dot) is the same host.
    expect(category('https://mc.yandex.ru./metrika/tag.js')).toBe('yandex-metrica');
    expect(category('https://www.google-analytics.com./g/collect')).toBe('google-analytics');
    expect(category('https://mc.yandex.a.b.c/x')).toBeUndefined();
    expect(category('https://mc.yandex.r/x')).toBeUndefined();
    expect(category('https://mc.yandex.123/x')).toBeUndefined();
    expect(category('https://mc.yandex/x')).toBeUndefined();
  });

  test('of patterns for one URL, the longest path wins, then the longest host, then the first listed', () => {
    const own = createRules({
      ...cataloguePolicy(),
      services: [
        { id: 'whole', category: 'marketing', hosts: ['cdn.example.net'] },
        { id: 'first', category: 'analytics', hosts: ['cdn.example.net/a'] },
        { id: 'second', category: 'marketing', hosts: ['*.example.net/a', 'cdn.example.net/a/b'] },
        { id: 'third', category: 'analytics', hosts: ['cdn.example.net/a/b'] },
      ],
    });
    const service = (url: string) => own.forUrl(url)?.service;
    expect(service('https://cdn.example.net/x')).toBe('whole');
    expect(service('https://cdn.example.net/a/x')).toBe('first');
    expect(service('https://cdn.example.net/a/b/x')).toBe('second');
    expect(service('https://www.example.net/a')).toBe('second');
    expect(service('https://example.org/a')).toBeUndefined();
  });

  test('leaves look-alikes and first-party URLs alone', () => {
    expect(category('https://example.com/gtag/js')).toBeUndefined();
    expect(category('https://notgoogle-analytics.com/x')).toBeUndefined();
    expect(category('https://mc.yandex.ru.evil.example/tag.js')).toBeUndefined();
    expect(category('https://yandex.ru/search')).toBeUndefined();
    expect(category('/local/script.js')).toBeUndefined();
    expect(category('data:text/javascript,1')).toBeUndefined();
    expect(category('not a url')).toBeUndefined();
  });

  test('matches the cookies of GA4, Google Ads and Metrica (G2)', () => {
    for (const name of ['_ga', '_ga_ABC123', '_gid', '_gat', '_gat_UA1'])
      expect(rules.forCookie(name)?.category).toBe('analytics');
    for (const name of ['_gcl_au', '_gac_UA1']) expect(rules.forCookie(name)?.category).toBe('marketing');
    for (const name of ['_ym_uid', '_ym_d', '_ym_isad', '_ym12345_lsid'])
      expect(rules.forCookie(name)?.service).toBe('yandex-metrica');
    expect(rules.forCookie('session')).toBeUndefined();
    expect(rules.forCookie('consentry')).toBeUndefined();
    expect(rules.forStorageKey('_ym_uid')?.service).toBe('yandex-metrica');
  });

  test('every catalogue entry has hosts and a category', () => {
    for (const [id, entry] of Object.entries(CATALOGUE)) {
      expect(entry.hosts.length, id).toBeGreaterThan(0);
      expect(entry.category, id).toMatch(/^(analytics|marketing|preferences)$/);
    }
  });
});

describe('what is allowed', () => {
  test('before settings arrive nothing optional is allowed', () => {
    const rules = createRules(cataloguePolicy());
    expect(rules.isAllowed(rules.forUrl('https://mc.yandex.ru/metrika/tag.js')!)).toBe(false);
    expect(rules.allGranted()).toBe(false);
  });

  test('a granted category opens its services; required ones are always open', () => {
    const rules = createRules(sitePolicy());
    rules.setGranted(['analytics']);
    expect(rules.isAllowed(rules.forUrl('https://mc.yandex.ru/metrika/tag.js')!)).toBe(true);
    expect(rules.isAllowed(rules.forUrl('https://www.googleadservices.com/pagead/x.js')!)).toBe(false);
    expect(rules.isAllowed('necessary')).toBe(true);
  });

  test('a category the site does not have opens only when every category is granted', () => {
    const rules = createRules(sitePolicy());
    const maps = rules.forUrl('https://api-maps.yandex.ru/2.1/')!;
    expect(maps.category).toBe('preferences');
    rules.setGranted(['analytics']);
    expect(rules.isAllowed(maps)).toBe(false);
    rules.setGranted(['analytics', 'marketing']);
    expect(rules.isAllowed(maps)).toBe(true);
  });

  test('a disabled service never opens', () => {
    const policy = sitePolicy();
    const rules = createRules({
      ...policy,
      services: policy.services.map((s) => (s.id === 'google-analytics' ? { ...s, enabled: false } : s)),
    });
    rules.setGranted(['analytics', 'marketing']);
    expect(rules.isAllowed(rules.forUrl('https://www.googletagmanager.com/gtag/js?id=G-1')!)).toBe(false);
  });

  test('settings can move a service and add category patterns', () => {
    const policy = sitePolicy({
      categoryPatterns: { analytics: { cookies: ['my_stats_*'], hosts: ['stats.example.net'] } },
    });
    const rules = createRules({
      ...policy,
      services: policy.services.map((s) => (s.id === 'yandex-metrica' ? { ...s, category: 'marketing' } : s)),
    });
    expect(rules.forUrl('https://mc.yandex.ru/watch/1')?.category).toBe('marketing');
    expect(rules.forCookie('my_stats_1')?.category).toBe('analytics');
    expect(rules.forUrl('https://cdn.stats.example.net/s.js')?.category).toBe('analytics');
  });
});

describe('the cookie-write fast test', () => {
  const rules = createRules(sitePolicy({ categoryPatterns: { analytics: { cookies: ['my.stats_*'] } } }));

  test('claims writes of catalogued names and lets every other name through untouched', () => {
    for (const write of ['_ga=GA1.1.2.3; path=/', ' _ga_ABC = x', '_ym_uid=1; max-age=1', 'my.stats_1=1']) {
      expect(mayConcern(rules.cookieWriteFilter(), write), write).toBe(true);
    }
    for (const write of ['session=1; path=/', 'a_ga=1', 'myXstats_1=1', 'x=_ga=1', 'consentry=%7B%7D']) {
      expect(mayConcern(rules.cookieWriteFilter(), write), write).toBe(false);
    }
  });

  test('claims every write with a lifetime, in any case and spacing, and the extra names given', () => {
    const filter = rules.cookieWriteFilter(['held.one']);
    for (const write of [
      'a=1; Max-Age=5',
      'a=1;max-age=0',
      'a=1; path=/; EXPIRES=Thu, 01 Jan 1970 00:00:00 GMT',
      'a=1; path=/;  expires =x',
      'a=1; domain=example.com; EXPIRES=x',
      '\theld.one=1',
      'held.one=2',
      ' held.one =2; path=/',
    ]) {
      expect(mayConcern(filter, write), write).toBe(true);
    }
    for (const write of [
      'a=max-age=1',
      'a=1; path=/max-age=1',
      'a=1; x-max-age=1',
      'heldXone=1',
      'held.ones=1',
    ]) {
      expect(mayConcern(filter, write), write).toBe(false);
    }
  });
});

describe('the cookie-write fast test with held names', () => {
  const rules = createRules(sitePolicy({}));

  test('a held name is taken literally, "*" included, and only as a whole name', () => {
    const filter = rules.cookieWriteFilter(['pref*x', 'bench_keep_1']);
    for (const write of ['pref*x=1', 'pref*x =1; path=/', 'bench_keep_1=2; path=/', ' bench_keep_1=2']) {
      expect(mayConcern(filter, write), write).toBe(true);
    }
    for (const write of ['prefabx=1', 'pref*xy=1', 'bench_keep_10=1', 'bench_s1=1; path=/; SameSite=Lax']) {
      expect(mayConcern(filter, write), write).toBe(false);
    }
  });
  test('held names that share first characters and lengths are each recognised, and nothing else', () => {
    const filter = rules.cookieWriteFilter(['bench_keep_0', 'bench_keep_1', 'bench_a', 'b']);
    for (const write of ['bench_keep_1=1', 'bench_keep_0 =1; path=/', 'bench_a\t=1', 'b=1', 'b =1']) {
      expect(mayConcern(filter, write), write).toBe(true);
    }
    for (const write of [
      'bench_keep_2=1',
      'bench_keep_1x=1',
      'bench_ab=1',
      'bb=1',
      'bench_s12=3-456; path=/',
    ]) {
      expect(mayConcern(filter, write), write).toBe(false);
    }
  });
});

describe('the cookie-write shortcut', () => {
  const rules = createRules(sitePolicy({}));
  const filter = rules.cookieWriteFilter(['bench_keep_0']);

  test('session writes with the usual attributes never reach the regular expression', () => {
    for (const write of [
      'bench_s1=1; path=/; SameSite=Lax',
      'lang=ru; Path=/; Secure; SameSite=None',
      'a=x; domain=example.com; samesite=lax; secure',
      'plain=1',
      'a=max-age=1; path=/max-age',
    ]) {
      expect(surelyUnconcerned(filter, write), write).toBe(true);
    }
  });

  test('is never sure where the regular expression claims the write', () => {
    // Every combination of a name, blanks around ";" and "=", and attributes that look alike: the
    // shortcut may send a harmless write to the regular expression, never miss a claimed one.
    const names = ['a', '_ga', ' _ym_uid', 'bench_keep_0', 'bench_keep_00', 'é', '\u00a0x', ''];
    const blanks = ['', ' ', '\t', '\u00a0', '\n', '\ufeff'];
    const attributes = [
      'path=/',
      'SameSite=Lax',
      'max-age=5',
      'Max-Age =0',
      'EXPIRES=Thu, 01 Jan 2099 00:00:00 GMT',
      'expiresx=1',
      'mx=1',
      'x-max-age=1',
      'domain=ex.com',
      '',
    ];
    let claimed = 0;
    for (const name of names)
      for (const blank of blanks)
        for (const first of attributes)
          for (const second of attributes) {
            const write = `${name}${blank}=v;${blank}${first};${blank}${second}`;
            const concerned = filter.concerns.test(write);
            if (concerned) claimed += 1;
            if (surelyUnconcerned(filter, write)) expect(concerned, JSON.stringify(write)).toBe(false);
          }
    // The loop must have met both kinds of write, or it proves nothing.
    expect(claimed).toBeGreaterThan(1000);
    expect(claimed).toBeLessThan(names.length * blanks.length * attributes.length ** 2);
  });
});

describe('the cookie-write fast test with a leading wildcard', () => {
  test('a pattern that may start with anything turns the first-character shortcut off', () => {
    const rules = createRules(sitePolicy({ categoryPatterns: { marketing: { cookies: ['*_track'] } } }));
    const filter = rules.cookieWriteFilter();
    expect(mayConcern(filter, 'shop_track=1; path=/')).toBe(true);
    expect(mayConcern(filter, 'shop_session=1; path=/')).toBe(false);
  });
});

describe('the catalogue and the settings agree', () => {
  test('the service ids the settings validator knows are exactly the catalogue ids', async () => {
    // The settings layer cannot import the gate (DESIGN.md layers), so it keeps the ids as data.
    const { KNOWN_SERVICE_IDS } = await import('../config/known-services');
    expect([...KNOWN_SERVICE_IDS].sort()).toEqual(Object.keys(CATALOGUE).sort());
  });
});
