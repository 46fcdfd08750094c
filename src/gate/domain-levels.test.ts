import { describe, expect, test } from 'vitest';
import { domainLevels, pathLevels } from './domain-levels';

describe('domainLevels', () => {
  test('the host and each parent down to, not including, the public suffix', () => {
    expect(domainLevels('shop.example.spb.ru')).toEqual(['shop.example.spb.ru', 'example.spb.ru']);
    expect(domainLevels('www.example.co.uk')).toEqual(['www.example.co.uk', 'example.co.uk']);
    expect(domainLevels('a.b.example.com')).toEqual(['a.b.example.com', 'b.example.com', 'example.com']);
    expect(domainLevels('example.ru')).toEqual(['example.ru']);
  });

  test('localhost, IP addresses and single labels have only themselves', () => {
    expect(domainLevels('localhost')).toEqual(['localhost']);
    expect(domainLevels('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(domainLevels('::1')).toEqual(['::1']);
  });

  test('case and a trailing dot do not matter', () => {
    expect(domainLevels('WWW.Example.COM.')).toEqual(['www.example.com', 'example.com']);
  });
});

describe('pathLevels', () => {
  test('every path from / to the current one', () => {
    expect(pathLevels('/shop/cart/')).toEqual(['/', '/shop', '/shop/cart']);
    expect(pathLevels('/')).toEqual(['/']);
  });
});
