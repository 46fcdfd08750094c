import { Component } from 'preact';
import type { ResolvedSettings } from '../config/types';
import { CloseButton } from './close-button';
import { DecisionButtons } from './decision-buttons';
import { reservePageSpace } from './page-space';
import { PolicyLinks } from './policy-links';
import type { UiTexts } from './texts';
import { makeModal } from './modal';

export interface BannerProps {
  readonly settings: ResolvedSettings;
  readonly texts: UiTexts;
  readonly doc: Document;
  readonly onAcceptAll: () => void;
  readonly onRejectAll: () => void;
  /** Receives the button that was pressed, so focus can return to it. */
  readonly onPreferences: (opener: HTMLElement) => void;
  /** Closing records nothing (U3). */
  readonly onClose: () => void;
}

function BannerContent({ settings, texts, onAcceptAll, onRejectAll, onPreferences, onClose }: BannerProps) {
  return (
    <>
      {/* Room for the × only when there is one, or narrow screens lose a column of text for nothing. */}
      <div class={settings.ui.closeButton ? 'inner closable' : 'inner'}>
        <div class="text">
          <h2 id="cs-banner-title">{texts.bannerTitle}</h2>
          <p id="cs-banner-description">{texts.bannerDescription}</p>
          <PolicyLinks settings={settings} texts={texts} />
        </div>
        <DecisionButtons
          texts={texts}
          onAcceptAll={onAcceptAll}
          onRejectAll={onRejectAll}
          third={{
            action: 'preferences',
            label: texts.preferences,
            onClick: onPreferences,
          }}
        />
      </div>
      {settings.ui.closeButton && <CloseButton label={texts.close} onClick={onClose} />}
    </>
  );
}

/**
 * The banner's element for its lifetime: `attach` runs once it is in the page and returns what undoes it.
 * A class, not hooks: the banner's file carries no Preact hooks (the dialog's file brings them).
 */
abstract class Attached<E extends HTMLElement> extends Component<BannerProps> {
  declare element: E | null;
  declare detach: (() => void) | undefined;
  abstract attach(element: E): () => void;
  override componentDidMount() {
    if (this.element) this.detach = this.attach(this.element);
  }
  override componentWillUnmount() {
    this.detach?.();
  }
  protected keep = (element: E | null) => {
    this.element = element;
  };
}

/**
 * S2: a layout the settings name wrongly is the default bar. The script tag's banner can be drawn
 * from the lenient read of the settings, before the validator has replaced the value.
 */
const regionLayout = (layout: string) => (layout === 'bar-top' || layout === 'box' ? layout : 'bar-bottom');

/** `modal`: the one layout that blocks the page, so it is a real modal dialog (A2). */
class ModalBanner extends Attached<HTMLDialogElement> {
  attach(dialog: HTMLDialogElement) {
    return makeModal(dialog, () => this.props.onClose());
  }
  override render(props: BannerProps) {
    return (
      <dialog
        ref={this.keep}
        class="banner"
        aria-modal="true"
        aria-labelledby="cs-banner-title"
        aria-describedby="cs-banner-description"
      >
        <BannerContent {...props} />
      </dialog>
    );
  }
}

/**
 * Bars and the corner box are non-modal regions (A2: they never trap focus). They are `position: fixed`
 * overlays, so showing them moves nothing (U8), and they reserve scroll padding so a focused element is
 * never hidden underneath (WCAG 2.4.11).
 */
class RegionBanner extends Attached<HTMLElement> {
  attach(section: HTMLElement) {
    return reservePageSpace(
      this.props.doc,
      section,
      this.props.settings.ui.layout === 'bar-top' ? 'top' : 'bottom',
    );
  }
  override render(props: BannerProps) {
    return (
      <section
        ref={this.keep}
        class={`banner ${regionLayout(props.settings.ui.layout)}`}
        role="region"
        aria-labelledby="cs-banner-title"
      >
        <BannerContent {...props} />
      </section>
    );
  }
}

/** The first layer (U1): what the banner says and the three equal choices. */
export function Banner(props: BannerProps) {
  return props.settings.ui.layout === 'modal' ? <ModalBanner {...props} /> : <RegionBanner {...props} />;
}
