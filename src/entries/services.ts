import type { ResolvedSettings } from '../config/types';
import type { GatePolicy } from '../gate/index';
import type { UiService } from '../ui/types';

/**
 * The services the dialog lists (U4): every service in effect whose category is offered, with what
 * the settings say of it. Display details of catalogue services (provider, cookie table) are added
 * by the UI chunk, so the synchronous file does not carry them.
 */
export function uiServices(
  settings: ResolvedSettings,
  policy: GatePolicy,
  offered: readonly string[],
): UiService[] {
  return policy.services
    .filter(
      (service) =>
        service.enabled !== false && offered.includes(service.category) && !service.id.includes(':'),
    )
    .filter((service) => service.id in settings.services || isUsed(settings, service.id))
    .map((service) => {
      const own = settings.services[service.id] ?? {};
      return {
        id: service.id,
        category: service.category,
        name: own.name ?? service.id,
        provider: own.provider,
        description: own.description,
        declarations: own.declarations ?? [],
        thirdParty: own.thirdParty ?? true,
        abroad: own.abroad ?? false,
      };
    });
}

/** A catalogue service is listed when the settings load it or name it; unknown pasted tags are not guessed. */
function isUsed(settings: ResolvedSettings, id: string): boolean {
  const { googleAnalytics, googleTagManager, yandexMetrica } = settings.integrations;
  return (
    (id === 'google-analytics' && !!googleAnalytics) ||
    (id === 'google-tag-manager' && !!googleTagManager) ||
    (id === 'yandex-metrica' && !!yandexMetrica)
  );
}
