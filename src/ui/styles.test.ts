import { describe, expect, test } from 'vitest';
import { css, darkColors, lightColors } from './styles';

/** WCAG 2.2 relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

test('the contrast helper agrees with known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});

describe.each([
  ['light', lightColors],
  ['dark', darkColors],
])('the %s theme', (_name, colors) => {
  test('text on the background reaches 4.5:1 (WCAG 1.4.3)', () => {
    expect(contrast(colors.text, colors.bg)).toBeGreaterThanOrEqual(4.5);
  });

  test('button text on the button colour reaches 4.5:1', () => {
    expect(contrast(colors.accentText, colors.accent)).toBeGreaterThanOrEqual(4.5);
  });

  test('the focus ring and borders stand out from the background by 3:1 (WCAG 1.4.11)', () => {
    expect(contrast(colors.text, colors.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(colors.border, colors.bg)).toBeGreaterThanOrEqual(3);
    expect(contrast(colors.accent, colors.bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('the stylesheet', () => {
  test('shields the host element from page CSS and respects reduced motion', () => {
    expect(css).toContain(':host{all:initial!important');
    expect(css).toContain('@media (prefers-reduced-motion:reduce)');
    expect(css).toContain(':focus-visible{outline:3px solid');
  });

  test('lets the dialog scroll instead of fixing its height', () => {
    expect(css).toMatch(/dialog\{[^}]*max-height:calc\(100vh - 2em\)/);
  });
});
