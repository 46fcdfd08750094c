import { describeService } from './service-info';
import { useRef, useState } from 'preact/hooks';
import type { ConsentSnapshot } from '../consent/types';
import { CategorySwitch } from './category-switch';
import { CloseButton } from './close-button';
import { DecisionButtons } from './decision-buttons';
import { PolicyLinks } from './policy-links';
import type { UiTexts } from './texts';
import { categoryTexts } from './texts/resolve';
import type { UiHost } from './types';
import { dialogCss } from './styles';
import { useModalDialog } from './use-modal-dialog';

export interface PreferencesDialogProps {
  readonly host: UiHost;
  readonly texts: UiTexts;
  readonly snapshot: ConsentSnapshot;
  readonly onAcceptAll: () => void;
  readonly onRejectAll: () => void;
  /** Grant exactly these optional categories. */
  readonly onSave: (categories: readonly string[]) => void;
  /** Escape or ×: records nothing (U3). */
  readonly onClose: () => void;
}

export function isRequired(host: UiHost, id: string): boolean {
  return host.settings.categories[id]?.required ?? id === 'necessary';
}

/**
 * The second layer (U2, U4, A2): a modal dialog with one switch per offered category.
 * Optional switches start from the current choice — off when there is none (GDPR Art. 4(11), no pre-ticked boxes).
 */
export function PreferencesDialog({
  host,
  texts,
  snapshot,
  onAcceptAll,
  onRejectAll,
  onSave,
  onClose,
}: PreferencesDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, onClose);
  const optional = host.categories.filter((id) => !isRequired(host, id));
  const [granted, setGranted] = useState<ReadonlySet<string>>(
    () => new Set(snapshot.record ? optional.filter((id) => snapshot.granted[id] === true) : []),
  );
  const toggle = (id: string, on: boolean): void => {
    setGranted((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  };

  return (
    <dialog
      ref={ref}
      aria-modal="true"
      aria-labelledby="cs-dialog-title"
      aria-describedby="cs-dialog-description"
    >
      {/* Not a <header>: inside a dialog that would be a second `banner` landmark beside the page's (A1). */}
      <div class="head">
        <h2 id="cs-dialog-title">{texts.dialogTitle}</h2>
        <CloseButton label={texts.close} onClick={onClose} />
      </div>
      <p id="cs-dialog-description">{texts.dialogDescription}</p>
      {snapshot.gpc && <p class="note">{texts.gpcHonoured}</p>}
      <ul class="cats">
        {host.categories.map((id) => (
          <CategorySwitch
            key={id}
            id={id}
            category={categoryTexts(host.settings, id, host.language, host.texts)}
            required={isRequired(host, id)}
            checked={granted.has(id)}
            onToggle={toggle}
            services={host.services
              .filter((service) => service.category === id)
              .map((service) => describeService(service, host.settings.services[service.id]))}
            texts={texts}
            language={host.language}
          />
        ))}
      </ul>
      <DecisionButtons
        texts={texts}
        onAcceptAll={onAcceptAll}
        onRejectAll={onRejectAll}
        third={{
          action: 'save',
          label: texts.save,
          onClick: () => onSave(optional.filter((id) => granted.has(id))),
        }}
      />
      <PolicyLinks settings={host.settings} texts={texts} />
    </dialog>
  );
}

/** Its stylesheet travels with it (the banner's file does not carry the dialog's rules). */
PreferencesDialog.css = dialogCss;
