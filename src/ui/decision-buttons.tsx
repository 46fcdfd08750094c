import type { UiTexts } from './texts';

interface DecisionButtonsProps {
  readonly texts: UiTexts;
  readonly onAcceptAll: () => void;
  readonly onRejectAll: () => void;
  /** The third button: Settings on the banner, Save in the dialog. */
  readonly third: {
    readonly action: 'preferences' | 'save';
    readonly label: string;
    readonly onClick: (button: HTMLButtonElement) => void;
  };
}

/**
 * U1 / EDPB 03/2022 (deceptive design): accepting and refusing look exactly alike — same class, size,
 * weight and colour — and sit in one row in the order Accept, Reject, then the third choice (A4).
 * U9: `data-consentry-action` gives site tests stable hooks.
 */
export function DecisionButtons({ texts, onAcceptAll, onRejectAll, third }: DecisionButtonsProps) {
  return (
    <div class="actions">
      <button type="button" class="btn" data-consentry-action="accept-all" onClick={onAcceptAll}>
        {texts.acceptAll}
      </button>
      <button type="button" class="btn" data-consentry-action="reject-all" onClick={onRejectAll}>
        {texts.rejectAll}
      </button>
      <button
        type="button"
        class="btn"
        data-consentry-action={third.action}
        onClick={(event) => third.onClick(event.currentTarget)}
      >
        {third.label}
      </button>
    </div>
  );
}
