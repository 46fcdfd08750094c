import { beforeEach, describe, expect, test } from 'vitest';

import type { ResolvedSettings } from '../config/types';
import { applyRegion, detectRegion } from './regions';

const rules = {
  RU: { timeZones: ['Europe/Moscow', 'Asia/Yekaterinburg'], disabledServices: ['google-analytics'] },
  EEA: {
    timeZones: ['Europe/Berlin', 'Europe/Moscow'],
    categories: ['analytics'],
    disabledServices: ['yandex-metrica'],
  },
};

let doc: Document;
beforeEach(() => {
  doc = document.implementation.createHTMLDocument('');
});

describe('detectRegion', () => {
  test('takes data-region from the Consentry script tag first', () => {
    const script = doc.createElement('script');
    script.setAttribute('data-region', 'eea');
    doc.documentElement.setAttribute('data-region', 'RU');
    expect(detectRegion(doc, rules, () => 'Europe/Moscow', script)).toBe('EEA');
  });

  test('takes data-region from <html> over the time zone', () => {
    doc.documentElement.setAttribute('data-region', 'RU');
    expect(detectRegion(doc, rules, () => 'Europe/Berlin')).toBe('RU');
  });

  test('returns a region the server gave even without a rule for it', () => {
    doc.documentElement.setAttribute('data-region', ' us-ca ');
    expect(detectRegion(doc, rules)).toBe('US-CA');
  });

  test('ignores a malformed data-region', () => {
    doc.documentElement.setAttribute('data-region', '<script>');
    expect(detectRegion(doc, rules, () => 'Europe/Berlin')).toBe('EEA');
  });

  test('guesses from the time zone with the first rule that lists it', () => {
    expect(detectRegion(doc, rules, () => 'Europe/Moscow')).toBe('RU');
    expect(detectRegion(doc, rules, () => 'Europe/Berlin')).toBe('EEA');
  });

  test('is undefined without attribute or matching time zone', () => {
    expect(detectRegion(doc, rules, () => 'America/New_York')).toBeUndefined();
    expect(detectRegion(doc, rules)).toBeUndefined();
  });
});

describe('applyRegion', () => {
  const settings = {
    categories: {
      necessary: { required: true },
      analytics: { required: false },
      marketing: { required: false },
    },
    services: { 'google-analytics': {}, facebook: { enabled: false } },
    regions: rules,
  } satisfies Pick<ResolvedSettings, 'categories' | 'services' | 'regions'>;

  test('offers only the region categories, keeping required ones, in settings order', () => {
    expect(applyRegion(settings, 'EEA').categories).toEqual(['necessary', 'analytics']);
  });

  test('disables the region services and services turned off in settings', () => {
    expect(applyRegion(settings, 'RU')).toEqual({
      categories: ['necessary', 'analytics', 'marketing'],
      disabledServices: new Set(['google-analytics', 'facebook']),
    });
  });

  test('offers everything for an unknown or missing region', () => {
    expect(applyRegion(settings, undefined).categories).toEqual(['necessary', 'analytics', 'marketing']);
    expect(applyRegion(settings, 'US-CA').disabledServices).toEqual(new Set(['facebook']));
  });

  test('asks for the time zone only when a rule lists time zones and the page gave no region', () => {
    let asked = 0;
    const zone = () => {
      asked += 1;
      return 'Europe/Moscow';
    };
    expect(detectRegion(doc, { RU: { disabledServices: [] } }, zone)).toBeUndefined();
    expect(detectRegion(doc, {}, zone)).toBeUndefined();
    expect(asked).toBe(0);
    expect(detectRegion(doc, rules, zone)).toBe('RU');
    expect(asked).toBe(1);
  });
});
