import { act, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { mountForTest, type TestHostOptions } from './test-host';

afterEach(() => document.body.replaceChildren());

const languages = [
  {
    language: 'en',
    banner: 'Settings',
    title: 'Cookie settings',
    description: /Choose which kinds of cookies/,
    necessary: 'Necessary',
    analytics: 'Analytics',
    marketing: 'Marketing',
    save: 'Save choices',
    saved: 'Preferences saved',
    close: 'Close',
    gpc: /Global Privacy Control signal was honoured: marketing is off/,
    provider: 'YANDEX LLC',
  },
  {
    language: 'ru',
    banner: 'Настроить',
    title: 'Настройки cookie',
    description: /Выберите, какие файлы cookie/,
    necessary: 'Необходимые',
    analytics: 'Аналитические',
    marketing: 'Маркетинговые',
    save: 'Сохранить выбор',
    saved: 'Настройки сохранены',
    close: 'Закрыть',
    gpc: /Global Privacy Control/,
    provider: 'ООО «ЯНДЕКС»',
  },
] as const;

describe.each(languages)('the preferences dialog in $language', (t) => {
  function openFromBanner(options: TestHostOptions = {}) {
    const mounted = mountForTest({ language: t.language, ...options });
    act(() => mounted.ui.showBanner());
    const settings = mounted.view.getByRole('button', { name: t.banner });
    settings.focus();
    fireEvent.click(settings);
    const dialog = mounted.view.getByRole('dialog', { name: t.title, description: t.description });
    return { ...mounted, settings, dialog, inDialog: within(dialog) };
  }

  test('is a labelled, described modal dialog that takes focus', () => {
    const { dialog, shadow } = openFromBanner();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.contains(shadow.activeElement)).toBe(true);
  });

  test('shows necessary on and locked, and every optional category off', () => {
    const { inDialog } = openFromBanner();
    const necessary = inDialog.getByRole('switch', { name: t.necessary }) as HTMLInputElement;
    expect(necessary.checked).toBe(true);
    expect(necessary.disabled).toBe(true);
    for (const name of [t.analytics, t.marketing]) {
      const optional = inDialog.getByRole('switch', { name }) as HTMLInputElement;
      expect(optional.checked).toBe(false);
      expect(optional.disabled).toBe(false);
    }
  });

  test('saves exactly the switched-on categories and announces it', () => {
    const { inDialog, host, view } = openFromBanner();
    fireEvent.click(inDialog.getByRole('switch', { name: t.analytics }));
    fireEvent.click(inDialog.getByRole('button', { name: t.save }));
    expect(host.calls).toContain('accept:["analytics"]');
    expect(view.queryByRole('dialog')).toBeNull();
    expect(view.queryByRole('region')).toBeNull();
    expect(view.getByRole('status').textContent).toBe(t.saved);
  });

  test('Escape closes it, records nothing and returns focus to Settings', () => {
    const { dialog, host, view, settings, shadow } = openFromBanner();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(view.queryByRole('dialog')).toBeNull();
    expect(host.calls).toEqual(['show:banner', 'show:preferences', 'hide:preferences']);
    expect(view.getByRole('region')).toBeTruthy();
    expect(shadow.activeElement).toBe(settings);
  });

  test('the close button records nothing either', () => {
    const { inDialog, host, view } = openFromBanner();
    fireEvent.click(inDialog.getByRole('button', { name: t.close }));
    expect(view.queryByRole('dialog')).toBeNull();
    expect(host.calls).not.toContain('acceptAll');
    expect(host.calls).not.toContain('rejectAll');
    expect(host.calls.some((call) => call.startsWith('accept:'))).toBe(false);
  });

  test('Tab from the last control wraps to the first', () => {
    const { dialog, shadow } = openFromBanner({ policy: {} });
    const buttons = within(dialog).getAllByRole('button');
    const last = buttons[buttons.length - 1]!;
    last.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(shadow.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(shadow.activeElement).toBe(last);
  });

  test('offers Accept all, Reject all and Save alike', () => {
    const { inDialog, host } = openFromBanner();
    const buttons = inDialog
      .getAllByRole('button')
      .filter((button) => button.hasAttribute('data-consentry-action'));
    const actions = buttons.map((button) => button.getAttribute('data-consentry-action'));
    expect(actions).toEqual(['close', 'accept-all', 'reject-all', 'save']);
    expect(new Set(buttons.slice(1).map((button) => button.className)).size).toBe(1);
    fireEvent.click(buttons[2]!);
    expect(host.calls).toContain('rejectAll');
  });

  test('notes that the Global Privacy Control signal was honoured', () => {
    const { inDialog } = openFromBanner({ snapshot: { gpc: true } });
    expect(inDialog.getByText(t.gpc)).toBeTruthy();
  });

  test('says nothing about GPC when the browser sent no signal', () => {
    const { inDialog } = openFromBanner();
    expect(inDialog.queryByText(t.gpc)).toBeNull();
  });

  test('lists each service with its provider and cookies', () => {
    const { inDialog } = openFromBanner();
    expect(inDialog.getByText('Yandex Metrica')).toBeTruthy();
    expect(inDialog.getByText(t.provider)).toBeTruthy();
    expect(inDialog.getByRole('cell', { name: '_ym_uid' })).toBeTruthy();
  });
});

describe('reopening the preferences', () => {
  test('starts from the choice already made', () => {
    const { ui, view } = mountForTest({
      snapshot: {
        record: {} as never,
        granted: { necessary: true, analytics: true, marketing: false },
        needsDecision: false,
      },
    });
    act(() => ui.showPreferences());
    expect((view.getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(true);
    expect((view.getByRole('switch', { name: 'Marketing' }) as HTMLInputElement).checked).toBe(false);
  });

  test('returns focus to the page element that opened it', () => {
    const footerLink = document.createElement('button');
    footerLink.textContent = 'Cookie settings';
    document.body.append(footerLink);
    const { ui, view } = mountForTest();
    footerLink.focus();
    act(() => ui.showPreferences());
    fireEvent.keyDown(view.getByRole('dialog'), { key: 'Escape' });
    expect(document.activeElement).toBe(footerLink);
  });

  test('category titles and descriptions from settings override the built-in ones', () => {
    const { ui, view } = mountForTest({
      language: 'ru',
      categories: {
        necessary: { required: true },
        analytics: {
          required: false,
          title: { en: 'Stats', ru: 'Статистика' },
          description: 'Счётчики посещений',
        },
      },
    });
    act(() => ui.showPreferences());
    expect(view.getByRole('switch', { name: 'Статистика', description: 'Счётчики посещений' })).toBeTruthy();
  });
});
