import { Banner } from './banner';
import { ReopenButton } from './reopen-button';
import type { UiTexts } from './texts';
import type { DialogComponent, UiHost } from './types';

/** Which views are open. A dialog opened from the banner lies on top of it; the banner stays until a decision. */
export interface ViewState {
  readonly banner: boolean;
  readonly preferences: boolean;
  /** Text of the `role="status"` live region (A4). */
  readonly status: string;
}

export interface AppActions {
  acceptAll(): void;
  rejectAll(): void;
  save(categories: readonly string[]): void;
  openPreferences(opener: HTMLElement | null): void;
  closePreferences(): void;
  closeBanner(): void;
}

export interface AppProps {
  readonly host: UiHost;
  readonly texts: UiTexts;
  readonly state: ViewState;
  readonly actions: AppActions;
  readonly doc: Document;
  /** The preferences dialog, once it has arrived. */
  readonly Dialog: DialogComponent | undefined;
}

export function App({ host, texts, state, actions, doc, Dialog }: AppProps) {
  const { settings } = host;
  return (
    <div class="root" lang={host.language}>
      {state.banner && (
        <Banner
          settings={settings}
          texts={texts}
          doc={doc}
          onAcceptAll={actions.acceptAll}
          onRejectAll={actions.rejectAll}
          onPreferences={actions.openPreferences}
          onClose={actions.closeBanner}
        />
      )}
      {state.preferences && Dialog && (
        <Dialog
          host={host}
          texts={texts}
          snapshot={host.getSnapshot()}
          onAcceptAll={actions.acceptAll}
          onRejectAll={actions.rejectAll}
          onSave={actions.save}
          onClose={actions.closePreferences}
        />
      )}
      {/* Kept while the dialog is open (the modal makes it inert) so focus can return to it (A2). */}
      {settings.ui.reopenButton && !state.banner && (
        <ReopenButton label={texts.reopen} onOpen={actions.openPreferences} />
      )}
      {/* Always present, so assistive technology already watches it when the text arrives. */}
      <div role="status" class="sr-only">
        {state.status}
      </div>
    </div>
  );
}
