import Cookies from 'js-cookie';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { createBrowserEnvironment, createMemoryEnvironment, randomId } from './browser-environment';
import type { CookieWriteOptions } from './types';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const options: CookieWriteOptions = {
  expires: new Date(Date.now() + 86_400_000),
  path: '/',
  sameSite: 'Lax',
  secure: false,
};

afterEach(() => {
  Reflect.deleteProperty(document, 'cookie');
  Cookies.remove('consentry', { path: '/' });
});

describe('the browser environment', () => {
  test('writes, reads and removes the consent cookie', () => {
    const env = createBrowserEnvironment();
    env.writeCookie('consentry', '{"v":1,"a":"b, c"}', options);
    expect(document.cookie).toContain('consentry=');
    expect(env.readCookie('consentry')).toBe('{"v":1,"a":"b, c"}');
    env.removeCookie('consentry', { path: '/', sameSite: 'Lax', secure: false });
    expect(env.readCookie('consentry')).toBeUndefined();
  });

  test('passes expiry, domain, path, SameSite and Secure to the cookie', () => {
    const set = vi.spyOn(Cookies, 'set');
    const env = createBrowserEnvironment();
    env.writeCookie('consentry', 'x', {
      ...options,
      domain: 'example.com',
      sameSite: 'Strict',
      secure: true,
    });
    expect(set).toHaveBeenCalledWith('consentry', 'x', {
      expires: options.expires,
      domain: 'example.com',
      path: '/',
      sameSite: 'Strict',
      secure: true,
    });
  });

  test('keeps the choice in memory, without throwing, when cookies throw', () => {
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
      set: () => {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    const env = createBrowserEnvironment();
    expect(() => env.writeCookie('consentry', 'x', options)).not.toThrow();
    expect(env.readCookie('consentry')).toBe('x');
    expect(() => env.removeCookie('consentry', options)).not.toThrow();
    expect(env.readCookie('consentry')).toBeUndefined();
  });

  test('keeps the choice in memory when the browser silently drops the cookie', () => {
    Object.defineProperty(document, 'cookie', { configurable: true, get: () => '', set: () => undefined });
    const env = createBrowserEnvironment();
    env.writeCookie('consentry', 'x', options);
    expect(env.readCookie('consentry')).toBe('x');
  });
});

describe('random ids', () => {
  test('are UUID v4 from crypto.randomUUID', () => {
    expect(randomId()).toMatch(UUID_V4);
  });

  test('are UUID v4 from getRandomValues where randomUUID is missing', () => {
    Object.defineProperty(globalThis.crypto, 'randomUUID', { configurable: true, value: undefined });
    try {
      const ids = new Set(Array.from({ length: 50 }, randomId));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(UUID_V4);
    } finally {
      Reflect.deleteProperty(globalThis.crypto, 'randomUUID');
    }
  });
});

describe('the memory environment', () => {
  test('forgets a cookie once its expiry passes on the injected clock', () => {
    let time = Date.parse('2025-01-01T00:00:00Z');
    const env = createMemoryEnvironment(() => new Date(time));
    env.writeCookie('consentry', 'x', { ...options, expires: new Date(time + 1000) });
    expect(env.readCookie('consentry')).toBe('x');
    time += 1000;
    expect(env.readCookie('consentry')).toBeUndefined();
  });
});
