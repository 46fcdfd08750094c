import type { RegionRule, ResolvedSettings } from '../config/types';

/** What `data-region` may hold: a code such as `RU`, `DE`, `US-CA` or a group key such as `EEA`. */
const REGION = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * I6: the visitor's region. A `data-region` the server filled in — on the Consentry script tag
 * (`document.currentScript`, captured by the caller while the script runs) or on `<html>` — wins;
 * otherwise the first rule listing the browser's time zone
 * (`Intl.DateTimeFormat().resolvedOptions().timeZone`), a best guess only. `timeZone` is called
 * only then: asking the browser costs a first visit up to 150 ms at 4× CPU (issue 16 profile).
 */
export function detectRegion(
  doc: Document,
  rules: { readonly [region: string]: Readonly<RegionRule> },
  timeZone?: () => string | undefined,
  script?: Element | null,
): string | undefined {
  for (const element of [script, doc.documentElement]) {
    const value = element?.getAttribute('data-region')?.trim();
    if (value && REGION.test(value)) {
      const code = value.toUpperCase();
      return Object.keys(rules).find((key) => key.toUpperCase() === code) ?? code;
    }
  }
  const regions = Object.keys(rules).filter((region) => rules[region]?.timeZones?.length);
  const zone = regions.length ? timeZone?.() : undefined;
  return zone ? regions.find((region) => rules[region]!.timeZones!.includes(zone)) : undefined;
}

export interface RegionChoice {
  /** Categories offered, in settings order; required ones always kept. */
  categories: string[];
  /** Services blocked whatever the visitor chooses: the region's and those with `enabled: false`. */
  disabledServices: Set<string>;
}

/** I6: what a visitor from `region` is offered. An unknown or missing region offers everything. */
export function applyRegion(
  settings: Pick<ResolvedSettings, 'categories' | 'services' | 'regions'>,
  region: string | undefined,
): RegionChoice {
  const rule = region === undefined ? undefined : settings.regions[region];
  const offered = rule?.categories;
  const categories = Object.keys(settings.categories).filter(
    (id) => settings.categories[id]?.required === true || !offered || offered.includes(id),
  );
  const disabledServices = new Set(rule?.disabledServices ?? []);
  for (const [id, service] of Object.entries(settings.services)) {
    if (service.enabled === false) disabledServices.add(id);
  }
  return { categories, disabledServices };
}
