import { render } from 'preact';
import { App, type AppActions, type ViewState } from './app';
import { css } from './styles';
import { resolveTexts } from './texts/resolve';
import { themeCss } from './theme';
import type { DialogComponent, UiController, UiHost } from './types';

/**
 * U7: styles only through constructable stylesheets, which a CSP without `unsafe-inline` allows.
 * Where they are missing the UI stays unstyled rather than falling back to a `<style>` element.
 */
function adoptStyles(shadow: ShadowRoot, doc: Document, sources: readonly string[]): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (!Sheet || typeof Sheet.prototype.replaceSync !== 'function' || !('adoptedStyleSheets' in shadow))
    return;
  shadow.adoptedStyleSheets = [
    ...shadow.adoptedStyleSheets,
    ...sources
      .filter((source) => source !== '')
      .map((source) => {
        const sheet = new Sheet();
        sheet.replaceSync(source);
        return sheet;
      }),
  ];
}

/** The element that has focus, looking through our own shadow root. */
function focusedElement(doc: Document, element: HTMLElement, shadow: ShadowRoot): HTMLElement | null {
  const active = doc.activeElement === element ? shadow.activeElement : doc.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : null;
}

/**
 * Renders the banner and the preferences dialog for `host` into an open shadow root on a
 * `<div data-consentry-root>` appended to `body` (U7: the page's CSS cannot reach inside).
 * Nothing shows until the instance calls `showBanner()` or `showPreferences()`.
 */
export function mountUi(host: UiHost, doc: Document = document): UiController {
  const element = doc.createElement('div');
  element.setAttribute('data-consentry-root', '');
  const theme = host.settings.ui.theme;
  element.setAttribute('data-theme', theme === 'light' || theme === 'dark' ? theme : 'auto');
  element.lang = host.language;
  const shadow = element.attachShadow({ mode: 'open' });
  adoptStyles(shadow, doc, [css, themeCss(host.settings.ui)]);
  (doc.body ?? doc.documentElement).append(element);

  const texts = resolveTexts(host.settings, host.language, host.texts);
  let state: ViewState = { banner: false, preferences: false, status: '' };
  /** A2: where focus goes back to when the dialog closes. */
  let opener: HTMLElement | null = null;

  let Dialog: DialogComponent | undefined;
  let dialog: Promise<void> | undefined;
  /** The dialog arrives once; opened before then, it shows as soon as it is here. */
  const loadDialog = (): void => {
    if (Dialog || dialog) return;
    const given = host.loadDialog();
    const arrive = (component: DialogComponent) => {
      Dialog = component;
      adoptStyles(shadow, doc, [component.css]);
    };
    if (!(given instanceof Promise)) return arrive(given);
    dialog = given.then(
      (component) => {
        arrive(component);
        draw();
      },
      (error: unknown) => doc.defaultView?.console.error('consentry: the dialog could not be loaded', error),
    );
  };

  const draw = (): void =>
    render(
      <App host={host} texts={texts} state={state} actions={actions} doc={doc} Dialog={Dialog} />,
      shadow,
    );
  const set = (next: Partial<ViewState>): void => {
    state = { ...state, ...next };
    draw();
  };
  const restoreFocus = (): void => {
    const target = opener;
    opener = null;
    if (target?.isConnected) target.focus();
  };
  const close = (views: { banner?: boolean; preferences?: boolean }, status = state.status): void => {
    const closing = {
      banner: state.banner && views.banner === true,
      preferences: state.preferences && views.preferences === true,
    };
    set({
      banner: state.banner && !closing.banner,
      preferences: state.preferences && !closing.preferences,
      status,
    });
    if (closing.preferences) host.notify('hide', 'preferences');
    if (closing.banner) host.notify('hide', 'banner');
    if (closing.preferences) restoreFocus();
  };
  /** A decision closes everything and is announced (A4). Closing without one records nothing (U3). */
  const decide = (record: () => void): void => {
    record();
    close({ banner: true, preferences: true }, texts.saved);
  };

  const actions: AppActions = {
    acceptAll: () => decide(() => host.acceptAll()),
    rejectAll: () => decide(() => host.rejectAll()),
    save: (categories) => decide(() => host.accept(categories)),
    openPreferences: (from) => {
      if (state.preferences) return;
      opener = from;
      loadDialog();
      set({ preferences: true, status: '' });
      host.notify('show', 'preferences');
    },
    closePreferences: () => close({ preferences: true }),
    closeBanner: () => close({ banner: true }),
  };

  const unsubscribe = host.subscribe(draw);
  draw();

  return {
    showBanner: () => {
      if (state.banner) return;
      set({ banner: true, status: '' });
      host.notify('show', 'banner');
      // Settings is one click away: the dialog comes while the visitor reads.
      const win = doc.defaultView;
      if (win?.requestIdleCallback) win.requestIdleCallback(loadDialog, { timeout: 3000 });
      else loadDialog();
    },
    showPreferences: () => actions.openPreferences(focusedElement(doc, element, shadow)),
    hide: () => close({ banner: true, preferences: true }),
    destroy: () => {
      unsubscribe();
      render(null, shadow);
      element.remove();
    },
  };
}
