import type { ResolvedSettings } from '../config/types';
import { safeHref } from './safe-url';
import type { UiTexts } from './texts';

interface PolicyLinksProps {
  readonly settings: ResolvedSettings;
  readonly texts: UiTexts;
}

/**
 * The privacy-policy link and, for the Russian preset, the operator's legal name, the separate consent
 * document (152-FZ art. 9: consent is a document of its own since 1 Sep 2025) and the sentence tying a
 * decision to it (U5). URLs are re-checked here: only http(s) or relative ones become links (S3).
 */
export function PolicyLinks({ settings, texts }: PolicyLinksProps) {
  const { policy, preset } = settings;
  const russian = preset === 'ru-152fz';
  const privacy = safeHref(policy.privacyUrl);
  const consent = safeHref(policy.consentDocumentUrl);
  return (
    <>
      {russian && consent && <p>{texts.consentNotice}</p>}
      {russian && policy.operatorName && (
        <p>
          {texts.operator}: {policy.operatorName}
        </p>
      )}
      {(privacy || consent) && (
        <p class="links">
          {privacy && (
            <a href={privacy} target="_blank" rel="noopener">
              {texts.privacyPolicy}
            </a>
          )}
          {consent && (
            <a href={consent} target="_blank" rel="noopener">
              {texts.consentDocument}
            </a>
          )}
        </p>
      )}
    </>
  );
}
