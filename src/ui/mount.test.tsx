import { act, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { mountForTest } from './test-host';

afterEach(() => document.body.replaceChildren());

describe('mountUi', () => {
  test('renders into an open shadow root on a marked element appended to body', () => {
    const { element } = mountForTest({ language: 'ru' });
    expect(element.parentElement).toBe(document.body);
    expect(element.hasAttribute('data-consentry-root')).toBe(true);
    expect(element.shadowRoot?.mode).toBe('open');
    expect(element.lang).toBe('ru');
  });

  test('shows nothing until the instance asks', () => {
    const { view } = mountForTest();
    expect(view.queryByRole('region')).toBeNull();
    expect(view.queryByRole('dialog')).toBeNull();
  });

  test('styles through adopted stylesheets only, never <style> or style= (strict CSP)', () => {
    const { ui, shadow } = mountForTest({ ui: { colors: { accent: '#005a9c' } } });
    // The banner's rules and the theme's; the dialog brings its own when it arrives.
    expect(shadow.adoptedStyleSheets).toHaveLength(2);
    act(() => ui.showBanner());
    act(() => ui.showPreferences());
    expect(shadow.adoptedStyleSheets).toHaveLength(3);
    for (const root of [shadow, document]) {
      expect(root.querySelectorAll('style, [style]')).toHaveLength(0);
    }
  });

  test('takes its theme from the settings, falling back to auto', () => {
    expect(mountForTest({ ui: { theme: 'dark' } }).element.getAttribute('data-theme')).toBe('dark');
    document.body.replaceChildren();
    expect(mountForTest({ ui: { theme: 'neon' as never } }).element.getAttribute('data-theme')).toBe('auto');
  });

  test('hide() closes every view and tells the instance', () => {
    const { ui, view, host } = mountForTest();
    act(() => ui.showBanner());
    act(() => ui.showPreferences());
    act(() => ui.hide());
    expect(view.queryByRole('region')).toBeNull();
    expect(view.queryByRole('dialog')).toBeNull();
    expect(host.calls).toEqual(['show:banner', 'show:preferences', 'hide:preferences', 'hide:banner']);
  });

  test('destroy() removes the element', () => {
    const { ui, element } = mountForTest();
    act(() => ui.destroy());
    expect(element.isConnected).toBe(false);
  });

  test('a decision made elsewhere (another tab) updates an open dialog without recording anything', () => {
    const { ui, view, host } = mountForTest();
    act(() => ui.showPreferences());
    act(() => host.setSnapshot({ gpc: true }));
    expect(view.getByText(/Global Privacy Control/)).toBeTruthy();
  });
});

describe('the reopen button', () => {
  test('is absent unless the settings ask for it', () => {
    const { view } = mountForTest();
    expect(view.queryByRole('button')).toBeNull();
  });

  test.each([
    ['en', 'Cookie settings'],
    ['ru', 'Настройки cookie'],
  ])('in %s is named %s and opens the preferences', (language, name) => {
    const { view } = mountForTest({ language, ui: { reopenButton: true } });
    fireEvent.click(view.getByRole('button', { name }));
    expect(view.getByRole('dialog', { name })).toBeTruthy();
  });

  test('gets focus back when the dialog it opened closes', () => {
    const { view, shadow } = mountForTest({ ui: { reopenButton: true } });
    const button = view.getByRole('button', { name: 'Cookie settings' });
    button.focus();
    fireEvent.click(button);
    fireEvent.keyDown(view.getByRole('dialog'), { key: 'Escape' });
    expect(shadow.activeElement).toBe(view.getByRole('button', { name: 'Cookie settings' }));
  });

  test('hides while the banner shows and comes back after a decision', () => {
    const { ui, view } = mountForTest({ ui: { reopenButton: true } });
    act(() => ui.showBanner());
    expect(view.queryByRole('button', { name: 'Cookie settings' })).toBeNull();
    fireEvent.click(view.getByRole('button', { name: 'Reject all' }));
    expect(view.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });
});
