import { describe, expect, test } from 'vitest';
import { safeColor, safeFontFamily, safeLength, themeCss } from './theme';

describe('theme values from settings', () => {
  test('accepts ordinary colours, lengths and font stacks', () => {
    expect(safeColor('#0b57d0')).toBe('#0b57d0');
    expect(safeColor('rebeccapurple')).toBe('rebeccapurple');
    expect(safeColor('rgb(0 0 0 / 50%)')).toBe('rgb(0 0 0 / 50%)');
    expect(safeLength('8px')).toBe('8px');
    expect(safeLength('0.5rem')).toBe('0.5rem');
    expect(safeFontFamily('"Inter", system-ui, sans-serif')).toBe('"Inter", system-ui, sans-serif');
  });

  test.each([
    'red;} * {display:none',
    'url(https://evil.test/x)',
    'red}',
    'var(--x)',
    '#fff;background:url(x)',
    '',
  ])('refuses the colour %j', (value) => expect(safeColor(value)).toBeUndefined());

  test.each(['8px;}', 'calc(1px)', '10vw', 'expression(alert(1))'])('refuses the length %j', (value) => {
    expect(safeLength(value)).toBeUndefined();
  });

  test.each(['Inter;} :host{display:none', 'a"b', 'url(x)', "'unterminated"])(
    'refuses the font %j',
    (value) => {
      expect(safeFontFamily(value)).toBeUndefined();
    },
  );

  test('writes only the valid values as custom properties on the host', () => {
    expect(themeCss({ colors: { accent: '#005a9c', text: 'red;}x{' }, radius: '4px', font: 'Inter' })).toBe(
      ':host([data-theme]){--cs-accent:#005a9c;--cs-radius:4px;--cs-font:Inter}',
    );
    expect(themeCss({})).toBe('');
  });
});
