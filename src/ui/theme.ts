import type { UiSettings } from '../config/types';

/**
 * Turns the settings' colours, radius and font into CSS custom properties on `:host`.
 * U7 / S3: every value must pass a strict pattern before it reaches CSS text, so settings can never
 * close the rule and inject their own (`red;} * {display:none`).
 */

/** Colours: hex, named, or a colour function of digits, units, commas and spaces. */
const colorPattern =
  /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\([-\d.%,\s/a-z]{1,80}\))$/i;
const lengthPattern = /^(0|\d{1,3}(\.\d{1,3})?(px|rem|em|%))$/;
const familyPart = /^\s*("[\w -]{1,60}"|'[\w -]{1,60}'|[a-z][\w-]*( [a-z][\w-]*)*)\s*$/i;

function supports(property: string, value: string): boolean {
  const css = (globalThis as { CSS?: { supports?: (p: string, v: string) => boolean } }).CSS;
  return typeof css?.supports === 'function' ? css.supports(property, value) : true;
}

export function safeColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  return colorPattern.test(v) && !/url|var|expression/i.test(v) && supports('color', v) ? v : undefined;
}

export function safeLength(value: unknown): string | undefined {
  return typeof value === 'string' && lengthPattern.test(value.trim()) ? value.trim() : undefined;
}

export function safeFontFamily(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  return value.split(',').every((part) => familyPart.test(part)) ? value.trim() : undefined;
}

const colorProperties = {
  background: '--cs-bg',
  text: '--cs-text',
  accent: '--cs-accent',
  accentText: '--cs-accent-text',
  border: '--cs-border',
} as const;

/** CSS for the second adopted stylesheet; empty when the settings customise nothing valid. */
export function themeCss(ui: Pick<UiSettings, 'colors' | 'radius' | 'font'>): string {
  const declarations: string[] = [];
  for (const [key, property] of Object.entries(colorProperties)) {
    const color = safeColor(ui.colors?.[key as keyof typeof colorProperties]);
    if (color) declarations.push(`${property}:${color}`);
  }
  const radius = safeLength(ui.radius);
  if (radius) declarations.push(`--cs-radius:${radius}`);
  const font = safeFontFamily(ui.font);
  if (font) declarations.push(`--cs-font:${font}`);
  // Same specificity as the built-in dark theme rule, and adopted after it, so custom colours win in every theme.
  return declarations.length ? `:host([data-theme]){${declarations.join(';')}}` : '';
}
