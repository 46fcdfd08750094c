import type { ResolvedSettings } from '../config/types';
import { CATALOGUE } from './catalogue';
import type { GatePolicy, GateService } from './rules';

/**
 * The gate's view of the settings: catalogue services with the settings' overrides, custom
 * services, category-level patterns. `disabled` services (settings `enabled: false`, region rules)
 * never open (I6).
 */
export function policyFromSettings(
  settings: ResolvedSettings,
  disabled: ReadonlySet<string> = new Set(),
): GatePolicy {
  const categories = Object.keys(settings.categories);
  const ids = [...new Set([...Object.keys(CATALOGUE), ...Object.keys(settings.services)])];
  const services: GateService[] = [];
  for (const id of ids) {
    const known = CATALOGUE[id];
    const own = settings.services[id];
    const category = own?.category ?? known?.category;
    if (!category) continue;
    services.push({
      id,
      category,
      hosts: [...(known?.hosts ?? []), ...(own?.hosts ?? [])],
      cookies: [...(known?.cookies ?? []), ...(own?.cookies ?? [])],
      storage: [...(known?.storage ?? []), ...(own?.storage ?? [])],
      enabled: own?.enabled !== false && !disabled.has(id),
    });
  }
  return {
    categories,
    required: categories.filter((id) => settings.categories[id]!.required),
    services,
    categoryPatterns: settings.categories,
    ownCookie: settings.cookie.name,
  };
}
