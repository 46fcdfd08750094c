import type { UiTexts } from './texts';
import { localize } from './texts/resolve';
import type { UiService } from './types';

interface ServiceDetailsProps {
  readonly service: UiService;
  readonly texts: UiTexts;
  readonly language: string;
}

/** U4: who receives the data, whether it leaves the operator or the country, and what is stored for how long. */
export function ServiceDetails({ service, texts, language }: ServiceDetailsProps) {
  const provider = localize(service.provider, language);
  const description = localize(service.description, language);
  const abroad =
    typeof service.abroad === 'string' && service.abroad !== ''
      ? service.abroad
      : service.abroad
        ? texts.yes
        : texts.no;
  return (
    <details>
      <summary>{service.name}</summary>
      {description && <p>{description}</p>}
      <dl>
        {provider && (
          <>
            <dt>{texts.provider}</dt>
            <dd>{provider}</dd>
          </>
        )}
        <dt>{texts.thirdParty}</dt>
        <dd>{service.thirdParty ? texts.yes : texts.no}</dd>
        <dt>{texts.abroad}</dt>
        <dd>{abroad}</dd>
      </dl>
      {service.declarations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{texts.cookieName}</th>
              <th scope="col">{texts.cookiePurpose}</th>
              <th scope="col">{texts.cookieLifetime}</th>
            </tr>
          </thead>
          <tbody>
            {service.declarations.map((declaration) => (
              <tr key={declaration.name}>
                <td>
                  {declaration.name}
                  {declaration.kind && declaration.kind !== 'cookie' ? ` (${declaration.kind})` : ''}
                </td>
                <td>{localize(declaration.purpose, language) ?? ''}</td>
                <td>{localize(declaration.lifetime, language) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
