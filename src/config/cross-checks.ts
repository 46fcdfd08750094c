import { KNOWN_SERVICE_IDS } from './known-services';
import type { Preset } from './presets';
import { addProblem, childPath, showValue } from './problems';
import type { ConsentrySettings, PolicySettings, SettingsProblem } from './types';

/** ISO 3166-1 alpha-2 (`DE`) or ISO 3166-2 (`US-CA`). */
const REGION_CODE = /^[A-Z]{2}(-[A-Z\d]{1,3})?$/;

/**
 * Two-letter codes that look like countries but are reserved in ISO 3166-1 (regulatory-facts.md §1.2:
 * Google Consent Mode does not accept "EU"; the United Kingdom is "GB", not "UK").
 */
const RESERVED_REGIONS = ['EU', 'EZ', 'UN', 'UK', 'EA', 'IC', 'AC', 'CP', 'DG', 'TA', 'FX', 'SU', 'AA', 'ZZ'];

const POLICY_NEEDS: { [key in keyof PolicySettings]?: string } = {
  operatorName: "the operator's legal name",
  privacyUrl: 'a link to the personal-data processing policy',
  consentDocumentUrl: 'a link to the separate consent document (152-FZ art. 9)',
};

/** The same document, whatever the fragment or a trailing slash. */
const sameDocument = (a: string, b: string): boolean => {
  const normalise = (url: string) => url.replace(/#.*/, '').replace(/\/+$/, '');
  return normalise(a) === normalise(b);
};

/**
 * Rules that span fields, run on the schema-checked copy (which they may trim).
 * `categoryIds` are the categories in effect: the settings' own, else the preset's.
 */
export function checkAcrossFields(
  settings: ConsentrySettings,
  preset: Preset,
  categoryIds: readonly string[],
  problems: SettingsProblem[],
): void {
  const error = (path: string, text: string) => addProblem(problems, 'error', path, text);
  const expectedCategory = `(expected one of ${categoryIds.map(showValue).join(', ')})`;

  const policy = settings.policy ?? {};
  for (const key of preset.requiredPolicy) {
    if (!policy[key])
      error(`settings.policy.${key}`, `is required by the ${settings.preset} preset: ${POLICY_NEEDS[key]}`);
  }
  const { privacyUrl, consentDocumentUrl } = policy;
  if (privacyUrl && consentDocumentUrl && sameDocument(privacyUrl, consentDocumentUrl)) {
    // U5: consent must be a separate document, not a section of the policy; a link to the policy would mislead.
    error(
      'settings.policy.consentDocumentUrl',
      `${showValue(consentDocumentUrl)} is the same document as settings.policy.privacyUrl (152-FZ art. 9: consent must be a separate document)`,
    );
    delete policy.consentDocumentUrl;
  }

  const categories = settings.categories;
  if (categories?.necessary && !categories.necessary.required) {
    addProblem(
      problems,
      'warning',
      'settings.categories.necessary.required',
      'should be true: strictly necessary cookies cannot be refused, so the switch must be locked on',
    );
  }

  const services = settings.services ?? {};
  for (const id of Object.keys(services)) {
    const service = services[id]!;
    const at = childPath('settings.services', id);
    const known = KNOWN_SERVICE_IDS.includes(id);
    if (service.category !== undefined && !categoryIds.includes(service.category)) {
      error(`${at}.category`, `${showValue(service.category)} is not a category ${expectedCategory}`);
      delete service.category;
    } else if (service.category === undefined && !known) {
      error(`${at}.category`, 'is required for a custom service; it stays blocked until it has one');
    }
    // Fail closed: a custom service with no category is blocked outright rather than left ungated.
    if (service.category === undefined && !known) service.enabled = false;
  }

  const consentMode = settings.integrations?.googleConsentMode;
  if (consentMode?.regions) {
    consentMode.regions = consentMode.regions.filter((rule, index) => {
      const at = `settings.integrations.googleConsentMode.regions[${index}].region`;
      if (!rule.region.length) error(at, 'is empty (expected at least one region code)');
      rule.region = rule.region.filter((code, codeIndex) => {
        if (REGION_CODE.test(code) && !RESERVED_REGIONS.includes(code.slice(0, 2))) return true;
        error(
          childPath(at, codeIndex),
          `${showValue(code)} is not an ISO 3166 country or subdivision code such as "DE" or "US-CA"` +
            (code === 'EU'
              ? ' (list the EU countries instead)'
              : code === 'UK'
                ? ' (the United Kingdom is "GB")'
                : ''),
        );
        return false;
      });
      // A rule left with no region would read as a default for every visitor: drop it instead.
      return rule.region.length > 0;
    });
  }

  const metrica = settings.integrations?.yandexMetrica;
  if (metrica?.webvisorCategory !== undefined && !categoryIds.includes(metrica.webvisorCategory)) {
    error(
      'settings.integrations.yandexMetrica.webvisorCategory',
      `${showValue(metrica.webvisorCategory)} is not a category ${expectedCategory}`,
    );
    delete metrica.webvisorCategory;
  }
}
