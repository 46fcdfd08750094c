import { act, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { mountForTest, type TestHostOptions } from './test-host';

afterEach(() => document.body.replaceChildren());

function showBanner(options: TestHostOptions = {}) {
  const mounted = mountForTest(options);
  act(() => mounted.ui.showBanner());
  return mounted;
}

const languages = [
  {
    language: 'en',
    title: 'We value your privacy',
    buttons: ['Accept all', 'Reject all', 'Settings'],
    dialog: 'Cookie settings',
  },
  {
    language: 'ru',
    title: 'Мы используем файлы cookie',
    buttons: ['Принять все', 'Отклонить все', 'Настроить'],
    dialog: 'Настройки cookie',
  },
] as const;

describe.each(languages)('the banner in $language', ({ language, title, buttons, dialog }) => {
  test('is a region named by its title, with Accept all, Reject all and Settings in that order', () => {
    const { view, host } = showBanner({ language });
    const region = view.getByRole('region', { name: title });
    const names = Array.from(region.querySelectorAll('button')).map((button) => button.textContent);
    expect(names).toEqual(buttons);
    expect(view.getAllByRole('button').map((button) => button.getAttribute('data-consentry-action'))).toEqual(
      ['accept-all', 'reject-all', 'preferences'],
    );
    expect(host.calls).toEqual(['show:banner']);
  });

  test('gives the three choices exactly the same look', () => {
    const { view } = showBanner({ language });
    const classes = buttons.map((name) => view.getByRole('button', { name }).className);
    expect(new Set(classes).size).toBe(1);
  });

  test('Accept all records consent, closes the banner and announces it', () => {
    const { view, host } = showBanner({ language });
    fireEvent.click(view.getByRole('button', { name: buttons[0] }));
    expect(host.calls).toContain('acceptAll');
    expect(view.queryByRole('region')).toBeNull();
    expect(view.getByRole('status').textContent).not.toBe('');
  });

  test('Reject all records the refusal', () => {
    const { view, host } = showBanner({ language });
    fireEvent.click(view.getByRole('button', { name: buttons[1] }));
    expect(host.calls).toEqual(['show:banner', 'rejectAll', 'hide:banner']);
  });

  test('Settings opens the preferences dialog over the banner', () => {
    const { view, host } = showBanner({ language });
    fireEvent.click(view.getByRole('button', { name: buttons[2] }));
    expect(view.getByRole('dialog', { name: dialog })).toBeTruthy();
    expect(host.calls).toEqual(['show:banner', 'show:preferences']);
  });

  test('links to the privacy policy in a new tab without opener access', () => {
    const { view } = showBanner({ language, policy: { privacyUrl: 'https://example.com/privacy' } });
    const link = view.getByRole('link');
    expect(link.getAttribute('href')).toBe('https://example.com/privacy');
    expect(link.getAttribute('rel')).toBe('noopener');
  });
});

describe('the close button', () => {
  test('is absent unless the settings ask for it', () => {
    const { view } = showBanner();
    expect(view.queryByRole('button', { name: 'Close' })).toBeNull();
  });

  test('closes the banner and records nothing', () => {
    const { view, host } = showBanner({ ui: { closeButton: true } });
    fireEvent.click(view.getByRole('button', { name: 'Close' }));
    expect(view.queryByRole('region')).toBeNull();
    expect(host.calls).toEqual(['show:banner', 'hide:banner']);
    expect(view.getByRole('status').textContent).toBe('');
  });
});

describe('the Russian 152-FZ preset', () => {
  const policy = {
    privacyUrl: '/politika',
    consentDocumentUrl: '/soglasie',
    operatorName: 'ООО «Ромашка»',
  };

  test('names the operator and links the policy and the separate consent document', () => {
    const { view } = showBanner({ language: 'ru', preset: 'ru-152fz', policy });
    expect(view.getByText('Оператор персональных данных: ООО «Ромашка»')).toBeTruthy();
    const privacy = view.getByRole('link', { name: 'Политика обработки персональных данных' });
    const consent = view.getByRole('link', { name: 'Согласие на обработку персональных данных' });
    expect(privacy.getAttribute('href')).toBe('/politika');
    expect(consent.getAttribute('href')).toBe('/soglasie');
  });

  test('does not name an operator under the GDPR preset', () => {
    const { view } = showBanner({ language: 'ru', policy });
    expect(view.queryByText(/ООО «Ромашка»/)).toBeNull();
  });
});

describe('untrusted settings', () => {
  test('a javascript: URL never becomes a link', () => {
    const { view, shadow } = showBanner({
      policy: { privacyUrl: 'javascript:alert(1)', consentDocumentUrl: ' JaVaScRiPt:alert(2)' },
    });
    expect(view.queryByRole('link')).toBeNull();
    expect(shadow.querySelector('[href]')).toBeNull();
  });

  test('markup in a settings text is shown as text', () => {
    const { view, shadow } = showBanner({ texts: { en: { bannerTitle: '<img src=x onerror=alert(1)>' } } });
    expect(view.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(shadow.querySelector('img')).toBeNull();
  });

  test('settings texts override the built-in ones key by key', () => {
    const { view } = showBanner({ language: 'ru', texts: { ru: { acceptAll: 'Согласен' } } });
    expect(view.getByRole('button', { name: 'Согласен' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Отклонить все' })).toBeTruthy();
  });
});

describe('layouts', () => {
  test('the modal layout is a modal dialog named by the banner title', () => {
    const { view } = showBanner({ ui: { layout: 'modal' } });
    const dialog = view.getByRole('dialog', { name: 'We value your privacy' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(view.queryByRole('region')).toBeNull();
  });

  test('Escape closes the modal banner and records nothing', () => {
    const { view, host } = showBanner({ ui: { layout: 'modal' } });
    fireEvent.keyDown(view.getByRole('dialog'), { key: 'Escape' });
    expect(view.queryByRole('dialog')).toBeNull();
    expect(host.calls).toEqual(['show:banner', 'hide:banner']);
  });

  test.each(['bar-bottom', 'bar-top', 'box'] as const)(
    '%s is a region that keeps the page scroll padding clear',
    (layout) => {
      const before = document.adoptedStyleSheets.length;
      const { view, ui } = showBanner({ ui: { layout } });
      expect(view.getByRole('region')).toBeTruthy();
      expect(document.adoptedStyleSheets.length).toBe(before + 1);
      act(() => ui.hide());
      expect(document.adoptedStyleSheets.length).toBe(before);
    },
  );
});
