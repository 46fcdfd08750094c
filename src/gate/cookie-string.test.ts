import { describe, expect, test } from 'vitest';
import { cookieNames, parseCookieWrite } from './cookie-string';

const NOW = Date.parse('2026-11-21T12:00:00Z');

describe('parseCookieWrite', () => {
  test('reads name, value, domain and path', () => {
    expect(parseCookieWrite(' _ga = GA1.1.1.2 ; Domain=.Example.com; Path=/shop', NOW)).toEqual({
      name: '_ga',
      value: 'GA1.1.1.2',
      persistent: false,
      deletion: false,
      domain: 'example.com',
      path: '/shop',
      session: ' _ga = GA1.1.1.2 ; Domain=.Example.com; Path=/shop',
    });
  });

  test('a cookie with Max-Age or Expires is persistent; one without is a session cookie', () => {
    expect(parseCookieWrite('a=1; max-age=60', NOW).persistent).toBe(true);
    expect(parseCookieWrite('a=1; expires=Tue, 19 Jan 2038 03:14:07 GMT', NOW).persistent).toBe(true);
    expect(parseCookieWrite('a=1; path=/', NOW).persistent).toBe(false);
  });

  test('Max-Age ≤ 0 and an Expires in the past are deletions', () => {
    expect(parseCookieWrite('a=; Max-Age=0', NOW).deletion).toBe(true);
    expect(parseCookieWrite('a=; max-age=-1', NOW).deletion).toBe(true);
    expect(parseCookieWrite('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT', NOW).deletion).toBe(true);
  });

  test('Max-Age wins over Expires (RFC 6265 §5.3)', () => {
    expect(parseCookieWrite('a=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=100', NOW).deletion).toBe(
      false,
    );
  });

  test('an unparseable Expires or Max-Age is ignored, as the browser ignores it', () => {
    expect(parseCookieWrite('a=1; expires=tomorrow; max-age=soon', NOW).persistent).toBe(false);
  });

  test('attribute names in any case and spacing; the last of a name wins; other attributes ignored', () => {
    expect(
      parseCookieWrite(
        ' _ga = GA1.1 ; Secure; DOMAIN = .Example.COM ;PATH=/a; path=/shop ;MAX-AGE =60; SameSite=Lax',
        NOW,
      ),
    ).toEqual({
      name: '_ga',
      value: 'GA1.1',
      persistent: true,
      deletion: false,
      domain: 'example.com',
      path: '/shop',
      session: ' _ga = GA1.1 ; Secure; DOMAIN = .Example.COM ;PATH=/a; path=/shop ; SameSite=Lax',
    });
    expect(parseCookieWrite('a=1; max-age=60; Max-Age=0', NOW).deletion).toBe(true);
    expect(parseCookieWrite('a=1; xmax-age=60; max-agex=1', NOW).persistent).toBe(false);
  });

  test('the session copy is the same write without Expires and Max-Age', () => {
    expect(
      parseCookieWrite('a=1; Path=/; expires=Tue, 19 Jan 2038 03:14:07 GMT; MAX-AGE = 5;Secure', NOW).session,
    ).toBe('a=1; Path=/;Secure');
    expect(parseCookieWrite('a=1', NOW).session).toBe('a=1');
  });

  test('writes with the same attributes and new values are each read whole', () => {
    // The attributes of recent writes are remembered by their text: what they mean must not.
    const expires = '; path=/x; expires=Sat, 21 Nov 2026 12:00:01 GMT';
    expect(parseCookieWrite(`a=1${expires}`, NOW)).toMatchObject({ name: 'a', value: '1', deletion: false });
    expect(parseCookieWrite(`b=2${expires}`, NOW + 2000)).toMatchObject({
      name: 'b',
      value: '2',
      persistent: true,
      deletion: true,
      path: '/x',
      session: 'b=2; path=/x',
    });
    for (let index = 0; index < 200; index += 1) {
      const write = parseCookieWrite(`c${index}=${index}; max-age=${index - 100}`, NOW);
      expect([write.name, write.value, write.deletion]).toEqual([`c${index}`, String(index), index <= 100]);
    }
    expect(parseCookieWrite(`d=4${expires}`, NOW)).toMatchObject({ name: 'd', deletion: false, path: '/x' });
  });

  test('a pair without "=" is a nameless cookie', () => {
    expect(parseCookieWrite('justvalue', NOW)).toMatchObject({ name: '', value: 'justvalue' });
  });

  test('never throws on odd input', () => {
    for (const input of ['', ';;;', '=', '==;=', 'a=b; domain=; path=relative', String(null)]) {
      expect(() => parseCookieWrite(input, NOW)).not.toThrow();
    }
    expect(parseCookieWrite('a=1; path=relative', NOW).path).toBeUndefined();
  });
});

describe('cookieNames', () => {
  test('lists the names of a document.cookie read', () => {
    expect(cookieNames('_ga=1; _ym_uid=2;consentry=%7B%7D; =nameless')).toEqual([
      '_ga',
      '_ym_uid',
      'consentry',
    ]);
    expect(cookieNames('')).toEqual([]);
  });
});
