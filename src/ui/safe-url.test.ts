import { expect, test } from 'vitest';
import { safeHref } from './safe-url';

test.each([
  'https://example.com/privacy',
  'http://example.com',
  '/privacy',
  'privacy.html',
  '#policy',
  '?page=privacy',
])('keeps the http(s) or relative URL %j', (url) => expect(safeHref(url)).toBe(url));

test.each([
  'javascript:alert(1)',
  ' JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  '//evil.example',
  '\\\\evil.example',
  '',
  undefined,
])('refuses %j', (url) => expect(safeHref(url)).toBeUndefined());
