interface CloseButtonProps {
  readonly label: string;
  readonly onClick: () => void;
}

/** U3: the × closes without recording any choice. */
export function CloseButton({ label, onClick }: CloseButtonProps) {
  return (
    <button type="button" class="close" aria-label={label} data-consentry-action="close" onClick={onClick}>
      <span aria-hidden="true">×</span>
    </button>
  );
}
