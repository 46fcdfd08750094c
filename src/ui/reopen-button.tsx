interface ReopenButtonProps {
  readonly label: string;
  readonly onOpen: (opener: HTMLButtonElement) => void;
}

/**
 * R1 / GDPR Art. 7(3): withdrawing must be as easy as giving consent, so a settings control stays
 * reachable on every page. 44 × 44 px, above the 24 × 24 px minimum of WCAG 2.5.8.
 */
export function ReopenButton({ label, onOpen }: ReopenButtonProps) {
  return (
    <button type="button" class="reopen" aria-label={label} onClick={(event) => onOpen(event.currentTarget)}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
        <path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-4.5 9a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm3 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm5-2a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM9 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Z" />
      </svg>
    </button>
  );
}
