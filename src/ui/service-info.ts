import type { LocalizedText, ServiceSettings } from '../config/types';
import type { UiService } from './types';

interface ServiceInfo {
  readonly name: string;
  readonly provider: LocalizedText;
  readonly abroad: boolean | string;
  readonly declarations?: UiService['declarations'];
}

const years = (n: number): LocalizedText => ({
  en: `${n} year${n > 1 ? 's' : ''}`,
  ru: n > 1 ? `${n} года` : '1 год',
});
const days = (n: number): LocalizedText => ({ en: `${n} days`, ru: `${n} дня` });
const visitorId: LocalizedText = {
  en: 'Tells visits of the same browser apart',
  ru: 'Различает посещения одного браузера',
};
const GOOGLE: LocalizedText = {
  en: 'Google Ireland Limited (EEA), Google LLC (elsewhere)',
  ru: 'Google LLC (США)',
};

/**
 * U4: what the dialog says of the catalogue services — who receives the data (the legal entity),
 * whether it leaves the country, and what they store for how long. Kept in the UI chunk, so the
 * synchronous file does not carry it; anything the settings say of a service wins.
 */
const SERVICE_INFO: { readonly [id: string]: ServiceInfo } = {
  'google-analytics': {
    name: 'Google Analytics 4',
    provider: GOOGLE,
    abroad: 'USA',
    declarations: [
      { name: '_ga', purpose: visitorId, lifetime: years(2) },
      {
        name: '_ga_*',
        purpose: { en: 'Keeps the session state', ru: 'Хранит состояние сеанса' },
        lifetime: years(2),
      },
    ],
  },
  'google-tag-manager': { name: 'Google Tag Manager', provider: GOOGLE, abroad: 'USA' },
  'google-ads': {
    name: 'Google Ads',
    provider: GOOGLE,
    abroad: 'USA',
    declarations: [
      {
        name: '_gcl_*',
        purpose: { en: 'Ad click attribution', ru: 'Учёт переходов по рекламе' },
        lifetime: days(90),
      },
    ],
  },
  'yandex-metrica': {
    name: 'Yandex Metrica',
    provider: { en: 'YANDEX LLC (Russia)', ru: 'ООО «ЯНДЕКС»' },
    abroad: false,
    declarations: [
      { name: '_ym_uid', purpose: visitorId, lifetime: years(1) },
      {
        name: '_ym_d',
        purpose: { en: 'Date of the first visit', ru: 'Дата первого визита' },
        lifetime: years(1),
      },
      {
        name: '_ym_isad',
        purpose: { en: 'Detects ad blockers', ru: 'Определяет блокировщики рекламы' },
        lifetime: days(2),
      },
      { name: '_ym_*', kind: 'localStorage', purpose: visitorId, lifetime: years(1) },
    ],
  },
  'meta-pixel': { name: 'Meta Pixel', provider: 'Meta Platforms Ireland Limited', abroad: 'USA' },
  'vk-pixel': {
    name: 'VK Pixel / Top@Mail.ru',
    provider: { en: 'VK LLC (Russia)', ru: 'ООО «ВК»' },
    abroad: false,
  },
  hotjar: { name: 'Hotjar', provider: 'Hotjar Ltd (Malta)', abroad: 'USA' },
  'microsoft-clarity': { name: 'Microsoft Clarity', provider: 'Microsoft Corporation', abroad: 'USA' },
  youtube: { name: 'YouTube', provider: GOOGLE, abroad: 'USA' },
  'yandex-maps': {
    name: 'Yandex Maps',
    provider: { en: 'YANDEX LLC (Russia)', ru: 'ООО «ЯНДЕКС»' },
    abroad: false,
  },
};

/**
 * A service as the dialog shows it: what the instance passed (from the settings) first, then the
 * catalogue's words for what it left at its defaults.
 */
export function describeService(service: UiService, own: Readonly<ServiceSettings> | undefined): UiService {
  const known = SERVICE_INFO[service.id];
  if (!known) return service;
  return {
    ...service,
    name: own?.name ?? (service.name !== service.id ? service.name : known.name),
    provider: service.provider ?? known.provider,
    declarations:
      own?.declarations ??
      (service.declarations.length > 0 ? service.declarations : (known.declarations ?? [])),
    abroad: own?.abroad ?? (service.abroad !== false ? service.abroad : known.abroad),
  };
}
