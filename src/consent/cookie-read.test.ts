import Cookies from 'js-cookie';
import { describe, expect, test } from 'vitest';
import { readCookie } from './cookie-read';

const jar = (cookie: string) => ({ cookie });

describe('readCookie', () => {
  test('reads what js-cookie wrote, percent-encoding undone', () => {
    const value = '{"v":1,"c":{"analytics":true},"l":"ru"}';
    Cookies.set('consentry', value);
    expect(readCookie(document, 'consentry')).toBe(value);
    Cookies.remove('consentry');
  });

  test('finds the named cookie among others, by its exact name', () => {
    expect(readCookie(jar('a=1; consentry_x=2; consentry=3'), 'consentry')).toBe('3');
    expect(readCookie(jar('a=1'), 'consentry')).toBeUndefined();
    expect(readCookie(jar(''), 'consentry')).toBeUndefined();
  });

  test('takes quotes off and keeps "=" inside the value', () => {
    expect(readCookie(jar('k="a=b"'), 'k')).toBe('a=b');
  });

  test('a broken escape is kept as written, never thrown (C5)', () => {
    expect(readCookie(jar('k=%E0%A4%A'), 'k')).toBe('%E0%A4%A');
  });

  test('a cookie jar that throws means no cookie', () => {
    const throwing = {
      get cookie(): string {
        throw new Error('sandboxed');
      },
    };
    expect(readCookie(throwing, 'k')).toBeUndefined();
  });
});
